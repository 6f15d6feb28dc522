/// A statement, recorded just before it runs.
public struct StatementRecord: Sendable, Hashable {
    /// 1, 2, 3… in the order statements ran; requests refer to it.
    public var sequence: Int
    /// The statement's source text, as written.
    public var source: String
    /// The script file, or nil for the shell and `-c`.
    public var file: String?
    /// The 1-based line the statement starts on.
    public var line: Int
    /// The 1-based column the statement starts at.
    public var column: Int
    /// Nesting depth: 0 for a top-level statement, 1 inside a loop or branch body, …
    ///
    /// `bnc log script` and replay use the top-level statements only; nested ones are recorded
    /// so a log shows what each iteration did.
    public var depth: Int
    /// When it started, ms since the epoch.
    public var at: Int64

    public init(sequence: Int, source: String, file: String?, line: Int, column: Int = 1, depth: Int = 0, at: Int64) {
        self.sequence = sequence
        self.source = source
        self.file = file
        self.line = line
        self.column = column
        self.depth = depth
        self.at = at
    }
}
