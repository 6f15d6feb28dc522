import BinanceAPI

/// How the writer turns records into bytes on its hot path (a request and a response record per
/// request sent): `SessionRecord.json` defines the fields, these write them straight into the
/// writer's byte buffer — byte-identical to `SessionRecord.line` — without building a `String`
/// scalar by scalar, and without parsing and re-serialising a response body that is already
/// in the form the log stores.
extension JSONBytes {
    /// Appends `record`'s line and its newline: the bytes of `record.line + "\n"`. The records
    /// written for every request — request, response and statement — are written field by
    /// field, without building the `JSONObject` of ``SessionRecord/json`` (whose keyed inserts
    /// and serialisation were 6% of a whole loop of cancels on the wire, docs/performance.md,
    /// "Fourth pass: the wire"); the others go through it.
    static func appendRecord(_ record: SessionRecord, to output: inout [UInt8]) {
        switch record {
        case .request(let request):
            request.appendLine(to: &output)
        case .response(let response) where response.hasFewHeaders:
            response.appendLine(to: &output)
        case .statement(let statement):
            statement.appendLine(to: &output)
        default:
            appendValue(record.json, to: &output)
            output.append(0x0A)
        }
    }

    /// Appends `value` as compact JSON, exactly as `JSONValue.serialized`. When `body` is given,
    /// a top-level `"body"` member's value is replaced by those bytes (see ``isStoredVerbatim(_:)``).
    static func appendValue(_ value: JSONValue, to output: inout [UInt8], body: [UInt8]? = nil) {
        switch value {
        case .null: JSONBytes.appendLiteral("null", to: &output)
        case .bool(let flag): output.append(contentsOf: (flag ? "true" : "false").utf8)
        case .number(let text): output.append(contentsOf: text.utf8)
        case .string(let text): appendEscaped(text, to: &output)
        case .array(let elements):
            output.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                appendValue(element, to: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .object(let object):
            output.append(UInt8(ascii: "{"))
            for (index, pair) in object.pairs.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                appendEscaped(pair.key, to: &output)
                output.append(UInt8(ascii: ":"))
                if let body, pair.key == "body" {
                    output.append(contentsOf: body)
                } else {
                    appendValue(pair.value, to: &output)
                }
            }
            output.append(UInt8(ascii: "}"))
        }
    }

    /// `appendString`, with the common case — nothing to escape — appended in one copy.
    static func appendEscaped(_ text: String, to output: inout [UInt8]) {
        var text = text
        let plain = text.withUTF8 { bytes in
            bytes.allSatisfy { $0 >= 0x20 && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }
        }
        guard plain else { return appendString(text, to: &output) }
        output.append(UInt8(ascii: "\""))
        text.withUTF8 { output.append(contentsOf: $0) }
        output.append(UInt8(ascii: "\""))
    }

    /// Whether `ResponseBody(bytes:)` would store `bytes` as parsed JSON whose serialisation is
    /// `bytes` itself — so the record may carry the bytes as they are.
    ///
    /// Sound, not complete: it accepts compact JSON (an object or array at the top, no white
    /// space outside strings, nesting up to 64) whose strings are printable ASCII with only the
    /// escapes the serialiser writes (`\"` `\\` `\n` `\r` `\t` `\b` `\f`), numbers in the JSON
    /// grammar (kept as their text) and no repeated key in an object. What it refuses takes the
    /// exact path: parse, re-serialise, compare.
    static func isStoredVerbatim(_ bytes: [UInt8]) -> Bool {
        guard let first = bytes.first, first == UInt8(ascii: "{") || first == UInt8(ascii: "[") else { return false }
        return bytes.withUnsafeBufferPointer { buffer in
            var scanner = CompactJSONScanner(bytes: buffer)
            return scanner.value(depth: 0) && scanner.index == buffer.count
        }
    }
}

