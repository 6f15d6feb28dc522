/// A recorded request with what became of it.
public struct RecordedRequest: Sendable, Hashable {
    public enum Outcome: Sendable, Hashable {
        case response(ResponseRecord)
        case failure(FailureRecord)
        /// No response or error was recorded: the session ended while it was in flight.
        case unknown
    }

    public var record: RequestRecord
    /// The line of the request record.
    public var line: Int
    public var outcome: Outcome
}

/// Walks a log's requests in order, each paired with its outcome, reading the file as it goes
/// (constant memory: one request of look-ahead).
public final class RecordedRequests {
    private let reader: SessionLogReader
    private var lookahead: (RequestRecord, Int)?
    /// Issues met on the way (damaged lines), for the caller to report.
    public private(set) var issues: [SessionLogIssue] = []
    /// How many requests were handed out.
    public private(set) var count = 0
    /// Whether the part read so far holds an interrupt record.
    public private(set) var sawInterrupt = false
    /// Whether the part read so far holds the end record (the session ended normally).
    public private(set) var sawEnd = false

    /// Reads the requests of the log at `path`.
    public init(path: String) throws(SessionLogError) {
        reader = try SessionLogReader(
            path: path, kinds: ["header", "request", "response", "error", "interrupt", "end"], rawResponseBodies: true)
    }

    /// The next request and its outcome; nil after the last.
    public func next() -> RecordedRequest? {
        var current = lookahead
        lookahead = nil
        while let entry = reader.next() {
            switch entry {
            case .issue(let issue):
                if issues.count < 100 { issues.append(issue) }
            case .record(let record, let line):
                switch record {
                case .request(let request):
                    if let (pending, pendingLine) = current {
                        lookahead = (request, line)
                        return hand(RecordedRequest(record: pending, line: pendingLine, outcome: .unknown))
                    }
                    current = (request, line)
                case .response(let response):
                    if let (pending, pendingLine) = current, response.request == pending.id {
                        return hand(RecordedRequest(record: pending, line: pendingLine, outcome: .response(response)))
                    }
                case .failure(let failure):
                    if let (pending, pendingLine) = current, failure.request == pending.id {
                        return hand(RecordedRequest(record: pending, line: pendingLine, outcome: .failure(failure)))
                    }
                case .interrupt:
                    sawInterrupt = true
                case .end:
                    sawEnd = true
                default:
                    continue
                }
            }
        }
        guard let (pending, pendingLine) = current else { return nil }
        return hand(RecordedRequest(record: pending, line: pendingLine, outcome: .unknown))
    }

    private func hand(_ request: RecordedRequest) -> RecordedRequest {
        count += 1
        return request
    }
}
