/// The user interrupted the session (Ctrl-C), or it was asked to stop.
public struct InterruptRecord: Sendable, Hashable {
    /// The statement that was running, when one was.
    public var statement: Int?
    /// The signal's name, e.g. `SIGINT`.
    public var signal: String
    public var at: Int64

    public init(statement: Int?, signal: String, at: Int64) {
        self.statement = statement
        self.signal = signal
        self.at = at
    }
}

/// The session ended normally. A log without one was cut short (crash, `kill -9`).
public struct EndRecord: Sendable, Hashable {
    public var statements: Int
    public var requests: Int
    /// The exit code the session ended with.
    public var exitCode: Int
    public var at: Int64

    public init(statements: Int, requests: Int, exitCode: Int, at: Int64) {
        self.statements = statements
        self.requests = requests
        self.exitCode = exitCode
        self.at = at
    }
}
