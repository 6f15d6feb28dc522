import BinanceAPI

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A guess at what a client signed instead of what it sent: the string, the mistake that
/// produces it, and optionally a different signer (a secret with a stray newline).
struct PayloadVariant {
    var code: FindingCode
    /// The mistake, as a sentence about the client.
    var mistake: String
    var fix: String
    var payload: String
    /// nil: the configured key.
    var signer: RequestSigner?
}

/// Builds the variants of a request's signed string that the usual client mistakes produce.
///
/// Each variant changes one thing (encoding, order, placement, key) so that a match names one
/// cause. Variants equal to the exchange's own payload are dropped; duplicates keep the first.
struct PayloadVariants {
    /// The signed parameters, in sent order (without `signature` and anything after it).
    var signed: [SentParameter]
    /// Parameters sent after `signature` (the exchange does not sign them).
    var afterSignature: [SentParameter]
    /// The exchange's payload for this request.
    var payload: String
    var path: String?
    /// The documented order of the request's endpoint (``DocumentedOrder``), when known.
    var documentedOrder: [String]?
    var key: ExplainKey

    func all(permutationLimit: Int) -> [PayloadVariant] {
        var result: [PayloadVariant] = []
        var seen: Set<String> = [payload]
        func add(_ code: FindingCode, _ mistake: String, _ fix: String, _ payload: String, signer: RequestSigner? = nil) {
            if signer == nil {
                guard seen.insert(payload).inserted else { return }
            }
            result.append(PayloadVariant(code: code, mistake: mistake, fix: fix, payload: payload, signer: signer))
        }
        encodingVariants(add)
        placementVariants(add)
        orderVariants(add, permutationLimit: permutationLimit)
        keyVariants(add)
        return result
    }

    // MARK: - Encoding

    private static let encodeFix =
        "percent-encode every name and value once (UTF-8, RFC 3986 unreserved characters kept, uppercase hex),"
        + " sign that string, and send the same bytes"

    private func encodingVariants(_ add: (FindingCode, String, String, String, RequestSigner?) -> Void) {
        let changed = signed.filter { $0.raw != "\($0.name)=\($0.value)" }
        // Signed decoded text, sent encoded.
        let decoded = assemble { "\($0.name)=\($0.value)" }
        if changed.contains(where: { Self.hasEscape($0.value) }) {
            add(
                .encodedTwice,
                "the client signed the values encoded once but sent them encoded twice (\(example(changed)))",
                "encode once: the HTTP library is encoding the already-encoded query again; hand it the final string",
                decoded, nil)
        } else if changed.contains(where: { !$0.value.unicodeScalars.allSatisfy(\.isASCII) }) {
            add(
                .nonASCII,
                "the client signed the raw UTF-8 text (\(changed.map(\.value).joined(separator: ", "))) but sent it"
                    + " percent-encoded; REST signs the percent-encoded bytes (only the WebSocket API signs raw UTF-8)",
                Self.encodeFix, decoded, nil)
        } else {
            add(
                .valuesNotEncoded,
                "the client signed the values unencoded (\(changed.map { "\($0.name)=\($0.value)" }.joined(separator: ", ")))"
                    + " but sent them percent-encoded",
                Self.encodeFix, decoded, nil)
        }
        // Signed the canonical encoding, sent something else.
        let canonical = assemble { "\(PercentEncoding.encode($0.name))=\(PercentEncoding.encode($0.value))" }
        let raws = signed.map(\.raw).joined()
        if !raws.unicodeScalars.allSatisfy(\.isASCII) {
            add(
                .nonASCII,
                "the client sent raw UTF-8 characters in the URL but signed their percent-encoded form",
                Self.encodeFix, canonical, nil)
        } else if raws.contains("+") {
            add(
                .plusVersusPercent20, "the client sent spaces as '+' but signed them as '%20'",
                "use one encoder for both; '%20' is the RFC 3986 form the exchange documents", canonical, nil)
        } else if Self.hasLowercaseEscape(raws) {
            add(
                .escapeCase, "the client sent lowercase percent-escapes (e.g. %2f) but signed uppercase ones",
                "sign and send the same bytes; uppercase hex (%2F) is the canonical form", canonical, nil)
        } else {
            add(
                .valuesNotEncoded,
                "the client sent some characters unencoded (\(example(signed.filter { $0.raw != Self.canonical($0) })))"
                    + " but signed them percent-encoded",
                Self.encodeFix, canonical, nil)
        }
        add(
            .encodedTwice, "the client percent-encoded the already-encoded values again before signing",
            "encode once, sign that string, and send it unchanged",
            assemble { "\($0.rawName)=\(PercentEncoding.encode($0.rawValue))" }, nil)
        add(
            .plusVersusPercent20, "the client signed spaces as '%20' but sent them as '+'",
            "use one encoder for both signing and sending",
            assemble { $0.raw.replacingAll("+", with: "%20") }, nil)
        add(
            .plusVersusPercent20, "the client signed spaces as '+' but sent them as '%20'",
            "use one encoder for both signing and sending",
            assemble { $0.raw.replacingAll("%20", with: "+") }, nil)
        add(
            .plusVersusPercent20,
            "the client signed form encoding (spaces as '+', like Python's urlencode) but sent something else",
            "use one encoder for both signing and sending",
            assemble { "\(PercentEncoding.encode($0.name))=\(PercentEncoding.encode($0.value).replacingAll("%20", with: "+"))" },
            nil)
        add(
            .escapeCase, "the client signed uppercase percent-escapes but sent lowercase ones",
            "sign and send the same bytes", assemble { Self.recaseEscapes($0.raw, upper: true) }, nil)
        add(
            .escapeCase, "the client signed lowercase percent-escapes (e.g. %2f) but sent uppercase ones",
            "sign and send the same bytes; uppercase hex (%2F) is the canonical form",
            assemble { Self.recaseEscapes($0.raw, upper: false) }, nil)
    }

