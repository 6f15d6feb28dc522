import BinanceAPI

extension StatementRecord {
    /// The record's JSON line (with its newline), written directly: statements are the
    /// writer's hot path (a million-statement run records a million of them), so this skips
    /// building a `JSONObject`. Byte-identical to `SessionRecord.statement(self).line + "\n"`.
    func appendLine(to output: inout String) {
        output += #"{"kind":"statement","seq":"#
        output += String(sequence)
        output += #","source":"#
        JSONValue.writeString(source, to: &output)
        if let file {
            output += #","file":"#
            JSONValue.writeString(file, to: &output)
        }
        output += #","line":"#
        output += String(line)
        output += #","column":"#
        output += String(column)
        output += #","depth":"#
        output += String(depth)
        output += #","at":"#
        output += String(at)
        output += "}\n"
    }
}
