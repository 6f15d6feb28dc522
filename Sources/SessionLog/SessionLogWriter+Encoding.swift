import BinanceAPI

/// How the writer turns records into bytes on its hot path (a request and a response record per
/// request sent): `SessionRecord.json` defines the fields, these write them straight into the
/// writer's byte buffer — byte-identical to `SessionRecord.line` — without building a `String`
/// scalar by scalar, and without parsing and re-serialising a response body that is already
/// in the form the log stores.
extension JSONBytes {
    /// Appends `value` as compact JSON, exactly as `JSONValue.serialized`. When `body` is given,
    /// a top-level `"body"` member's value is replaced by those bytes (see ``isStoredVerbatim(_:)``).
    static func appendValue(_ value: JSONValue, to output: inout [UInt8], body: [UInt8]? = nil) {
        switch value {
        case .null: output.append(contentsOf: "null".utf8)
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
    /// Keys per object compared pairwise before a set takes over.
    static let linearKeys = 16

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
        var keys: [Range<Int>] = []
        var keySet: Set<[UInt8]>?
        while true {
            guard let key = string() else { return false }
            if var set = keySet {
                keySet = nil // keep the set uniquely referenced while it grows
                guard set.insert(Array(bytes[key])).inserted else { return false }
                keySet = set
            } else {
                let length = key.count
                for seen in keys where seen.count == length {
                    if bytes[seen].elementsEqual(bytes[key]) { return false } // parsing would merge them
                }
                keys.append(key)
                if keys.count == Self.linearKeys {
                    var set = Set<[UInt8]>(minimumCapacity: 2 * Self.linearKeys)
                    for seen in keys { set.insert(Array(bytes[seen])) }
                    keySet = set
                }
            }
            guard take(UInt8(ascii: ":")), value(depth: depth) else { return false }
            if take(UInt8(ascii: ",")) { continue }
            return take(UInt8(ascii: "}"))
        }
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
