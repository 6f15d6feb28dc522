/// A JSON text that could not be parsed, with the byte offset where parsing stopped.
public struct JSONParseError: Error, Sendable, Hashable, CustomStringConvertible {
    public var offset: Int
    public var reason: String
    public var description: String { "invalid JSON at byte \(offset): \(reason)" }

    public init(offset: Int, reason: String) {
        self.offset = offset
        self.reason = reason
    }
}

extension JSONValue {
    /// Parses a complete JSON text (RFC 8259). Numbers keep their source text.
    public static func parse(_ bytes: [UInt8]) throws(JSONParseError) -> JSONValue {
        try bytes.withUnsafeBufferPointer { buffer throws(JSONParseError) in try parse(buffer) }
    }

    /// Parses a complete JSON text held in `bytes` (e.g. a line inside a larger read buffer),
    /// without copying it first.
    public static func parse(_ bytes: Span<UInt8>) throws(JSONParseError) -> JSONValue {
        try bytes.withUnsafeBufferPointer { buffer throws(JSONParseError) in try parse(buffer) }
    }

    /// Parses a complete JSON text in `buffer`: the pointer stays in this module.
    static func parse(_ buffer: UnsafeBufferPointer<UInt8>) throws(JSONParseError) -> JSONValue {
        var parser = JSONParser(bytes: buffer)
        return try parser.parseDocument()
    }

    /// Parses a complete JSON text from a string.
    public static func parse(_ text: String) throws(JSONParseError) -> JSONValue {
        try parse(Array(text.utf8))
    }
}

/// A small recursive-descent parser; depth is bounded so hostile input cannot overflow the stack.
///
/// It reads the bytes through an unsafe buffer (no bounds checks beyond its own) and makes a
/// string of an escape-free JSON string straight from its bytes: one allocation per string at
/// most, none for the ≤ 15-byte keys and values that are most of what the exchange sends.
struct JSONParser {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0
    var depth = 0
    static let maximumDepth = 512
    /// The fields of the objects being parsed, innermost last, up to `fieldsTop` (entries past it
    /// are stale and overwritten): an object's fields are gathered
    /// here and copied into it once, instead of growing its array field by field.
    var fields: [(key: String, value: JSONValue)] = []
    var fieldsTop = 0

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    mutating func parseDocument() throws(JSONParseError) -> JSONValue {
        let value = try parseValue()
        skipWhitespace()
        guard index == bytes.count else { throw fail("trailing characters") }
        return value
    }

    func fail(_ reason: String) -> JSONParseError { JSONParseError(offset: index, reason: reason) }

    @inline(__always)
    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    mutating func parseValue() throws(JSONParseError) -> JSONValue {
        skipWhitespace()
        guard index < bytes.count else { throw fail("unexpected end of input") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"):
            try expectLiteral(Self.trueLiteral)
            return .bool(true)
        case UInt8(ascii: "f"):
            try expectLiteral(Self.falseLiteral)
            return .bool(false)
        case UInt8(ascii: "n"):
            try expectLiteral(Self.nullLiteral)
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        default: throw fail("unexpected character")
        }
    }

    static let trueLiteral: StaticString = "true"
    static let falseLiteral: StaticString = "false"
    static let nullLiteral: StaticString = "null"

    mutating func expectLiteral(_ literal: StaticString) throws(JSONParseError) {
        let count = literal.utf8CodeUnitCount
        guard index + count <= bytes.count else { throw fail("unexpected end of input") }
        let expected = literal.utf8Start
        for offset in 0..<count where bytes[index + offset] != expected[offset] { throw fail("invalid literal") }
        index += count
    }

    mutating func enter() throws(JSONParseError) {
        depth += 1
        guard depth <= Self.maximumDepth else { throw fail("nesting too deep") }
    }

