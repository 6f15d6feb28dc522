import Dispatch
import Foundation

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
package final class OutputBuffer: @unchecked Sendable {
    /// Where the bytes go.
    package let fileDescriptor: Int32
    /// Pending bytes are written once there are this many.
    package let threshold: Int
    /// Whether the descriptor was a terminal when the buffer was made (someone watches it live).
    package let isTerminal: Bool
    private let lock = NSLock()
    /// Pending bytes: `used` of `capacity` (raw memory, so that a writer can fill it through a
    /// pointer without zeroing it first).
    private var storage: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var used = 0
    /// The timer's interval in ns; the timer starts with the first bytes, so a process that never
    /// prints script output (the shell) never wakes up for it.
    private let flushNanoseconds: Int?
    private var timer: (any DispatchSourceTimer)?

    /// - Parameters:
    ///   - fileDescriptor: where to write (1 for standard output).
    ///   - threshold: how many bytes to gather before writing them.
    ///   - flushInterval: when set, a timer flushes pending bytes at this interval.
    package init(fileDescriptor: Int32, threshold: Int = 1 << 16, flushInterval: Duration? = nil) {
        self.fileDescriptor = fileDescriptor
        self.threshold = max(1, threshold)
        isTerminal = isatty(fileDescriptor) == 1
        capacity = self.threshold + 8192
        storage = .allocate(capacity: capacity)
        flushNanoseconds = flushInterval.map { interval in
            max(
                1_000_000,
                Int(interval.components.seconds) * 1_000_000_000 + Int(interval.components.attoseconds / 1_000_000_000))
        }
    }

    /// Starts the flush timer (under the lock, on the first bytes).
    private func startTimer(every nanoseconds: Int) {
        let timer = DispatchSource.makeTimerSource(queue: .global())
        timer.schedule(deadline: .now() + .nanoseconds(nanoseconds), repeating: .nanoseconds(nanoseconds))
        timer.setEventHandler { [weak self] in self?.flush() }
        timer.resume()
        self.timer = timer
    }

    deinit {
        timer?.cancel()
        storage.deallocate()
    }

    /// Lets `body` write up to `maximumCount` bytes at the pointer it gets, under the buffer's lock
    /// (so output from several threads never interleaves); `body` returns how many it wrote. The
    /// bytes are written out once past the threshold.
    package func write(maximumCount: Int, _ body: (UnsafeMutablePointer<UInt8>) throws -> Int) rethrows {
        lock.lock()
        defer { lock.unlock() }
        if used + maximumCount > capacity {
            writePending()
            if maximumCount > capacity { grow(to: maximumCount) }
        }
        let written = try body(storage + used)
        precondition(written >= 0 && written <= maximumCount, "wrote past the room asked for")
        used += written
        if timer == nil, let flushNanoseconds, written > 0 { startTimer(every: flushNanoseconds) }
        if used >= threshold { writePending() }
    }

    /// Appends the UTF-8 bytes of `text`.
    package func append(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            write(maximumCount: bytes.count) { pointer in
                if let source = bytes.baseAddress { pointer.update(from: source, count: bytes.count) }
                return bytes.count
            }
        }
    }

    /// Writes every pending byte now.
    package func flush() {
        lock.lock()
        defer { lock.unlock() }
        writePending()
    }

    /// Writes pending bytes unless another thread is in the middle of writing (then it gives up
    /// rather than wait): for the process's exit, where waiting could hang it.
    package func flushIfIdle() {
        guard lock.try() else { return }
        defer { lock.unlock() }
        writePending()
    }

    /// Whether the flush timer runs (for tests).
    var isTimerRunning: Bool {
        lock.lock()
        defer { lock.unlock() }
        return timer != nil
    }

    /// How many bytes wait to be written (for tests).
    package var pendingCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return used
    }

    /// Room for at least `minimum` bytes (nothing pending).
    private func grow(to minimum: Int) {
        storage.deallocate()
        capacity = minimum
        storage = .allocate(capacity: capacity)
    }

    /// Writes all pending bytes, retrying short writes and EINTR; on another error (a closed
    /// pipe) the bytes are dropped, as a direct write would have lost them.
    private func writePending() {
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
