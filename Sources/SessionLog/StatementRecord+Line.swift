extension StatementRecord {
    /// Appends the record's JSON line (with its newline) to `output`, written byte by byte:
    /// statements are the writer's hot path (a million-statement run records a million of
    /// them), so this skips building a `JSONObject` and a `String`. Byte-identical to
    /// `SessionRecord.statement(self).line + "\n"`.
    func appendLine(to output: inout [UInt8]) {
        JSONBytes.appendLiteral(#"{"kind":"statement","seq":"#, to: &output)
        JSONBytes.appendInteger(sequence, to: &output)
        JSONBytes.appendLiteral(#","source":"#, to: &output)
        JSONBytes.appendEscaped(source, to: &output) // appendString's bytes, in one copy when nothing is escaped
        if let file {
            JSONBytes.appendLiteral(#","file":"#, to: &output)
            JSONBytes.appendEscaped(file, to: &output)
        }
        JSONBytes.appendLiteral(#","line":"#, to: &output)
        JSONBytes.appendInteger(line, to: &output)
        JSONBytes.appendLiteral(#","column":"#, to: &output)
        JSONBytes.appendInteger(column, to: &output)
        JSONBytes.appendLiteral(#","depth":"#, to: &output)
        JSONBytes.appendInteger(depth, to: &output)
        JSONBytes.appendLiteral(#","at":"#, to: &output)
        JSONBytes.appendInteger(at, to: &output)
        JSONBytes.appendLiteral("}\n", to: &output)
    }
}

/// JSON text written straight into bytes, with the same escaping as
/// `JSONValue.writeString` (RFC 8259's required escapes; UTF-8 passes through).
enum JSONBytes {
    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// Appends a literal's bytes in one copy (appending a `String.UTF8View` goes through the
    /// generic sequence path, byte by byte: a fifth of writing a request record).
    @inline(__always)
    static func appendLiteral(_ literal: StaticString, to output: inout [UInt8]) {
        output.append(contentsOf: UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    static func appendString(_ text: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): output.append(contentsOf: [0x5C, 0x22])
            case UInt8(ascii: "\\"): output.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: output.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: output.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: output.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0x08: output.append(contentsOf: [0x5C, UInt8(ascii: "b")])
            case 0x0C: output.append(contentsOf: [0x5C, UInt8(ascii: "f")])
            case 0x00..<0x20:
                output.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]])
            default: output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }

    static func appendInteger<Integer: BinaryInteger>(_ value: Integer, to output: inout [UInt8]) {
        if value == 0 {
            output.append(UInt8(ascii: "0"))
            return
        }
        var magnitude = value.magnitude
        if value < 0 { output.append(UInt8(ascii: "-")) }
        var digits:
            (
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8
            ) =
                (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            while magnitude > 0 && count < buffer.count {
                buffer[buffer.count - 1 - count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            }
            output.append(contentsOf: buffer[(buffer.count - count)...])
        }
    }
}
