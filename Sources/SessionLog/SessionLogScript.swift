import BinanceAPI

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Turns a log back into a `.bnc` script: its top-level statements in the order they ran.
///
/// Statements inside loops and branches are part of their top-level statement's source, so
/// only `depth` 0 statements are printed; each is preceded by a comment naming where it came
/// from, so the script can be edited and run again.
package struct SessionLogScript {
    private var lastFile: String??

    package init() {}

    /// The script lines for `entry` (none for records that are not top-level statements).
    package mutating func lines(for entry: SessionLogEntry) -> [String] {
        guard case .record(let record, _) = entry else { return [] }
        switch record {
        case .header(let header):
            // Comment lines hold text from the log: escaped, so a newline in a crafted header
            // cannot end the comment and slip a statement into the script.
            return [
                TerminalText.escaped(
                    "# bnc session of \(UTCTime.readable(milliseconds: header.started)) UTC against \(header.endpoint)"
                        + " (bnc \(header.bncVersion), \(header.mode))")
            ]
        case .statement(let statement) where statement.depth == 0:
            var lines: [String] = []
            if lastFile != .some(statement.file) {
                lines.append(TerminalText.escaped("# from \(statement.file ?? "interactive input")"))
                lastFile = .some(statement.file)
            }
            // Line breaks are the script's own; any other control character (a crafted log's
            // ESC sequence) is shown escaped rather than sent to the terminal.
            let source = statement.source.replacing("\r\n", with: "\n")
            lines.append(TerminalText.escaped(source, keepingLineBreaks: true))
            return lines
        default:
            return []
        }
    }
}