    // MARK: - Placement

    private func placementVariants(_ add: (FindingCode, String, String, String, RequestSigner?) -> Void) {
        if !afterSignature.isEmpty {
            add(
                .signatureNotLast,
                "the client signed every parameter but put signature before \(afterSignature.map(\.name).joined(separator: ", "));"
                    + " the exchange signs only what comes before signature",
                "append signature last, after every other parameter",
                (signed + afterSignature).map(\.raw).joined(separator: "&"), nil)
        }
        let query = signed.filter { $0.location == .query }.map(\.raw).joined(separator: "&")
        let body = signed.filter { $0.location == .body }.map(\.raw).joined(separator: "&")
        if !query.isEmpty && !body.isEmpty {
            let fix = "sign the query string followed directly by the body, with no '&' between them"
            add(
                .queryAndBody, "the client joined the query string and the body with '&' before signing", fix,
                query + "&" + body, nil)
            add(.queryAndBody, "the client signed only the query string, not the body", fix, query, nil)
            add(.queryAndBody, "the client signed only the body, not the query string", fix, body, nil)
            add(.queryAndBody, "the client signed the body before the query string", fix, body + query, nil)
        }
        add(
            .leadingQuestionMark, "the client signed the query string with its leading '?'",
            "sign the parameters only, without '?'", "?" + payload, nil)
        if let path {
            add(
                .leadingQuestionMark, "the client signed the path and query ('\(path)?…') instead of the query alone",
                "sign the parameters only", path + "?" + payload, nil)
        }
    }

    // MARK: - Order

    private func orderVariants(
        _ add: (FindingCode, String, String, String, RequestSigner?) -> Void, permutationLimit: Int
    ) {
        let sent = signed.map(\.name).joined(separator: ", ")
        let fix = "sign the parameters in exactly the order they are sent (build the string once, use it for both)"
        let sorted = signed.enumerated().sorted { ($0.element.name, $0.offset) < ($1.element.name, $1.offset) }
            .map(\.element)
        add(
            .parametersReordered,
            "the client signed the parameters in alphabetical order (\(sorted.map(\.name).joined(separator: ", ")))"
                + " but sent them as \(sent)", fix, sorted.map(\.raw).joined(separator: "&"), nil)
        if let documented = documentedOrder {
            let ordered = signed.enumerated().sorted {
                let left = documented.firstIndex(of: $0.element.name) ?? documented.count
                let right = documented.firstIndex(of: $1.element.name) ?? documented.count
                return (left, $0.offset) < (right, $1.offset)
            }.map(\.element)
            add(
                .parametersReordered,
                "the client signed the parameters in the documented order (\(ordered.map(\.name).joined(separator: ", ")))"
                    + " but sent them as \(sent)", fix, ordered.map(\.raw).joined(separator: "&"), nil)
        }
        let trailing: Set<String> = ["recvWindow", "timestamp"]
        let movedLast =
            signed.filter { !trailing.contains($0.name) } + signed.filter { $0.name == "recvWindow" }
            + signed.filter { $0.name == "timestamp" }
        add(
            .parametersReordered, "the client signed recvWindow and timestamp last but sent them elsewhere", fix,
            movedLast.map(\.raw).joined(separator: "&"), nil)
        guard signed.count >= 2, signed.count <= permutationLimit else { return }
        for permutation in Self.permutations(of: Array(signed.indices)) {
            let order = permutation.map { signed[$0] }
            add(
                .parametersReordered,
                "the client signed the parameters in another order (\(order.map(\.name).joined(separator: ", ")))"
                    + " than it sent them (\(sent))", fix, order.map(\.raw).joined(separator: "&"), nil)
        }
    }

