import BinanceAPI

/// The parameters of a request, parsed from the raw bytes the exchange received, plus the exact
/// bytes the signature covers.
///
/// The signed payload is the received `totalParams` (the query, then the body when body
/// parameters are read) with the `signature` parameter cut out: byte for byte what the client
/// sent, never a decoded and re-encoded copy.
struct ParameterList {
    /// One parameter: decoded name and value, and where it came from.
    struct Entry {
        var name: String
        var value: String
        var fromBody: Bool
    }

    private(set) var entries: [Entry] = []
    /// The bytes the signature is verified over.
    private(set) var signedPayload: [UInt8] = []
    /// The `signature` value, percent-decoded; nil when none was sent.
    private(set) var signature: String?
    /// Parameters per source compared pairwise before a set takes over.
    static let linearNames = 16

    /// Parses `query` (and `body`, when given) as `application/x-www-form-urlencoded`.
    ///
    /// Throws -1101 when a parameter repeats within the query or within the body (a parameter in
    /// both is not an error: the query's value wins, as the exchange documents), -1100 when an
    /// escape is malformed.
    init(query: [UInt8], body: [UInt8]?) throws(ExchangeReject) {
        signedPayload.reserveCapacity(query.count + (body?.count ?? 0))
        try absorb(query, fromBody: false)
        if let body, !body.isEmpty { try absorb(body, fromBody: true) }
    }

    private mutating func absorb(_ bytes: [UInt8], fromBody: Bool) throws(ExchangeReject) {
        var start = 0
        var keptAny = false
        let sourceStart = entries.count
        // Names seen in this source: the few of a real request are compared directly; past
        // `linearNames` they go into a set, so 100,000 parameters cost 100,000 lookups, not
        // five billion comparisons.
        var names: Set<String>?
        while start <= bytes.count {
            var end = start
            while end < bytes.count && bytes[end] != UInt8(ascii: "&") { end += 1 }
            if end > start {
                let piece = bytes[start..<end]
                let equals = piece.firstIndex(of: UInt8(ascii: "="))
                let rawName = equals.map { piece[piece.startIndex..<$0] } ?? piece
                let rawValue = equals.map { piece[($0 + 1)...] } ?? piece[piece.endIndex...]
                guard let name = Self.decode(rawName), let value = Self.decode(rawValue) else {
                    throw .illegalCharacters
                }
                if name == "signature" {
                    if signature != nil { throw .duplicateParameter }
                    signature = value
                } else {
                    if names != nil {
                        guard names!.insert(name).inserted else { throw .duplicateParameter }
                    } else {
                        for index in sourceStart..<entries.count where entries[index].name == name {
                            throw .duplicateParameter
                        }
                        if entries.count - sourceStart + 1 == Self.linearNames {
                            names = Set(entries[sourceStart...].map(\.name) + [name])
                        }
                    }
                    // The signed bytes are the received ones with only `signature=...` cut out.
                    if keptAny { signedPayload.append(UInt8(ascii: "&")) }
                    signedPayload.append(contentsOf: piece)
                    keptAny = true
                    entries.append(Entry(name: name, value: value, fromBody: fromBody))
                }
            }
            start = end + 1
        }
    }

    /// The value of `name`: the query's when it is in both query and body.
    func value(_ name: String) -> String? {
        var fromBody: String?
        for entry in entries where entry.name == name {
            if !entry.fromBody { return entry.value }
            fromBody = fromBody ?? entry.value
        }
        return fromBody
    }

    /// Whether any parameter was read from the body.
    var hasBodyParameters: Bool { entries.contains { $0.fromBody } }

    /// Percent-decodes form-encoded bytes (`+` is a space); nil when an escape is malformed or the
    /// result is not UTF-8.
    static func decode(_ bytes: ArraySlice<UInt8>) -> String? {
        var needsWork = false
        for byte in bytes where byte == UInt8(ascii: "%") || byte == UInt8(ascii: "+") {
            needsWork = true
            break
        }
        if !needsWork { return String(validating: bytes, as: UTF8.self) }
        return PercentEncoding.decode(Substring(decoding: bytes, as: UTF8.self), plusIsSpace: true)
    }
}
