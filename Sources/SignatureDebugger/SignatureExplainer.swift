import BinanceAPI

/// Explains why the exchange would accept or reject a request another client built: parses it,
/// finds the exact string the exchange verifies, re-signs it with the configured key, and when
/// the signatures differ, re-signs the variants the usual client mistakes produce until one
/// reproduces the given signature.
///
/// ```swift
/// let explainer = SignatureExplainer(key: .demo, endpoints: CommandCatalog.standard.endpoints)
/// let explanation = try explainer.explain("symbol=LTCBTC&…&signature=…", at: .localClock())
/// print(explanation.text)
/// ```
package struct SignatureExplainer: Sendable {
    package var key: ExplainKey
    /// The endpoints whose documented parameter order a request is compared with (bnc passes
    /// its command table's); a request to any other path is explained without that comparison.
    package var endpoints: [EndpointDescription]

    package init(key: ExplainKey, endpoints: [EndpointDescription] = []) {
        self.key = key
        self.endpoints = endpoints
    }

    /// Parses `text` (URL, query string or curl command line) and explains it against `reference`.
    package func explain(_ text: String, at reference: TimeReference) throws(ExplainInputError) -> Explanation {
        try explain(CapturedRequest.parse(text), at: reference)
    }

    /// Parses `text`, then asks `timeSource` for the exchange's time (falling back to the local
    /// clock, and saying so, when it cannot answer) and explains against it. The input is parsed
    /// first so that unreadable input never causes a network request.
    package func explain(
        _ text: String, timeSource: (any ServerTimeSource)?
    ) async throws(ExplainInputError) -> Explanation {
        let request = try CapturedRequest.parse(text)
        guard let timeSource else { return try explain(request, at: .localClock()) }
        do {
            let before = ExchangeClock.localMilliseconds()
            let server = try await timeSource.serverTime()
            let after = ExchangeClock.localMilliseconds()
            let reference = TimeReference(
                source: .server, milliseconds: server, localMilliseconds: before + (after - before) / 2,
                endpoint: timeSource.endpointName)
            return try explain(request, at: reference)
        } catch let error as ServerTimeError {
            var explanation = try explain(request, at: .localClock())
            explanation.findings.append(
                Finding(
                    .serverTimeUnavailable, .warning,
                    "could not get the exchange's time from \(timeSource.endpointName): \(error.reason)",
                    fix: "check the endpoint; the timestamp was compared with this machine's clock instead"))
            explanation.findings = Self.ordered(explanation.findings)
            return explanation
        } catch let error as ExplainInputError {
            throw error
        } catch {
            throw .empty // unreachable: both calls throw only the two typed errors above
        }
    }

    /// Explains an already parsed request against `reference`.
    package func explain(_ request: CapturedRequest, at reference: TimeReference) throws(ExplainInputError) -> Explanation {
        let queryParameters = try SentParameter.parse(request.query, location: .query)
        let bodyParameters = try SentParameter.parse(request.body ?? "", location: .body)
        let all = queryParameters + bodyParameters
        guard !all.isEmpty else { throw .noParameters(request.query + (request.body ?? "")) }

        let layout = SignedLayout(request: request, query: queryParameters, body: bodyParameters)
        let expected = key.credentials.signer.sign(layout.payload)
        var findings = requestFindings(request, all: all, layout: layout)

        var matches = false
        var givenShape: SignatureShape?
        if let signature = layout.signature {
            givenShape = SignatureShape(signature.value)
            let (match, signatureFindings) = SignatureComparison(
                key: key, layout: layout, path: request.path,
                documentedOrder: DocumentedOrder(endpoints: endpoints).names(
                    method: request.method, path: request.path, sent: layout.signed.map(\.name)),
                expected: expected, given: signature
            ).findings()
            matches = match
            findings += signatureFindings
        } else {
            findings.append(
                Finding(
                    .signatureMissing, .error, "the request has no signature parameter; signed endpoints need one (-1102)",
                    fix: "append &signature=\(expected.urlValue) (the signature of the string below with the configured key)"))
        }
        if let header = request.apiKeyHeader, header != key.credentials.apiKey {
            findings.append(
                Finding(
                    .apiKeyDiffers, matches ? .error : .warning,
                    "the request's X-MBX-APIKEY (\(Credentials.mask(header))) is not the configured key"
                        + " (\(key.credentials.maskedAPIKey))"
                        + (matches
                            ? ": the exchange verifies with the secret of the key in the header, so it rejects this"
                            : ": the expected signature uses the configured key's secret"),
                    fix: "use the secret that belongs to the API key in the header, or configure that key"))
        }

        let (timing, timingFindings) = TimingCheck.analyze(parameters: all, path: request.path, reference: reference)
        findings += timingFindings

        return Explanation(
            request: request, keyType: key.credentials.signer.keyType, maskedAPIKey: key.credentials.maskedAPIKey,
            keySource: key.source, requestAPIKeyMasked: request.apiKeyHeader.map(Credentials.mask),
            parameters: all, signedPayload: layout.payload, expectedSignature: expected,
            givenSignature: layout.signature?.rawValue, givenSignatureDecoded: layout.signature?.value,
            givenShape: givenShape, signatureMatches: matches, timing: timing, findings: Self.ordered(findings))
    }

    private func requestFindings(_ request: CapturedRequest, all: [SentParameter], layout: SignedLayout) -> [Finding] {
        var findings: [Finding] = []
        let signatures = all.filter { $0.name == "signature" }
        if signatures.count > 1 {
            findings.append(
                Finding(
                    .duplicateSignature, .error, "the request has \(signatures.count) signature parameters",
                    fix: "send exactly one signature, last"))
        }
        var seen: Set<String> = []
        for parameter in all where parameter.name != "signature" {
            if !seen.insert(parameter.name).inserted {
                findings.append(
                    Finding(
                        .duplicateParameter, .warning,
                        "\(parameter.name) is sent more than once; the exchange uses the query string's value",
                        fix: "send each parameter once"))
            }
            if parameter.value.isEmpty {
                findings.append(
                    Finding(
                        .emptyValue, .warning, "\(parameter.name) is sent with an empty value (\(parameter.raw))",
                        fix: "omit optional parameters that have no value instead of sending them empty"))
            }
        }
        if !layout.afterSignature.isEmpty {
            findings.append(
                Finding(
                    .signatureNotLast, .error,
                    "signature is not the last parameter: \(layout.afterSignature.map(\.name).joined(separator: ", "))"
                        + " come after it and are not covered by it",
                    fix: "append signature last, after every other parameter"))
        }
        if request.form == .curl && request.apiKeyHeader == nil {
            findings.append(
                Finding(
                    .apiKeyHeaderMissing, .warning, "the curl command sends no X-MBX-APIKEY header (-2014)",
                    fix: "add -H 'X-MBX-APIKEY: <your API key>'"))
        }
        if request.method == .delete, let body = request.body, !body.isEmpty,
            request.path?.hasPrefix("/sapi/") ?? false
        {
            findings.append(
                Finding(
                    .deleteParametersInBody, .warning,
                    "DELETE sends parameters in the body; the exchange now expects margin DELETE parameters in the URL query",
                    fix: "move every parameter, signature included, into the query string"))
        }
        return findings
    }

    /// Errors first, then warnings, then notes; confirmed causes first within each.
    static func ordered(_ findings: [Finding]) -> [Finding] {
        findings.enumerated().sorted {
            ($0.element.severity, $0.element.confirmed ? 0 : 1, $0.offset)
                < ($1.element.severity, $1.element.confirmed ? 0 : 1, $1.offset)
        }.map(\.element)
    }
}

