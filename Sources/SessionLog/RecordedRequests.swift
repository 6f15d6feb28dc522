/// A recorded request with what became of it.
package struct RecordedRequest: Sendable, Hashable {
    package enum Outcome: Sendable, Hashable {
        case response(ResponseRecord)
        case failure(FailureRecord)
        /// No response or error was recorded: the session ended while it was in flight.
        case unknown
    }

    package var record: RequestRecord
    /// The line of the request record.
    package var line: Int
    package var outcome: Outcome
}

/// Walks a log's requests in order, each paired with its outcome, reading the file as it goes.
///
/// A request's response (or error) usually follows it directly; with several requests in flight
/// (`parallel N for`) others come between: `request 1, request 2, response 2, response 1`. So
/// requests wait in a queue until their outcome is read, and are handed out in the order they
/// were sent. Memory stays bounded: a request whose outcome has not appeared within
/// ``maximumLookahead`` later records, or by the end of the log, counts as unanswered (the session
/// ended, or crashed, while it was in flight).
package final class RecordedRequests {
    /// How many records past an unanswered request are read before it counts as unanswered.
    package static let maximumLookahead = 4096

    private let reader: SessionLogReader
    /// Requests read but not handed out, in log order, with the outcome once read.
    private var queue: [(record: RequestRecord, line: Int, outcome: RecordedRequest.Outcome?)] = []
    private var queueStart = 0
    /// Records read since the oldest queued request.
    private var readSinceOldest = 0
    private var exhausted = false
    /// Issues met on the way (damaged lines), for the caller to report.
    package private(set) var issues: [SessionLogIssue] = []
    /// How many requests were handed out.
    package private(set) var count = 0
    /// Whether the part read so far holds an interrupt record.
    package private(set) var sawInterrupt = false
    /// Whether the part read so far holds the end record (the session ended normally).
    package private(set) var sawEnd = false

    /// Reads the requests of the log at `path`.
    package init(path: String) throws(SessionLogError) {
        reader = try SessionLogReader(
            path: path, kinds: ["header", "request", "response", "error", "interrupt", "end"], rawResponseBodies: true)
    }

    /// The next request and its outcome; nil after the last.
    package func next() -> RecordedRequest? {
        while true {
            if queueStart < queue.count {
                let head = queue[queueStart]
                if let outcome = head.outcome {
                    return hand(RecordedRequest(record: head.record, line: head.line, outcome: outcome))
                }
                if exhausted || readSinceOldest >= Self.maximumLookahead {
                    return hand(RecordedRequest(record: head.record, line: head.line, outcome: .unknown))
                }
            } else if exhausted {
                return nil
            }
            readOne()
        }
    }

    /// Reads one entry of the log into the queue.
    private func readOne() {
        guard let entry = reader.next() else {
            exhausted = true
            return
        }
        if queueStart < queue.count { readSinceOldest += 1 }
        switch entry {
        case .issue(let issue):
            if issues.count < 100 { issues.append(issue) }
        case .record(let record, let line):
            switch record {
            case .request(let request):
                if queueStart == queue.count { readSinceOldest = 0 }
                queue.append((request, line, nil))
            case .response(let response):
                settle(response.request, .response(response))
            case .failure(let failure):
                settle(failure.request, .failure(failure))
            case .interrupt:
                sawInterrupt = true
            case .end:
                sawEnd = true
            default:
                break
            }
        }
    }

    /// Gives the queued request `id` its outcome (the first one recorded; a stray or repeated
    /// outcome is ignored, as before).
    private func settle(_ id: Int, _ outcome: RecordedRequest.Outcome) {
        // Answers come soon after their request: search from the newest.
        var index = queue.count - 1
        while index >= queueStart {
            if queue[index].record.id == id {
                if queue[index].outcome == nil { queue[index].outcome = outcome }
                return
            }
            index -= 1
        }
    }

    private func hand(_ request: RecordedRequest) -> RecordedRequest {
        queueStart += 1
        readSinceOldest = 0
        // Drop handed-out entries now and then, so the queue's storage does not grow.
        if queueStart >= 64 && queueStart * 2 >= queue.count {
            queue.removeFirst(queueStart)
            queueStart = 0
        }
        count += 1
        return request
    }
}
