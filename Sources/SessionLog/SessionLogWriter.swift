import BinanceAPI
import Script
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

/// Writes one session's log, ahead of every send.
///
/// As the client's ``RequestObserver``, it writes the request record with `write(2)` in
/// ``willSend(_:attempt:)`` — before the request leaves — and throws if that fails, which stops
/// the send. A process killed at any point therefore leaves every sent request on disk (with
/// ``Durability/synced``, also across power loss). Statement records are buffered and go out
/// with the next request record, interrupt, or after 64 KiB, which keeps a million-statement
/// dry run cheap; a crash can lose only statements that sent nothing.
///
/// A failed write is final: the writer records why (``writeFailure``), writes nothing more — a
/// later record appended after a half-written one would join it into one damaged line — and
/// refuses every later request (``willSend(_:attempt:)`` throws), since none could be recorded
/// ahead of its send. ``close(exitCode:)`` returns the failure for the caller to report.
///
/// Secrets never reach it: requests carry the signature's SHA-256 instead of the signature, and
/// the header carries the API key masked.
package final class SessionLogWriter: RequestObserver, Sendable {
    /// How hard each request record is pushed to disk.
    package enum Durability: Sendable {
        /// `write(2)`: survives a crash or `kill -9` of bnc (the kernel has the bytes).
        case written
        /// `write(2)` then `fdatasync(2)`: also survives a power cut, at a cost per request.
        case synced
    }

    /// The log's path.
    package let path: String
    package let durability: Durability

    /// The client calls from its actor while the interpreter records statements and signal
    /// handling records interrupts. The file is written while the mutex is held, on purpose: a
    /// request record must be written (and with ``Durability/synced``, synced) before
    /// ``willSend(_:attempt:)`` returns and the request goes out, and records from different
    /// threads must reach the file whole and in the order they were numbered.
    private let state: Mutex<State>
    private static let bufferLimit = 64 * 1024

    /// Everything the mutex guards.
    private struct State: ~Copyable {
        var file: LogFile?
        var pending: [UInt8] = []
        var statementCount = 0
        var requestCount = 0
        var currentStatement: Int?
        /// Whether an interrupt was recorded since the last statement, so one Ctrl-C is recorded once.
        var interruptSinceStatement = false
        var inFlight: [(request: PreparedRequest, id: Int)] = []
        var failure: SessionLogError?
        var nesting = StatementNesting()

        init(file: LogFile) {
            self.file = file
            pending.reserveCapacity(SessionLogWriter.bufferLimit + 4096)
        }

        mutating func takeInFlight(_ request: PreparedRequest) -> Int? {
            guard let index = inFlight.lastIndex(where: { $0.request == request }) else { return nil }
            return inFlight.remove(at: index).id
        }

        mutating func append(_ record: SessionRecord) {
            guard file != nil else { return }
            JSONBytes.appendRecord(record, to: &pending) // the bytes of `record.line` and a newline
        }

        /// Appends and flushes an interrupt record.
        mutating func appendInterrupt(signal: String) {
            interruptSinceStatement = true
            append(
                .interrupt(InterruptRecord(statement: currentStatement, signal: signal, at: ExchangeClock.localMilliseconds())))
            try? flushPending()
        }

        /// Writes the buffer. After a failure nothing more is written (the failed write may have
        /// left part of a line, which a later write would extend into one damaged record); the
        /// failure is kept and thrown again.
        mutating func flushPending() throws(SessionLogError) {
            if let failure {
                pending.removeAll(keepingCapacity: true)
                throw failure
            }
            guard let file, !pending.isEmpty else { return }
            defer { pending.removeAll(keepingCapacity: true) }
            let result: Result<Void, SessionLogError> = pending.withUnsafeBytes { bytes in
                do throws(SessionLogError) {
                    try file.write(bytes)
                    return .success(())
                } catch {
                    return .failure(error)
                }
            }
            if case .failure(let error) = result {
                failure = error
                throw error
            }
        }
    }

    /// Creates the log at `path` (mode 0600; never overwrites) and writes `header`.
    package init(path: String, header: SessionHeader, durability: Durability = .written) throws(SessionLogError) {
        self.path = path
        self.durability = durability
        let file = try LogFile.create(path)
        var state = State(file: file)
        state.append(.header(header))
        do {
            try state.flushPending()
        } catch {
            file.close()
            throw error
        }
        self.state = Mutex(state)
    }

    /// Creates a new log in `directory` (made with mode 0700 when missing), named after the
    /// session's start time and process id.
    package static func create(
        in directory: String = SessionLogLocation.directory(), header: SessionHeader, durability: Durability = .written
    ) throws(SessionLogError) -> SessionLogWriter {
        try SessionLogLocation.makeDirectory(directory)
        var attempt = 0
        while true {
            let name = SessionLogLocation.fileName(started: header.started, pid: getpid(), attempt: attempt)
            do {
                return try SessionLogWriter(path: directory + "/" + name, header: header, durability: durability)
            } catch .alreadyExists where attempt < 100 {
                attempt += 1
            }
        }
    }

    deinit {
        state.withLock { state in
            try? state.flushPending()
            state.file?.close()
        }
    }

    // MARK: Statements and interrupts

    /// Records a statement about to run and makes it the one later requests belong to.
    /// Returns its sequence number.
    @discardableResult
    package func recordStatement(source: String, file: String?, line: Int, column: Int = 1, depth: Int = 0) -> Int {
        state.withLock { state in
            state.statementCount += 1
            state.currentStatement = state.statementCount
            state.interruptSinceStatement = false
            if state.file != nil {
                StatementRecord(
                    sequence: state.statementCount, source: source, file: file, line: line, column: column, depth: depth,
                    at: ExchangeClock.localMilliseconds()
                ).appendLine(to: &state.pending)
            }
            if state.pending.count >= Self.bufferLimit { try? state.flushPending() }
            return state.statementCount
        }
    }

    /// Records a statement event from the interpreter, working out its nesting depth.
    @discardableResult
    package func recordStatement(_ event: StatementEvent) -> Int {
        let depth = state.withLock {
            $0.nesting.depth(file: event.file, line: event.line, column: event.column, text: event.text)
        }
        return recordStatement(source: event.text, file: event.file, line: event.line, column: event.column, depth: depth)
    }

    /// Records an interrupt unless one is already recorded for the current statement.
    package func recordInterruptOnce(signal: String) {
        state.withLock { state in
            guard !state.interruptSinceStatement else { return }
            state.appendInterrupt(signal: signal)
        }
    }

    /// Records an interrupt (e.g. `SIGINT`) and writes it out at once.
    package func recordInterrupt(signal: String) {
        state.withLock { $0.appendInterrupt(signal: signal) }
    }

    /// Why writing stopped, if it did: the first failed write. Records after it are not in the log.
    package var writeFailure: SessionLogError? { state.withLock { $0.failure } }

    /// Writes the end record and closes the file; returns the write failure, if any, for the
    /// caller to report (nothing after it was written). Later calls do nothing.
    @discardableResult
    package func close(exitCode: Int) -> SessionLogError? {
        let durability = durability
        return state.withLock { (state) -> SessionLogError? in
            guard let file = state.file else { return state.failure }
            state.append(
                .end(
                    EndRecord(
                        statements: state.statementCount, requests: state.requestCount, exitCode: exitCode,
                        at: ExchangeClock.localMilliseconds())))
            try? state.flushPending()
            if durability == .synced, state.failure == nil {
                do throws(SessionLogError) { try file.sync() } catch { state.failure = error }
            }
            file.close()
            state.file = nil
            return state.failure
        }
    }

    /// Writes buffered statement records now.
    package func flush() throws(SessionLogError) {
        try state.withLock { (state) throws(SessionLogError) in try state.flushPending() }
    }

    // MARK: RequestObserver

    package func willSend(_ request: PreparedRequest, attempt: Int) throws {
        let path = path
        let durability = durability
        // The record is written (and synced) before this returns, so before the request is sent.
        try state.withLock { (state) throws(SessionLogError) in
            if let failure = state.failure { throw failure }
            guard let file = state.file else { throw SessionLogError.closed(path: path) }
            state.requestCount += 1
            let id = state.requestCount
            state.append(
                .request(
                    RequestRecord(
                        request, id: id, statement: state.currentStatement, attempt: attempt,
                        at: ExchangeClock.localMilliseconds(), origin: RequestOrigin.current)))
            do throws(SessionLogError) {
                try state.flushPending()
                if durability == .synced { try file.sync() }
            } catch {
                if state.failure == nil { state.failure = error }
                throw error
            }
            state.inFlight.append((request, id))
        }
    }

    package func didReceive(_ response: TransportResponse, for request: PreparedRequest, latency: Duration) {
        state.withLock { state in
            guard let id = state.takeInFlight(request) else { return }
            let at = ExchangeClock.localMilliseconds()
            if state.file != nil, JSONBytes.isStoredVerbatim(response.body) {
                // The body would be stored as parsed JSON that serialises to these very bytes:
                // write them as they are instead of parsing and re-serialising them.
                let record = ResponseRecord(
                    request: id, status: response.status,
                    headers: response.headers.filter { SessionLogFormat.isRateLimitHeader($0.name) }, body: .json(.null),
                    latencyMicroseconds: latency.microseconds, at: at)
                if record.hasFewHeaders {
                    record.appendLine(to: &state.pending, body: response.body)
                } else {
                    JSONBytes.appendValue(SessionRecord.response(record).json, to: &state.pending, body: response.body)
                    state.pending.append(0x0A)
                }
            } else {
                state.append(.response(ResponseRecord(response, request: id, latency: latency, at: at)))
            }
            try? state.flushPending()
        }
    }

    package func didFail(_ error: TransportError, for request: PreparedRequest, latency: Duration) {
        state.withLock { state in
            guard let id = state.takeInFlight(request) else { return }
            state.append(
                .failure(FailureRecord(error, request: id, latency: latency, at: ExchangeClock.localMilliseconds())))
            try? state.flushPending()
        }
    }
}
