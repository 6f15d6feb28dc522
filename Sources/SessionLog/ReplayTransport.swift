import BinanceAPI
import Synchronization

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A transport that answers from a log instead of the network, checking on the way that each
/// request is byte for byte the recorded one.
///
/// Each `send` takes the next recorded request, compares method, path and canonical query (and,
/// when ``checksSignatures``, the signature's SHA-256 and key type), and returns the recorded
/// response or throws the recorded transport error. The first difference is kept in
/// ``mismatch`` and every later send fails, so a diverged replay stops instead of inventing
/// answers.
package final class ReplayTransport: Transport, Sendable {
    package let endpointName = "replay"
    package let baseURL: String
    /// Whether signatures are compared (`--verify`); `--offline` replays with any key.
    package let checksSignatures: Bool
    private let path: String
    /// The log being read and what was served. The log's next lines are read while the mutex is
    /// held, on purpose: sends are matched against the log one at a time, in its order.
    private let state: Mutex<State>

    /// Everything the mutex guards.
    private struct State: ~Copyable {
        let requests: RecordedRequests
        /// Recorded requests read ahead and not yet served, in log order. Usually at most one; more
        /// when the replay looks for the request of a parallel iteration (``RequestOrigin``) past
        /// requests of other iterations.
        var upcoming: [RecordedRequest] = []
        var upcomingStart = 0
        var firstMismatch: ReplayMismatch?
        var served = 0

        init(requests: RecordedRequests) {
            self.requests = requests
        }

        mutating func peek() -> RecordedRequest? {
            peek(origin: nil).map { upcoming[$0] }
        }

        /// The index in `upcoming` of the request to serve next for `origin`, reading ahead as needed.
        /// Without an origin that is the first not yet served; with one, the first from that origin.
        mutating func peek(origin: String?) -> Int? {
            var index = upcomingStart
            while true {
                if index == upcoming.count {
                    guard index - upcomingStart < ReplayTransport.maximumSearch, let next = requests.next() else {
                        return nil
                    }
                    upcoming.append(next)
                }
                if origin == nil || upcoming[index].record.origin == origin { return index }
                index += 1
            }
        }

        /// Takes the request at `index` out of `upcoming`.
        mutating func take(_ index: Int) -> RecordedRequest {
            let taken = upcoming[index]
            if index == upcomingStart {
                upcomingStart += 1
                if upcomingStart >= 64 && upcomingStart * 2 >= upcoming.count {
                    upcoming.removeFirst(upcomingStart)
                    upcomingStart = 0
                }
            } else {
                upcoming.remove(at: index)
            }
            return taken
        }
    }

    /// Replays the log at `path`; `baseURL` is the recorded one (shown in output).
    package init(path: String, baseURL: String, checksSignatures: Bool) throws(SessionLogError) {
        self.path = path
        self.baseURL = baseURL
        self.checksSignatures = checksSignatures
        state = Mutex(State(requests: try RecordedRequests(path: path)))
    }

    /// The first difference found, if any.
    package var mismatch: ReplayMismatch? { state.withLock { $0.firstMismatch } }

    /// Requests answered so far.
    package var requestsServed: Int { state.withLock { $0.served } }

    /// Damaged lines met while reading requests.
    package var issues: [SessionLogIssue] { state.withLock { $0.requests.issues } }

    /// True once every recorded request was served and the log ends with an interrupt or was
    /// cut short: the recording stops there, and so does a faithful replay.
    package var recordingEnded: Bool {
        state.withLock { $0.peek() == nil && ($0.requests.sawInterrupt || !$0.requests.sawEnd) }
    }

    /// The recorded request the next send from `origin` will be compared with, without taking
    /// it (its timestamp stamps the replayed one): the next in the log, or for a request made in
    /// a parallel iteration, the next recorded from that iteration.
    package func peek(origin: String? = RequestOrigin.current) -> RecordedRequest? {
        state.withLock { state in state.peek(origin: origin).map { state.upcoming[$0] } }
    }

    /// How far the replay looks ahead for a parallel iteration's request before calling it missing.
    static let maximumSearch = 65_536

    /// After the run: a recorded request the replay never sent is a difference too.
    package func finish() -> ReplayMismatch? {
        let path = path
        return state.withLock { state in
            if state.firstMismatch == nil, let left = state.peek() {
                state.firstMismatch = ReplayMismatch(
                    path: path, line: left.line, requestID: left.record.id, field: "request",
                    recorded: Self.describe(left.record), replayed: "<no request: the replay ended>",
                    note: "the replay sent \(state.served) request(s); the log has more")
            }
            return state.firstMismatch
        }
    }

    package func send(_ request: PreparedRequest) async throws(TransportError) -> TransportResponse {
        let origin = RequestOrigin.current
        let result: Result<TransportResponse, TransportError> = state.withLock { answer(request, origin: origin, &$0) }
        return try result.get()
    }

    // MARK: Internals

    private func answer(_ request: PreparedRequest, origin: String?, _ state: inout State) -> Result<
        TransportResponse, TransportError
    > {
        if state.firstMismatch != nil { return .failure(.connectFailed("replay stopped at the first difference")) }
        guard let index = state.peek(origin: origin) else {
            if let origin, let next = state.peek() {
                state.firstMismatch = ReplayMismatch(
                    path: path, line: next.line, requestID: next.record.id, field: "request",
                    recorded: "<no request from parallel iteration \(origin)>",
                    replayed: "\(request.method.rawValue) \(request.path)?\(request.query)",
                    note: "the replay sends a request from parallel iteration \(origin) that the log does not have")
                return .failure(.connectFailed("replay diverged from the log"))
            }
            if state.requests.sawInterrupt || !state.requests.sawEnd {
                return .failure(.connectFailed("replay: the recording ends here (the session was interrupted or cut short)"))
            }
            state.firstMismatch = ReplayMismatch(
                path: path, line: 0, requestID: 0, field: "request", recorded: "<no request: the log ends>",
                replayed: "\(request.method.rawValue) \(request.path)?\(request.query)",
                note: "the replay sends more requests than the log has (\(state.served))")
            return .failure(.connectFailed("replay: the log has no more requests"))
        }
        let recorded = state.take(index)
        if let difference = compare(recorded, request) {
            state.firstMismatch = difference
            return .failure(.connectFailed("replay diverged from the log"))
        }
        state.served += 1
        switch recorded.outcome {
        case .response(let response): return .success(response.transportResponse)
        case .failure(let failure): return .failure(failure.error)
        case .unknown:
            return .failure(.connectionLost("no response was recorded for request #\(recorded.record.id): outcome unknown"))
        }
    }

    private func compare(_ recorded: RecordedRequest, _ request: PreparedRequest) -> ReplayMismatch? {
        let record = recorded.record
        func difference(_ field: String, _ old: String, _ new: String, note: String? = nil) -> ReplayMismatch {
            ReplayMismatch(
                path: path, line: recorded.line, requestID: record.id, field: field, recorded: old, replayed: new, note: note)
        }
        if record.method != request.method || record.path != request.path {
            return difference(
                "method and path", "\(record.method.rawValue) \(record.path)", "\(request.method.rawValue) \(request.path)")
        }
        if record.query != request.query {
            return difference(
                "canonical query", record.query, request.query, note: Self.firstDifference(record.query, request.query))
        }
        guard checksSignatures else { return nil }
        let fingerprint = request.signature?.fingerprint
        if record.keyType != request.signature?.keyType {
            return difference(
                "key type", record.keyType?.rawValue ?? "unsigned", request.signature?.keyType.rawValue ?? "unsigned",
                note: "verify with the key the log was written with (\(record.keyType?.rawValue ?? "none"))")
        }
        if record.signatureFingerprint != fingerprint {
            return difference(
                "signature", "sha256 \(record.signatureFingerprint ?? "none")", "sha256 \(fingerprint ?? "none")",
                note: "the query matches: the key differs from the one the log was written with")
        }
        return nil
    }

    static func describe(_ record: RequestRecord) -> String {
        "\(record.method.rawValue) \(record.path)?\(record.query)"
    }

    /// `first difference at byte N` for two strings.
    static func firstDifference(_ old: String, _ new: String) -> String {
        let oldBytes = Array(old.utf8)
        let newBytes = Array(new.utf8)
        var index = 0
        while index < oldBytes.count && index < newBytes.count && oldBytes[index] == newBytes[index] { index += 1 }
        return "first difference at byte \(index + 1)"
    }
}
