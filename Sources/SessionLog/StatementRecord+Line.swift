extension StatementRecord {
    /// Appends the record's JSON line (with its newline) to `output`, written byte by byte:
    /// statements are the writer's hot path (a million-statement run records a million of
    /// them), so this skips building a `JSONObject` and a `String`. Byte-identical to
    /// `SessionRecord.statement(self).line + "\n"`.
    func appendLine(to output: inout [UInt8]) {
        output.append(contentsOf: #"{"kind":"statement","seq":"#.utf8)
        JSONBytes.appendInteger(sequence, to: &output)
        output.append(contentsOf: #","source":"#.utf8)
        JSONBytes.appendEscaped(source, to: &output) // appendString's bytes, in one copy when nothing is escaped
        if let file {
            output.append(contentsOf: #","file":"#.utf8)
            JSONBytes.appendEscaped(file, to: &output)
        }
        output.append(contentsOf: #","line":"#.utf8)
        JSONBytes.appendInteger(line, to: &output)
        output.append(contentsOf: #","column":"#.utf8)
        JSONBytes.appendInteger(column, to: &output)
        output.append(contentsOf: #","depth":"#.utf8)
        JSONBytes.appendInteger(depth, to: &output)
        output.append(contentsOf: #","at":"#.utf8)
        JSONBytes.appendInteger(at, to: &output)
        output.append(contentsOf: "}\n".utf8)
    }
}

/// JSON text written straight into bytes, with the same escaping as
/// `JSONValue.writeString` (RFC 8259's required escapes; UTF-8 passes through).
enum JSONBytes {
    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

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
