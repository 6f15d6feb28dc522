/// How a run ended, what it did, and the exit code bnc returns for it.
public struct RunOutcome: Sendable {
    public enum Status: Sendable, Hashable {
        /// Every statement ran.
        case completed
        /// The check found errors; nothing ran (exit 2).
        case rejected
        /// A statement failed at run time and nothing caught it (exit 1, or 2 for a validation
        /// error found at run time: that request was not sent).
        case failed
        /// Ctrl-C stopped the run between statements (exit 1).
        case interrupted
    }

    public var status: Status
    /// The check's errors, or the one run-time error.
    public var diagnostics: [Diagnostic]
    /// 0 success, 1 runtime or exchange error, 2 usage or validation error.
    public var exitCode: Int32
    /// Statements that ran (a loop's body counts once per iteration).
    public var statementsRun: Int
    /// Operations performed (sent, or prepared in a dry run).
    public var requestsPerformed: Int
    /// For an interrupted or failed run: what was done, in one line.
    public var summary: String?
}
