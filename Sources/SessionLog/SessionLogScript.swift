/// Turns a log back into a `.bnc` script: its top-level statements in the order they ran.
///
/// Statements inside loops and branches are part of their top-level statement's source, so
/// only `depth` 0 statements are printed; each is preceded by a comment naming where it came
/// from, so the script can be edited and run again.
public struct SessionLogScript {
    private var lastFile: String??

    public init() {}

    /// The script lines for `entry` (none for records that are not top-level statements).
    public mutating func lines(for entry: SessionLogEntry) -> [String] {
        guard case .record(let record, _) = entry else { return [] }
        switch record {
        case .header(let header):
            return [
                "# bnc session of \(UTCTime.readable(milliseconds: header.started)) UTC against \(header.endpoint)"
                    + " (bnc \(header.bncVersion), \(header.mode))"
            ]
        case .statement(let statement) where statement.depth == 0:
            var lines: [String] = []
            if lastFile != .some(statement.file) {
                lines.append("# from \(statement.file ?? "interactive input")")
                lastFile = .some(statement.file)
            }
            lines.append(statement.source)
            return lines
        default:
            return []
        }
    }
}