/// Which bytes the exchange verifies: the query string then the body, directly concatenated,
/// with the `signature` parameter and anything after it in its part removed.
struct SignedLayout {
    var payload: String
    var signature: SentParameter?
    /// Parameters covered by the signature, in sent order.
    var signed: [SentParameter]
    /// Parameters after `signature` in its part: not covered.
    var afterSignature: [SentParameter]

    init(request: CapturedRequest, query: [SentParameter], body: [SentParameter]) {
        let bodyText = request.body ?? ""
        if let index = query.firstIndex(where: { $0.name == "signature" }) {
            signature = query[index]
            payload = Self.prefix(of: request.query, before: query[index]) + bodyText
            signed = Array(query[..<index]) + body
            afterSignature = Array(query[(index + 1)...])
        } else if let index = body.firstIndex(where: { $0.name == "signature" }) {
            signature = body[index]
            payload = request.query + Self.prefix(of: bodyText, before: body[index])
            signed = query + Array(body[..<index])
            afterSignature = Array(body[(index + 1)...])
        } else {
            signature = nil
            payload = request.query + bodyText
            signed = query + body
            afterSignature = []
        }
    }

    /// The raw text before the `&` that precedes `parameter`, byte for byte.
    private static func prefix(of text: String, before parameter: SentParameter) -> String {
        let pieces = text.split(separator: "&", omittingEmptySubsequences: false)
        guard
            let index = pieces.firstIndex(where: {
                $0 == parameter.raw || ($0 == parameter.rawName && parameter.rawValue.isEmpty)
            })
        else { return text }
        return pieces[..<index].joined(separator: "&")
    }
}
