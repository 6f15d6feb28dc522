/// Bytes of the text ``JSONFieldScanner/scanObject(_:_:)`` scans — a key, a number's source, a
/// string between its quotes, an object's or array's exact text — read through safe accessors.
/// They are valid only while the scanned bytes are: the pointer stays inside BinanceAPI, no raw
/// pointer crosses the module boundary (docs/design.md).
public struct JSONRawBytes {
    // Inlinable accessors: the session-log reader compares keys by the million (replay speed).
    @usableFromInline let buffer: UnsafeBufferPointer<UInt8>

    @usableFromInline init(buffer: UnsafeBufferPointer<UInt8>) { self.buffer = buffer }

    /// The number of bytes.
    @inlinable public var count: Int { buffer.count }

    /// The byte at `index` (0 ..< count).
    @inlinable public subscript(index: Int) -> UInt8 { buffer[index] }

    /// Whether the bytes are exactly `name`'s UTF-8, without making a string.
    @inlinable public func equals(_ name: StaticString) -> Bool {
        guard buffer.count == name.utf8CodeUnitCount else { return false }
        let expected = name.utf8Start
        for offset in 0..<buffer.count where buffer[offset] != expected[offset] { return false }
        return true
    }

    /// The bytes as text (the scanner validated them as UTF-8).
    public var string: String { String(decoding: buffer, as: UTF8.self) }

    /// A copy of the bytes.
    public var array: [UInt8] { Array(buffer) }

    /// The bytes parsed as JSON (an object or array the scanner handed out as ``JSONRawValue/composite(_:)``).
    public func parseJSON() throws(JSONParseError) -> JSONValue { try JSONValue.parse(buffer) }
}

/// One field's value as it stands in the bytes, validated but not converted: what a reader that
/// needs a few fields of a large object uses instead of building a ``JSONValue`` tree.
///
/// The bytes are those being scanned and are valid only while they are (see ``JSONRawBytes``).
public enum JSONRawValue {
    case null
    case bool(Bool)
    /// A number's exact source text.
    case number(JSONRawBytes)
    /// A string's bytes between its quotes (valid UTF-8); `escaped` when they hold a backslash
    /// escape, which ``text`` resolves.
    case string(JSONRawBytes, escaped: Bool)
    /// An object or an array (valid JSON), as its exact bytes.
    case composite(JSONRawBytes)

    /// As ``JSONValue/stringValue``: a string's text or a number's source text; nil otherwise.
    public var text: String? {
        switch self {
        case .number(let bytes): return bytes.string
        case .string(let bytes, let escaped):
            guard escaped else { return bytes.string }
            // Escapes are rare in logs: parse the literal, quotes around it, from a copy (reading
            // the quotes around `bytes` in place would trust the caller's buffer too far).
            let quoted = [UInt8(ascii: "\"")] + bytes.array + [UInt8(ascii: "\"")]
            return quoted.withUnsafeBufferPointer { buffer in
                var parser = JSONParser(bytes: buffer)
                return try? parser.parseString()
            }
        default: return nil
        }
    }

    /// As ``JSONValue/integerValue``: `Int64(text)` of a number or a string; nil otherwise.
    public var integerValue: Int64? {
        switch self {
        case .number(let bytes), .string(let bytes, escaped: false): return Self.int64(buffer: bytes.buffer)
        case .string(_, escaped: true): return text.flatMap { Int64($0) }
        default: return nil
        }
    }

    /// True for `null`.
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// `Int64(String(decoding: bytes))` without making the string: an optional `+` or `-`, then
    /// one or more ASCII digits, nil on anything else or on overflow.
    public static func int64(_ bytes: Span<UInt8>) -> Int64? {
        bytes.withUnsafeBufferPointer { int64(buffer: $0) }
    }

    /// ``int64(_:)`` on a buffer of this module's.
    static func int64(buffer bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        var index = 0
        var negative = false
        if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            index = 1
        }
        guard index < bytes.count else { return nil }
        var value: Int64 = 0
        while index < bytes.count {
            let digit = bytes[index] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            // Accumulate negatively so Int64.min fits.
            let (shifted, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (next, overflow2) = shifted.subtractingReportingOverflow(Int64(digit))
            guard !overflow1 && !overflow2 else { return nil }
            value = next
            index += 1
        }
        if negative { return value }
        let (positive, overflow) = Int64(0).subtractingReportingOverflow(value)
        return overflow ? nil : positive
    }
}

/// Walks the top-level fields of a JSON object without building values: keys and values are
/// handed out as byte ranges after the same validation ``JSONValue/parse(_:)`` does, so a text
/// the scanner accepts is one the parser accepts, with the same fields (the parser keeps the
/// last of repeated keys: a caller that keeps the last occurrence gets the same).
public enum JSONFieldScanner {
    /// Calls `visit` with each field of the object that `bytes` holds (whitespace around it
    /// allowed), in order: the key's bytes between its quotes, whether the key holds an escape,
    /// and the value. Throws at the first byte that is not valid JSON, or when the text is not
    /// an object.
    public static func scanObject(
        _ bytes: Span<UInt8>, _ visit: (JSONRawBytes, Bool, JSONRawValue) -> Void
    ) throws(JSONParseError) {
        try bytes.withUnsafeBufferPointer { buffer throws(JSONParseError) in try scanObject(buffer: buffer, visit) }
    }

