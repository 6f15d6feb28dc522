import Foundation

/// Set from a signal handler or another task (Ctrl-C); the interpreter checks it between
/// statements and stops, reporting what was done.
public final class InterruptFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var raised = false

    public init() {}

    /// Asks the running script to stop before its next statement.
    public func raise() {
        lock.lock()
        raised = true
        lock.unlock()
    }

    /// Clears the flag (before the next input in the shell).
    public func reset() {
        lock.lock()
        raised = false
        lock.unlock()
    }

    public var isRaised: Bool {
        lock.lock()
        defer { lock.unlock() }
        return raised
    }
}

/// Bounds on a run, for fuzzing and tests; scripts run unbounded by default (loops are bounded
/// only by the user).
public struct ExecutionLimits: Sendable, Hashable {
    /// Stop after this many steps (statements run plus loop iterations); nil for no limit.
    public var maximumStatements: Int?
    /// Cap on `sleep` durations in ms (tests set 0); nil for no cap.
    public var maximumSleep: Int64?

    public init(maximumStatements: Int? = nil, maximumSleep: Int64? = nil) {
        self.maximumStatements = maximumStatements
        self.maximumSleep = maximumSleep
    }

    public static let unlimited = ExecutionLimits()
}
