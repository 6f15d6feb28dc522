/// How a run ended and what it did. The library reports what happened; the exit code for it is
/// the caller's decision (`bnc` maps it in one place).
package struct RunOutcome: Sendable {
    package enum Status: Sendable, Hashable {
        /// Every statement ran.
        case completed
        /// The check found errors (in ``RunOutcome/diagnostics``); nothing ran.
        case rejected
        /// A statement failed at run time and nothing caught it: what failed, and whether
        /// that statement sent anything (``RunFailure/isUsageError``).
        case failed(RunFailure)
        /// Ctrl-C stopped the run between statements.
        case interrupted
    }

    package var status: Status
    /// The check's errors, or the one run-time error.
    package var diagnostics: [Diagnostic]
    /// Statements that ran (a loop's body counts once per iteration).
    package var statementsRun: Int
    /// Operations performed (sent, or prepared in a dry run).
    package var requestsPerformed: Int
    /// For an interrupted or failed run: what was done, in one line.
    package var summary: String?

    package init(
        status: Status, diagnostics: [Diagnostic], statementsRun: Int = 0, requestsPerformed: Int = 0, summary: String? = nil
    ) {
        self.status = status
        self.diagnostics = diagnostics
        self.statementsRun = statementsRun
        self.requestsPerformed = requestsPerformed
        self.summary = summary
    }

    /// The failure, for a run that failed at run time.
    package var failure: RunFailure? {
        if case .failed(let failure) = status { return failure }
        return nil
    }
}
