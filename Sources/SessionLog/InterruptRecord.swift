/// The user interrupted the session (Ctrl-C), or it was asked to stop.
package struct InterruptRecord: Sendable, Hashable {
    /// The statement that was running, when one was.
    package var statement: Int?
    /// The signal's name, e.g. `SIGINT`.
    package var signal: String
    package var at: Int64

    package init(statement: Int?, signal: String, at: Int64) {
        self.statement = statement
        self.signal = signal
        self.at = at
    }
}

/// The session ended normally. A log without one was cut short (crash, `kill -9`).
package struct EndRecord: Sendable, Hashable {
    package var statements: Int
    package var requests: Int
    /// The exit code the session ended with.
    package var exitCode: Int
    package var at: Int64

    package init(statements: Int, requests: Int, exitCode: Int, at: Int64) {
        self.statements = statements
        self.requests = requests
        self.exitCode = exitCode
        self.at = at
    }
}
