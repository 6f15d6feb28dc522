/// A statement, recorded just before it runs.
package struct StatementRecord: Sendable, Hashable {
    /// 1, 2, 3… in the order statements ran; requests refer to it.
    package var sequence: Int
    /// The statement's source text, as written.
    package var source: String
    /// The script file, or nil for the shell and `-c`.
    package var file: String?
    /// The 1-based line the statement starts on.
    package var line: Int
    /// The 1-based column the statement starts at.
    package var column: Int
    /// Nesting depth: 0 for a top-level statement, 1 inside a loop or branch body, …
    ///
    /// `bnc log script` and replay use the top-level statements only; nested ones are recorded
    /// so a log shows what each iteration did.
    package var depth: Int
    /// When it started, ms since the epoch.
    package var at: Int64

    package init(sequence: Int, source: String, file: String?, line: Int, column: Int = 1, depth: Int = 0, at: Int64) {
        self.sequence = sequence
        self.source = source
        self.file = file
        self.line = line
        self.column = column
        self.depth = depth
        self.at = at
    }
}