/// Checks compact JSON for ``JSONBytes/isStoredVerbatim(_:)``.
private struct CompactJSONScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0
    static let maximumDepth = 64
    /// Keys per object compared pairwise before a set takes over: the count of the inline array
    /// that holds them (`object(depth:)`), read from it, so the two cannot disagree.
    static var linearKeys: Int { InlineKeys.count }
    /// The first keys' byte ranges of an object, kept inline (no allocation per answer).
    typealias InlineKeys = InlineArray<16, Range<Int>>

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    private var current: UInt8? { index < bytes.count ? bytes[index] : nil }

    private mutating func take(_ byte: UInt8) -> Bool {
        guard current == byte else { return false }
        index += 1
        return true
    }

    mutating func value(depth: Int) -> Bool {
        guard let byte = current else { return false }
        switch byte {
        case UInt8(ascii: "{"): return depth < Self.maximumDepth && object(depth: depth + 1)
        case UInt8(ascii: "["): return depth < Self.maximumDepth && array(depth: depth + 1)
        case UInt8(ascii: "\""): return string() != nil
        case UInt8(ascii: "t"): return literal("true")
        case UInt8(ascii: "f"): return literal("false")
        case UInt8(ascii: "n"): return literal("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return number()
        default: return false
        }
    }

    private mutating func object(depth: Int) -> Bool {
        index += 1
        if take(UInt8(ascii: "}")) { return true }
        // A repeated key would be merged by parsing, so it refuses. Small objects (the exchange's)
        // compare the few keys directly; past `linearKeys` the keys go into a set, so an object
        // of 5,000 keys from a hostile server costs 5,000 lookups, not 12 million comparisons
        // made under the log writer's lock.
        // The first keys' ranges are kept inline, not in an array: an answer's object costs no
        // allocation here (the array grown key by key allocated several times per answer).
        var keys = InlineKeys(repeating: 0..<0)
        var keyCount = 0
        var keySet: Set<[UInt8]>?
        while true {
            guard let key = string() else { return false }
            if var set = keySet {
                keySet = nil // keep the set uniquely referenced while it grows
                guard set.insert(Array(bytes[key])).inserted else { return false }
                keySet = set
            } else {
                let length = key.count
                for seen in 0..<keyCount where keys[seen].count == length {
                    if sameBytes(keys[seen], key) { return false } // parsing would merge them
                }
                keys[keyCount] = key
                keyCount += 1
                if keyCount == keys.count {
                    var set = Set<[UInt8]>(minimumCapacity: 2 * Self.linearKeys)
                    for seen in 0..<keyCount { set.insert(Array(bytes[keys[seen]])) }
                    keySet = set
                }
            }
            guard take(UInt8(ascii: ":")), value(depth: depth) else { return false }
            if take(UInt8(ascii: ",")) { continue }
            return take(UInt8(ascii: "}"))
        }
    }

    /// Whether a byte of `word` equals `byte` (a zero byte of their XOR).
    private static func hasByte(_ byte: UInt8, _ word: UInt64) -> Bool {
        hasByte(below: 1, word ^ (0x0101_0101_0101_0101 &* UInt64(byte)))
    }

    /// Whether a byte of `word` is below `limit` (at most 0x80): exact for whether any is.
    private static func hasByte(below limit: UInt8, _ word: UInt64) -> Bool {
        (word &- 0x0101_0101_0101_0101 &* UInt64(limit)) & ~word & 0x8080_8080_8080_8080 != 0
    }

    /// Whether the two ranges of `bytes`, of equal length, hold the same bytes.
    private func sameBytes(_ first: Range<Int>, _ second: Range<Int>) -> Bool {
        var offset = 0
        while offset < first.count {
            if bytes[first.lowerBound + offset] != bytes[second.lowerBound + offset] { return false }
            offset += 1
        }
        return true
    }

    private mutating func array(depth: Int) -> Bool {
        index += 1
        if take(UInt8(ascii: "]")) { return true }
        while true {
            guard value(depth: depth) else { return false }
            if take(UInt8(ascii: ",")) { continue }
            return take(UInt8(ascii: "]"))
        }
    }

    /// A string; returns the range of its contents (between the quotes).
    private mutating func string() -> Range<Int>? {
        guard take(UInt8(ascii: "\"")) else { return nil }
        let start = index
        // Eight bytes at a time while all of them are plain: printable ASCII other than a quote
        // or a backslash (then byte by byte, which also finds exactly where the string stops).
        if let base = bytes.baseAddress {
            while index + 8 <= bytes.count {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 != 0 || Self.hasByte(below: 0x20, word) || Self.hasByte(0x22, word)
                    || Self.hasByte(0x5C, word) || Self.hasByte(0x7F, word)
                {
                    break
                }
                index += 8
            }
        }
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return start..<(index - 1)
            case UInt8(ascii: "\\"):
                guard index + 1 < bytes.count else { return nil }
                switch bytes[index + 1] {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"),
                    UInt8(ascii: "b"), UInt8(ascii: "f"):
                    index += 2
                default:
                    return nil // \/ and \u are re-serialised differently
                }
            case 0x20...0x7E:
                index += 1
            default:
                return nil // control characters are invalid; non-ASCII takes the exact path
            }
        }
        return nil
    }

    private mutating func literal(_ text: StaticString) -> Bool {
        let count = text.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        for offset in 0..<count where bytes[index + offset] != text.utf8Start[offset] { return false }
        index += count
        return true
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`
    private mutating func number() -> Bool {
        _ = take(UInt8(ascii: "-"))
        if take(UInt8(ascii: "0")) {
            if let next = current, isDigit(next) { return false }
        } else if !digits() {
            return false
        }
        if take(UInt8(ascii: ".")), !digits() { return false }
        if take(UInt8(ascii: "e")) || take(UInt8(ascii: "E")) {
            if !take(UInt8(ascii: "+")) { _ = take(UInt8(ascii: "-")) }
            if !digits() { return false }
        }
        return true
    }

    private mutating func digits() -> Bool {
        let start = index
        while let byte = current, isDigit(byte) { index += 1 }
        return index > start
    }

    private func isDigit(_ byte: UInt8) -> Bool { (48...57).contains(byte) }
}

extension RequestRecord {
    /// Appends the record's JSON line and its newline, field by field: byte-identical to
    /// `SessionRecord.request(self).line + "\n"` (the same fields in the same order as
    /// ``SessionRecord/json``, absent optional fields left out, strings escaped as
    /// `JSONValue` does).
    func appendLine(to output: inout [UInt8]) {
        JSONBytes.appendLiteral(#"{"kind":"request","id":"#, to: &output)
        JSONBytes.appendInteger(id, to: &output)
        if let statement {
            JSONBytes.appendLiteral(#","statement":"#, to: &output)
            JSONBytes.appendInteger(statement, to: &output)
        }
        JSONBytes.appendLiteral(#","attempt":"#, to: &output)
        JSONBytes.appendInteger(attempt, to: &output)
        JSONBytes.appendLiteral(#","title":"#, to: &output)
        JSONBytes.appendEscaped(title, to: &output)
        JSONBytes.appendLiteral(#","method":"#, to: &output)
        JSONBytes.appendEscaped(method.rawValue, to: &output)
        JSONBytes.appendLiteral(#","path":"#, to: &output)
        JSONBytes.appendEscaped(path, to: &output)
        JSONBytes.appendLiteral(#","query":"#, to: &output)
        JSONBytes.appendEscaped(query, to: &output)
        if let timestamp {
            JSONBytes.appendLiteral(#","timestamp":"#, to: &output)
            JSONBytes.appendInteger(timestamp, to: &output)
        }
        if let newClientOrderId {
            JSONBytes.appendLiteral(#","newClientOrderId":"#, to: &output)
            JSONBytes.appendEscaped(newClientOrderId, to: &output)
        }
        if let keyType {
            JSONBytes.appendLiteral(#","keyType":"#, to: &output)
            JSONBytes.appendEscaped(keyType.rawValue, to: &output)
        }
        if let signatureFingerprint {
            JSONBytes.appendLiteral(#","signatureSHA256":"#, to: &output)
            JSONBytes.appendEscaped(signatureFingerprint, to: &output)
        }
        JSONBytes.appendLiteral(#","weight":"#, to: &output)
        JSONBytes.appendInteger(weight.value, to: &output)
        JSONBytes.appendLiteral(#","weightScope":"#, to: &output)
        JSONBytes.appendEscaped(weight.scope.rawValue, to: &output)
        JSONBytes.appendLiteral(#","at":"#, to: &output)
        JSONBytes.appendInteger(at, to: &output)
        if let origin {
            JSONBytes.appendLiteral(#","origin":"#, to: &output)
            JSONBytes.appendEscaped(origin, to: &output)
        }
        JSONBytes.appendLiteral("}\n", to: &output)
    }
}

extension ResponseRecord {
    /// Whether ``appendLine(to:body:)`` may write the record: few enough headers that merging
    /// repeated names pairwise is cheap (past that, `JSONObject` indexes them, and so does the
    /// general path).
    var hasFewHeaders: Bool { headers.count <= 16 }

    /// Appends the record's JSON line and its newline, field by field: byte-identical to
    /// `SessionRecord.response(self).line + "\n"`. Headers go in as `JSONObject` keeps them: a
    /// repeated name once, at its first place, with its last value. With `body`, those bytes
    /// are written as the `body` member's value (``JSONBytes/isStoredVerbatim(_:)``) whatever
    /// ``body`` holds. Only for ``hasFewHeaders``.
    func appendLine(to output: inout [UInt8], body verbatim: [UInt8]? = nil) {
        JSONBytes.appendLiteral(#"{"kind":"response","request":"#, to: &output)
        JSONBytes.appendInteger(request, to: &output)
        JSONBytes.appendLiteral(#","status":"#, to: &output)
        JSONBytes.appendInteger(status, to: &output)
        JSONBytes.appendLiteral(#","headers":{"#, to: &output)
        var first = true
        for (index, header) in headers.enumerated()
        where !headers[..<index].contains(where: { $0.name == header.name }) {
            if !first { output.append(UInt8(ascii: ",")) }
            first = false
            JSONBytes.appendEscaped(header.name, to: &output)
            output.append(UInt8(ascii: ":"))
            let last = headers[index...].last { $0.name == header.name } ?? header
            JSONBytes.appendEscaped(last.value, to: &output)
        }
        output.append(UInt8(ascii: "}"))
        if let verbatim {
            JSONBytes.appendLiteral(#","body":"#, to: &output)
            output.append(contentsOf: verbatim)
        } else {
            switch body {
            case .json(let value):
                JSONBytes.appendLiteral(#","body":"#, to: &output)
                JSONBytes.appendValue(value, to: &output)
            case .text(let text):
                JSONBytes.appendLiteral(#","bodyText":"#, to: &output)
                JSONBytes.appendEscaped(text, to: &output)
            case .base64(let text):
                JSONBytes.appendLiteral(#","bodyBase64":"#, to: &output)
                JSONBytes.appendEscaped(text, to: &output)
            }
        }
        JSONBytes.appendLiteral(#","latencyUs":"#, to: &output)
        JSONBytes.appendInteger(latencyMicroseconds, to: &output)
        JSONBytes.appendLiteral(#","at":"#, to: &output)
        JSONBytes.appendInteger(at, to: &output)
        JSONBytes.appendLiteral("}\n", to: &output)
    }
}