    // MARK: - Key

    private func keyVariants(_ add: (FindingCode, String, String, String, RequestSigner?) -> Void) {
        for variant in key.whitespaceVariants {
            add(
                .secretWhitespace, "the client's secret differs from the configured one by whitespace: it has \(variant.label)",
                "strip whitespace and newlines from the secret where the client reads it (a file or an env var)",
                payload, variant.signer)
        }
        add(
            .apiKeyAsSecret, "the client signs with the API key instead of the secret key",
            "sign with the secret key; the API key only goes in the X-MBX-APIKEY header", payload,
            RequestSigner(hmacSecret: key.credentials.apiKey))
    }

    // MARK: - Helpers

    /// Rebuilds the exchange's payload shape (query then body, no separator) from transformed pieces.
    private func assemble(_ piece: (SentParameter) -> String) -> String {
        let query = signed.filter { $0.location == .query }.map(piece).joined(separator: "&")
        let body = signed.filter { $0.location == .body }.map(piece).joined(separator: "&")
        return query + body
    }

    private func example(_ parameters: [SentParameter]) -> String {
        parameters.prefix(3).map(\.raw).joined(separator: ", ")
    }

    static func canonical(_ parameter: SentParameter) -> String {
        "\(PercentEncoding.encode(parameter.name))=\(PercentEncoding.encode(parameter.value))"
    }

    static func hasEscape(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count >= 3 else { return false }
        for index in 0..<(bytes.count - 2) where bytes[index] == UInt8(ascii: "%") {
            if isHex(bytes[index + 1]) && isHex(bytes[index + 2]) { return true }
        }
        return false
    }

    static func hasLowercaseEscape(_ text: String) -> Bool {
        recaseEscapes(text, upper: true) != text
    }

    /// `text` with the hex digits of every `%XX` escape in upper or lower case.
    static func recaseEscapes(_ text: String, upper: Bool) -> String {
        var bytes = Array(text.utf8)
        var index = 0
        while index + 2 < bytes.count {
            if bytes[index] == UInt8(ascii: "%") && isHex(bytes[index + 1]) && isHex(bytes[index + 2]) {
                for offset in 1...2 {
                    let byte = bytes[index + offset]
                    if upper, byte >= UInt8(ascii: "a"), byte <= UInt8(ascii: "f") { bytes[index + offset] = byte - 32 }
                    if !upper, byte >= UInt8(ascii: "A"), byte <= UInt8(ascii: "F") { bytes[index + offset] = byte + 32 }
                }
                index += 3
            } else {
                index += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func isHex(_ byte: UInt8) -> Bool {
        (48...57).contains(byte) || (65...70).contains(byte) || (97...102).contains(byte)
    }

    /// All orderings of `items` (Heap's algorithm); callers keep `items` small.
    static func permutations(of items: [Int]) -> [[Int]] {
        var result: [[Int]] = []
        var items = items
        func generate(_ count: Int) {
            if count <= 1 {
                result.append(items)
                return
            }
            for index in 0..<count {
                generate(count - 1)
                items.swapAt(count % 2 == 0 ? index : 0, count - 1)
            }
        }
        generate(items.count)
        return result
    }
}

extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty, contains(target) else { return self }
        return components(separatedBy: target).joined(separator: replacement)
    }
}
