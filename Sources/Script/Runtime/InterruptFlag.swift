import Synchronization

/// Set from a signal handler or another task (Ctrl-C); the interpreter checks it between
/// statements and stops, reporting what was done. One atomic flag: no lock to take in a
/// signal handler's path.
package final class InterruptFlag: Sendable {
    private let raised = Atomic<Bool>(false)

    package init() {}

    /// Asks the running script to stop before its next statement.
    package func raise() {
        raised.store(true, ordering: .sequentiallyConsistent)
    }

    /// Clears the flag (before the next input in the shell).
    package func reset() {
        raised.store(false, ordering: .sequentiallyConsistent)
    }

    package var isRaised: Bool {
        raised.load(ordering: .sequentiallyConsistent)
    }
}

/// Bounds on a run, for fuzzing and tests; scripts run unbounded by default (loops are bounded
/// only by the user).
package struct ExecutionLimits: Sendable, Hashable {
    /// Stop after this many steps (statements run plus loop iterations); nil for no limit.
    package var maximumStatements: Int?
    /// Cap on `sleep` durations in ms (tests set 0); nil for no cap.
    package var maximumSleep: Int64?

    package init(maximumStatements: Int? = nil, maximumSleep: Int64? = nil) {
        self.maximumStatements = maximumStatements
        self.maximumSleep = maximumSleep
    }

    package static let unlimited = ExecutionLimits()
}