    mutating func parseObject() throws(JSONParseError) -> JSONValue {
        try enter()
        defer { depth -= 1 }
        index += 1
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return .object(JSONObject())
        }
        let base = fieldsTop
        if fields.isEmpty { fields.reserveCapacity(16) } // the first object: room for a typical one at once
        defer { fieldsTop = base } // popped by moving the top: no element is moved or destroyed here
        // Past JSONObject.linearLimit keys the object itself takes the fields (it indexes them).
        var large: JSONObject?
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw fail("expected a key") }
            let key = try parseString()
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw fail("expected ':'") }
            index += 1
            let value = try parseValue()
            let length = key.utf8.count // O(1): most keys differ in length, and then no comparison is needed
            if large != nil {
                large![key] = value
            } else if let repeated = fields[base..<fieldsTop].firstIndex(where: { $0.key.utf8.count == length && $0.key == key })
            {
                fields[repeated].value = value // the last value counts, in the first one's place
            } else if fieldsTop - base < JSONObject.linearLimit {
                if fieldsTop < fields.count { fields[fieldsTop] = (key, value) } else { fields.append((key, value)) }
                fieldsTop += 1
            } else {
                var object = JSONObject(distinct: fields[base..<fieldsTop])
                object[key] = value
                large = object
            }
            skipWhitespace()
            guard index < bytes.count else { throw fail("unexpected end of input") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
            } else if bytes[index] == UInt8(ascii: "}") {
                index += 1
                return .object(large ?? JSONObject(distinct: fields[base..<fieldsTop]))
            } else {
                throw fail("expected ',' or '}'")
            }
        }
    }

    mutating func parseArray() throws(JSONParseError) -> JSONValue {
        try enter()
        defer { depth -= 1 }
        index += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            return .array(elements)
        }
        while true {
            elements.append(try parseValue())
            skipWhitespace()
            guard index < bytes.count else { throw fail("unexpected end of input") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
            } else if bytes[index] == UInt8(ascii: "]") {
                index += 1
                return .array(elements)
            } else {
                throw fail("expected ',' or ']'")
            }
        }
    }

    /// Moves past a number (the JSON grammar) and returns where it started.
    mutating func scanNumber() throws(JSONParseError) -> Int {
        let start = index
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        let digitsStart = index
        skipDigits()
        guard index > digitsStart else { throw fail("expected digits") }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            let fractionStart = index
            skipDigits()
            guard index > fractionStart else { throw fail("expected fraction digits") }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            let exponentStart = index
            skipDigits()
            guard index > exponentStart else { throw fail("expected exponent digits") }
        }
        return start
    }

    @inline(__always)
    mutating func skipDigits() {
        while index < bytes.count, bytes[index] &- UInt8(ascii: "0") < 10 { index += 1 }
    }

    mutating func parseNumber() throws(JSONParseError) -> String {
        let start = try scanNumber()
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
    }

    /// Moves past a string without escapes up to its closing quote; returns where its text
    /// starts and whether it is all ASCII. Stops (without failing) at a backslash, a control
    /// character or the end, leaving `index` there.
    @inline(__always)
    mutating func scanPlainString() -> (start: Int, ascii: Bool) {
        index += 1
        let start = index
        var high: UInt8 = 0
        // Eight bytes at a time while none of them is a quote, a backslash or a control
        // character (then byte by byte, which also finds exactly where the string stops).
        var highWord: UInt64 = 0
        if let base = bytes.baseAddress {
            while index + 8 <= bytes.count {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                if Self.hasByte(below: 0x20, word) || Self.hasByte(0x22, word) || Self.hasByte(0x5C, word) { break }
                highWord |= word
                index += 8
            }
        }
        if highWord & 0x8080_8080_8080_8080 != 0 { high = 0x80 }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 { break }
            high |= byte
            index += 1
        }
        return (start, high < 0x80)
    }

    /// Whether a byte of `word` equals `byte` (a zero byte of their XOR).
    @inline(__always)
    static func hasByte(_ byte: UInt8, _ word: UInt64) -> Bool {
        hasByte(below: 1, word ^ (0x0101_0101_0101_0101 &* UInt64(byte)))
    }

    /// Whether a byte of `word` is below `limit` (at most 0x80): the classic bit trick, exact
    /// for whether any such byte exists.
    @inline(__always)
    static func hasByte(below limit: UInt8, _ word: UInt64) -> Bool {
        (word &- 0x0101_0101_0101_0101 &* UInt64(limit)) & ~word & 0x8080_8080_8080_8080 != 0
    }

    mutating func parseString() throws(JSONParseError) -> String {
        let (start, ascii) = scanPlainString()
        if index < bytes.count, bytes[index] == UInt8(ascii: "\"") {
            let text = UnsafeBufferPointer(rebasing: bytes[start..<index])
            index += 1
            if ascii { return String(decoding: text, as: UTF8.self) }
            guard let valid = Self.validUTF8(text) else { throw fail("invalid UTF-8") }
            return valid
        }
        // An escape (or an error): unescape into a buffer from here on.
        var output = Array(UnsafeBufferPointer(rebasing: bytes[start..<index]))
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                let text = output.withUnsafeBufferPointer { Self.validUTF8($0) }
                guard let text else { throw fail("invalid UTF-8") }
                return text
            case UInt8(ascii: "\\"):
                index += 1
                try unescape(into: &output)
            case 0x00..<0x20:
                throw fail("control character in string")
            default:
                output.append(byte)
                index += 1
            }
        }
        throw fail("unterminated string")
    }

    /// The escape after a backslash (`index` is past the backslash), appended as UTF-8.
    mutating func unescape(into output: inout [UInt8]) throws(JSONParseError) {
        guard index < bytes.count else { throw fail("unterminated escape") }
        let escape = bytes[index]
        index += 1
        switch escape {
        case UInt8(ascii: "\""): output.append(0x22)
        case UInt8(ascii: "\\"): output.append(0x5C)
        case UInt8(ascii: "/"): output.append(0x2F)
        case UInt8(ascii: "b"): output.append(0x08)
        case UInt8(ascii: "f"): output.append(0x0C)
        case UInt8(ascii: "n"): output.append(0x0A)
        case UInt8(ascii: "r"): output.append(0x0D)
        case UInt8(ascii: "t"): output.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try parseHex4()
            if (0xD800...0xDBFF).contains(scalar) {
                guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
                else { throw fail("unpaired surrogate") }
                index += 2
                let low = try parseHex4()
                guard (0xDC00...0xDFFF).contains(low) else { throw fail("unpaired surrogate") }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            } else if (0xDC00...0xDFFF).contains(scalar) {
                throw fail("unpaired surrogate")
            }
            guard let unicode = Unicode.Scalar(scalar) else { throw fail("invalid scalar") }
            UTF8.encode(unicode) { output.append($0) }
        default:
            throw fail("invalid escape")
        }
    }

    /// The text of `bytes` when they are valid UTF-8; nil otherwise.
    ///
    /// Decoding repairs an invalid sequence with U+FFFD, whose bytes differ from the invalid
    /// ones, so the decoded text has the same bytes exactly when the input was valid.
    static func validUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        let text = String(decoding: bytes, as: UTF8.self)
        return text.utf8.elementsEqual(bytes) ? text : nil
    }

    mutating func parseHex4() throws(JSONParseError) -> UInt32 {
        guard index + 4 <= bytes.count else { throw fail("short \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw fail("invalid hex digit")
            }
            value = value << 4 | digit
            index += 1
        }
        return value
    }
}
