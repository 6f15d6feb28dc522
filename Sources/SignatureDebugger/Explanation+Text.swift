import BinanceAPI

extension Explanation {
    /// The step-by-step report `bnc explain` prints. Contains no secret; keys are masked.
    package var text: String {
        var lines: [String] = []
        let keyOrigin =
            keySource == "demo"
            ? "the demo key of the exchange's documentation; set BINANCE_API_KEY with BINANCE_API_SECRET or"
                + " BINANCE_PRIVATE_KEY_FILE to check against yours"
            : "from \(keySource)"
        lines.append("Key      \(keyType.rawValue), API key \(maskedAPIKey) (\(keyOrigin))")
        lines.append("Request  \(requestLine)")
        if let requestAPIKeyMasked { lines.append("         X-MBX-APIKEY: \(requestAPIKeyMasked)") }
        lines.append("")

        lines.append("1. Parameters, in the order sent")
        let sentWidth = min(parameters.map { $0.raw.count }.max() ?? 0, 48)
        for (index, parameter) in parameters.enumerated() {
            let decoded = "\(parameter.name)=\(parameter.value)"
            let sent = decoded == parameter.raw ? parameter.raw : parameter.raw.padding(to: sentWidth)
            let note = decoded == parameter.raw ? "" : "  decoded: \(decoded)"
            lines.append("   \(String(index + 1).padding(to: 2)) \(parameter.location.rawValue.padding(to: 5)) \(sent)\(note)")
        }
        lines.append("")

        lines.append("2. Signed string: \(payloadOrigin) (\(signedPayload.utf8.count) bytes)")
        lines.append("   \(signedPayload)")
        lines.append("")

        lines.append("3. Signature (\(keyType == .hmac ? "HMAC-SHA256, hex" : "\(keyType.rawValue), base64"))")
        if let givenSignature {
            lines.append("   given     \(givenSignature)")
            if let givenSignatureDecoded, givenSignatureDecoded != givenSignature {
                lines.append("   decoded   \(givenSignatureDecoded)")
            }
            if let givenShape { lines.append("             \(givenShape.summary)") }
        } else {
            lines.append("   given     (none)")
        }
        lines.append("   expected  \(expectedSignature.text)")
        if expectedSignature.urlValue != expectedSignature.text {
            lines.append("   in URL    \(expectedSignature.urlValue)")
        }
        lines.append(
            "   => " + (givenSignature == nil ? "no signature to compare" : signatureMatches ? "matches" : "does NOT match"))
        lines.append("")

        lines.append("4. Timing, against \(TimingCheck.describe(timing.reference)) (\(timing.reference.milliseconds))")
        if let timestamp = timing.timestamp {
            var detail = "\(timestamp) (\(timing.unit?.rawValue ?? "unknown"))"
            if let age = timing.ageMilliseconds {
                detail += age >= 0 ? ", \(TimingCheck.describeAge(age)) old" : ", \(age.magnitude) ms in the future"
            }
            lines.append("   timestamp   \(detail)")
        } else {
            lines.append("   timestamp   (none)")
        }
        let window = timing.recvWindowMilliseconds.map(TimingCheck.format) ?? "?"
        lines.append("   recvWindow  \(timing.recvWindow == nil ? "\(window) ms (the default; not sent)" : "\(window) ms")")
        switch timing.accepted {
        case true?: lines.append("   => within the window")
        case false?: lines.append("   => outside the window")
        case nil: lines.append("   => cannot be judged")
        }
        lines.append("")

        if !findings.isEmpty {
            lines.append("Findings")
            for finding in findings {
                let confirmed = finding.confirmed ? " (confirmed by re-signing)" : ""
                lines.append("   \(finding.severity.rawValue.padding(to: 7)) \(finding.code.rawValue)\(confirmed)")
                lines.append("           \(finding.message)")
                if let reproducedWith = finding.reproducedWith, reproducedWith != signedPayload {
                    lines.append("           the client signed: \(reproducedWith)")
                }
                if let fix = finding.fix { lines.append("           fix: \(fix)") }
            }
            lines.append("")
        }
        let errors = findings.filter { $0.severity == .error }
        if errors.isEmpty {
            lines.append("Result   valid: the exchange would accept this signature and timing")
        } else {
            let first = errors.first { $0.confirmed } ?? errors.first { $0.code != .signatureMismatch } ?? errors[0]
            lines.append("Result   INVALID (\(errors.count) error\(errors.count == 1 ? "" : "s")): \(first.message)")
        }
        return lines.joined(separator: "\n")
    }

    /// `DELETE https://api.binance.com/sapi/v1/margin/order (curl command line)`.
    var requestLine: String {
        let method = request.method?.rawValue ?? "(method not given)"
        let target = (request.origin ?? "") + (request.path ?? "")
        let form: String
        switch request.form {
        case .curl: form = "curl command line"
        case .url: form = "URL"
        case .queryString: form = "query string"
        }
        let body = request.body.map { ", body of \($0.utf8.count) bytes" } ?? ""
        return target.isEmpty ? "\(method) (\(form)\(body))" : "\(method) \(target) (\(form)\(body))"
    }

    /// Which parts of the request the signed string is made of.
    var payloadOrigin: String {
        let hasQuery = !request.query.isEmpty
        let hasBody = !(request.body ?? "").isEmpty
        let location = parameters.first { $0.name == "signature" }?.location
        switch (hasQuery, hasBody, location) {
        case (true, true, _): return "the query string followed directly by the body (no '&' between), signature removed"
        case (_, true, .body?): return "the body before &signature="
        case (true, _, .query?): return "the query string before &signature="
        case (_, true, _): return "the body"
        default: return "the query string"
        }
    }
}

extension String {
    func padding(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
