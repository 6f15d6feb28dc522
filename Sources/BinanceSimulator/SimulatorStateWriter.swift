import Dispatch
import Synchronization

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Writes an exchange's state to its ``SimulatorStateFile`` after changes, debounced: the first
/// change schedules one write ``debounceMilliseconds`` later, and changes until then join it, so
/// a burst of cancels costs one write and an acknowledged change reaches the disk within the
/// debounce plus one write. ``flush()`` writes what is left (at shutdown).
///
/// Writes run one at a time on a serial queue; the state is copied to text under the
/// exchange's lock and written outside it, so requests never wait for the disk. A failed write
/// (disk full, a state over the size cap) is reported and leaves the last good file.
public final class SimulatorStateWriter: Sendable {
    private let file: SimulatorStateFile
    /// Held as long as the writer: no other `bnc sim` writes the same file meanwhile.
    private let lock: SimulatorStateLock?
    private let exchange: Exchange
    private let debounceMilliseconds: Int
    private let report: @Sendable (String) -> Void
    private let queue = DispatchQueue(label: "bnc.sim.state")
    /// Whether a change waits for a write, whether a write is scheduled, and how many succeeded.
    private struct Progress {
        var dirty = false
        var scheduled = false
        var writes = 0
    }
    private let progress = Mutex(Progress())

    /// A writer of `exchange` to `file`, holding `lock` (taken before the file was read) for as
    /// long as it lives; `report` gets one line per failed write.
    public init(
        file: SimulatorStateFile, lock: SimulatorStateLock? = nil, exchange: Exchange, debounceMilliseconds: Int = 50,
        report: @escaping @Sendable (String) -> Void
    ) {
        self.file = file
        self.lock = lock
        self.exchange = exchange
        self.debounceMilliseconds = min(max(0, debounceMilliseconds), 60_000)
        self.report = report
    }

    /// Notes that the state changed: a write follows within the debounce.
    public func noteChange() {
        let schedule = progress.withLock { progress in
            progress.dirty = true
            defer { progress.scheduled = true }
            return !progress.scheduled
        }
        if schedule {
            queue.asyncAfter(deadline: .now() + .milliseconds(debounceMilliseconds)) { [self] in writeIfDirty() }
        }
    }

    /// Writes now, whatever changed or not, and waits for it (start-up and shutdown). Returns
    /// whether the file was written.
    @discardableResult
    public func flush() -> Bool {
        progress.withLock { $0.dirty = true }
        return queue.sync { writeIfDirty() }
    }

    /// How many writes succeeded (tests, the stop line).
    public var writeCount: Int {
        progress.withLock { $0.writes }
    }

    @discardableResult
    private func writeIfDirty() -> Bool {
        let needed = progress.withLock { progress in
            progress.scheduled = false
            defer { progress.dirty = false }
            return progress.dirty
        }
        guard needed else { return true }
        let text = exchange.withState { $0.stateJSON() }
        do {
            try file.write(text)
        } catch {
            report("bnc sim: \(error.message); the last good state stays")
            return false
        }
        progress.withLock { $0.writes += 1 }
        return true
    }
}