    /// ``scanObject(_:_:)`` on a buffer of this module's.
    static func scanObject(
        buffer bytes: UnsafeBufferPointer<UInt8>, _ visit: (JSONRawBytes, Bool, JSONRawValue) -> Void
    ) throws(JSONParseError) {
        var parser = JSONParser(bytes: bytes)
        parser.skipWhitespace()
        guard parser.index < bytes.count, bytes[parser.index] == UInt8(ascii: "{") else { throw parser.fail("not an object") }
        try parser.enter()
        parser.index += 1
        parser.skipWhitespace()
        if parser.index < bytes.count, bytes[parser.index] == UInt8(ascii: "}") {
            parser.index += 1
        } else {
            while true {
                parser.skipWhitespace()
                guard parser.index < bytes.count, bytes[parser.index] == UInt8(ascii: "\"") else {
                    throw parser.fail("expected a key")
                }
                let (key, keyEscaped) = try parser.skipString()
                parser.skipWhitespace()
                guard parser.index < bytes.count, bytes[parser.index] == UInt8(ascii: ":") else {
                    throw parser.fail("expected ':'")
                }
                parser.index += 1
                visit(JSONRawBytes(buffer: key), keyEscaped, try parser.rawValue())
                parser.skipWhitespace()
                guard parser.index < bytes.count else { throw parser.fail("unexpected end of input") }
                if bytes[parser.index] == UInt8(ascii: ",") {
                    parser.index += 1
                } else if bytes[parser.index] == UInt8(ascii: "}") {
                    parser.index += 1
                    break
                } else {
                    throw parser.fail("expected ',' or '}'")
                }
            }
        }
        parser.skipWhitespace()
        guard parser.index == bytes.count else { throw parser.fail("trailing characters") }
    }
}

extension JSONParser {
    /// The value at `index`, validated, as its bytes.
    mutating func rawValue() throws(JSONParseError) -> JSONRawValue {
        skipWhitespace()
        guard index < bytes.count else { throw fail("unexpected end of input") }
        switch bytes[index] {
        case UInt8(ascii: "\""):
            let (text, escaped) = try skipString()
            return .string(JSONRawBytes(buffer: text), escaped: escaped)
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            let start = index
            try skipValue()
            return .composite(JSONRawBytes(buffer: UnsafeBufferPointer(rebasing: bytes[start..<index])))
        case UInt8(ascii: "t"):
            try expectLiteral(Self.trueLiteral)
            return .bool(true)
        case UInt8(ascii: "f"):
            try expectLiteral(Self.falseLiteral)
            return .bool(false)
        case UInt8(ascii: "n"):
            try expectLiteral(Self.nullLiteral)
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            let start = try scanNumber()
            return .number(JSONRawBytes(buffer: UnsafeBufferPointer(rebasing: bytes[start..<index])))
        default: throw fail("unexpected character")
        }
    }

    /// Moves past a string literal, validating it as ``parseString()`` does; returns its bytes
    /// between the quotes and whether they hold an escape.
    mutating func skipString() throws(JSONParseError) -> (UnsafeBufferPointer<UInt8>, Bool) {
        let quote = index
        let (start, ascii) = scanPlainString()
        if index < bytes.count, bytes[index] == UInt8(ascii: "\"") {
            let text = UnsafeBufferPointer(rebasing: bytes[start..<index])
            index += 1
            if !ascii, Self.validUTF8(text) == nil { throw fail("invalid UTF-8") }
            return (text, false)
        }
        // Escapes (rare in logs): validate them the parser's way.
        index = quote
        _ = try parseString()
        return (UnsafeBufferPointer(rebasing: bytes[start..<(index - 1)]), true)
    }

    /// Moves past any value, validating it as ``parseValue()`` does, without building it.
    mutating func skipValue() throws(JSONParseError) {
        skipWhitespace()
        guard index < bytes.count else { throw fail("unexpected end of input") }
        switch bytes[index] {
        case UInt8(ascii: "{"):
            try enter()
            defer { depth -= 1 }
            index += 1
            skipWhitespace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
                index += 1
                return
            }
            while true {
                skipWhitespace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw fail("expected a key") }
                _ = try skipString()
                skipWhitespace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw fail("expected ':'") }
                index += 1
                try skipValue()
                skipWhitespace()
                guard index < bytes.count else { throw fail("unexpected end of input") }
                if bytes[index] == UInt8(ascii: ",") {
                    index += 1
                } else if bytes[index] == UInt8(ascii: "}") {
                    index += 1
                    return
                } else {
                    throw fail("expected ',' or '}'")
                }
            }
        case UInt8(ascii: "["):
            try enter()
            defer { depth -= 1 }
            index += 1
            skipWhitespace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
                index += 1
                return
            }
            while true {
                try skipValue()
                skipWhitespace()
                guard index < bytes.count else { throw fail("unexpected end of input") }
                if bytes[index] == UInt8(ascii: ",") {
                    index += 1
                } else if bytes[index] == UInt8(ascii: "]") {
                    index += 1
                    return
                } else {
                    throw fail("expected ',' or ']'")
                }
            }
        case UInt8(ascii: "\""): _ = try skipString()
        case UInt8(ascii: "t"): try expectLiteral(Self.trueLiteral)
        case UInt8(ascii: "f"): try expectLiteral(Self.falseLiteral)
        case UInt8(ascii: "n"): try expectLiteral(Self.nullLiteral)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): _ = try scanNumber()
        default: throw fail("unexpected character")
        }
    }
}
