import Dispatch
import Synchronization

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Output for a file descriptor, gathered in memory and written in large pieces.
///
/// A script that prints a record per statement would otherwise make a `write(2)` per record
/// (a dry-run loop of a million cancels: a million system calls). The bytes are written when
/// 64 KiB have gathered, when ``flush()`` is called — before anything goes to standard error,
/// before the script sleeps, before a request goes on the wire when the output is a terminal, at
/// the end of the run — and at least every `flushInterval` by a timer, so a running script's
/// output stays live on screen or in a file someone follows.
package final class OutputBuffer: Sendable {
    /// Where the bytes go.
    package let fileDescriptor: Int32
    /// Pending bytes are written once there are this many.
    package let threshold: Int
    /// Whether the descriptor was a terminal when the buffer was made (someone watches it live).
    package let isTerminal: Bool
    /// The pending bytes and the timer, in an object of their own that the flush timer holds
    /// strongly. A `[weak self]` handler gave the buffer a side table, and from then on every
    /// retain and release of it — several a statement in a dry-run loop — took the runtime's slow
    /// path. The cycle core → timer → handler → core is broken by ``deinit``, which cancels the
    /// timer (Dispatch then releases its handler).
    private let core: Core
    /// The timer's interval in ns; the timer starts with the first bytes, so a process that never
    /// prints script output (the shell) never wakes up for it.
    private let flushNanoseconds: Int?

    /// The mutex and what it guards.
    private final class Core: Sendable {
        /// Bytes are written to the descriptor while the mutex is held, on purpose: output from
        /// several threads then never interleaves or changes order.
        let state: Mutex<State>
        let fileDescriptor: Int32

        init(fileDescriptor: Int32, capacity: Int) {
            self.fileDescriptor = fileDescriptor
            state = Mutex(State(capacity: capacity))
        }

        func flush() {
            state.withLock { $0.writePending(to: fileDescriptor) }
        }
    }

    /// Everything the mutex guards.
    private struct State: ~Copyable {
        /// Pending bytes: `used` of `capacity` (raw memory, so that a writer can fill it through a
        /// pointer without zeroing it first).
        var storage: UnsafeMutablePointer<UInt8>
        var capacity: Int
        var used = 0
        var timer: (any DispatchSourceTimer)?
        /// Whether `timer` was started: what every write checks (reading the optional timer to
        /// compare it with nil copied it, a retain and release per write of a dry-run loop).
        var timerStarted = false

        init(capacity: Int) {
            self.capacity = capacity
            storage = .allocate(capacity: capacity)
        }

        deinit {
            timer?.cancel()
            storage.deallocate()
        }

        /// Room for at least `minimum` bytes (nothing pending).
        mutating func grow(to minimum: Int) {
            storage.deallocate()
            capacity = minimum
            storage = .allocate(capacity: capacity)
        }

        /// Writes all pending bytes, retrying short writes and EINTR; on another error (a closed
        /// pipe) the bytes are dropped, as a direct write would have lost them.
        mutating func writePending(to fileDescriptor: Int32) {
            guard used > 0 else { return }
            var offset = 0
            while offset < used {
                #if canImport(Glibc)
                    let written = Glibc.write(fileDescriptor, storage + offset, used - offset)
                #else
                    let written = Darwin.write(fileDescriptor, storage + offset, used - offset)
                #endif
                if written < 0 {
                    if errno == EINTR { continue }
                    break
                }
                offset += written
            }
            used = 0
        }
    }

    /// - Parameters:
    ///   - fileDescriptor: where to write (1 for standard output).
    ///   - threshold: how many bytes to gather before writing them.
    ///   - flushInterval: when set, a timer flushes pending bytes at this interval.
    package init(fileDescriptor: Int32, threshold: Int = 1 << 16, flushInterval: Duration? = nil) {
        self.fileDescriptor = fileDescriptor
        self.threshold = max(1, threshold)
        isTerminal = isatty(fileDescriptor) == 1
        core = Core(fileDescriptor: fileDescriptor, capacity: self.threshold + 8192)
        flushNanoseconds = flushInterval.map { interval in
            max(
                1_000_000,
                Int(interval.components.seconds) * 1_000_000_000 + Int(interval.components.attoseconds / 1_000_000_000))
        }
    }

    deinit {
        // Pending bytes stay where they were (a buffer dropped unflushed lost them before too);
        // the timer stops, and with its handler goes the last reference to the core.
        core.state.withLock { state in
            state.timer?.cancel()
            state.timer = nil
        }
    }

    /// Starts the flush timer (under the lock, on the first bytes).
    private func startTimer(every nanoseconds: Int, in state: inout State) {
        let timer = DispatchSource.makeTimerSource(queue: .global())
        timer.schedule(deadline: .now() + .nanoseconds(nanoseconds), repeating: .nanoseconds(nanoseconds))
        timer.setEventHandler { [core] in core.flush() }
        timer.resume()
        state.timer = timer
        state.timerStarted = true
    }

    /// Lets `body` append up to `maximumCount` bytes to the span it gets, under the buffer's lock
    /// (so output from several threads never interleaves). The bytes are written out once past
    /// the threshold.
    package func write<E: Error>(maximumCount: Int, _ body: (inout OutputSpan<UInt8>) throws(E) -> Void) throws(E) {
        try core.state.withLock { (state) throws(E) in
            if state.used + maximumCount > state.capacity {
                state.writePending(to: fileDescriptor)
                if maximumCount > state.capacity { state.grow(to: maximumCount) }
            }
            let room = UnsafeMutableBufferPointer(start: state.storage + state.used, count: maximumCount)
            var span = OutputSpan(buffer: room, initializedCount: 0)
            try body(&span)
            let written = span.finalize(for: room)
            state.used += written
            if !state.timerStarted, let flushNanoseconds, written > 0 { startTimer(every: flushNanoseconds, in: &state) }
            if state.used >= threshold { state.writePending(to: fileDescriptor) }
        }
    }

    /// Appends the UTF-8 bytes of `text`.
    package func append(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            write(maximumCount: bytes.count) { $0.append(bytes) }
        }
    }

    /// Writes every pending byte now.
    package func flush() {
        core.flush()
    }

    /// Writes pending bytes unless another thread is in the middle of writing (then it gives up
    /// rather than wait): for the process's exit, where waiting could hang it.
    package func flushIfIdle() {
        _ = core.state.withLockIfAvailable { $0.writePending(to: fileDescriptor) }
    }

    /// Whether the flush timer runs (for tests).
    var isTimerRunning: Bool {
        core.state.withLock { $0.timer != nil }
    }

    /// How many bytes wait to be written (for tests).
    package var pendingCount: Int {
        core.state.withLock { $0.used }
    }
}

extension OutputSpan<UInt8> {
    /// Appends `bytes`, which must fit in the free capacity (a trap, not an overrun).
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        precondition(bytes.count <= freeCapacity, "no room for the bytes")
        guard let source = bytes.baseAddress else { return }
        withUnsafeMutableBufferPointer { buffer, count in
            (buffer.baseAddress! + count).initialize(from: source, count: bytes.count)
            count += bytes.count
        }
    }
}
