/// Why an operation did not produce a response. Each case says whether anything was sent.
public enum ClientError: Error, Sendable {
    /// The request was not prepared (validation, credentials): nothing was sent.
    case request(RequestError)
    /// The exchange answered with an error.
    case exchange(ExchangeError, PreparedRequest)
    /// No response arrived; ``TransportError/outcomeUnknown`` says whether it may have acted.
    case transport(TransportError, PreparedRequest)
    /// The response did not have the documented shape.
    case decoding(ResponseDecodingError, PreparedRequest)
    /// A non-success HTTP status with a body that is not an exchange error.
    case httpStatus(Int, body: String, PreparedRequest)
    /// The observer (session log) refused to record the request, so it was not sent.
    case notRecorded(String, PreparedRequest)
    /// The exchange banned this IP (HTTP 418) until `until` (wall-clock ms); nothing is sent
    /// before then.
    case banned(until: Int64, PreparedRequest)
    /// The outcome stayed unknown: no answer, and checking what happened failed too.
    case unresolved(String, PreparedRequest)
    /// A check showed the request did not take effect and cannot (the order was filled).
    case moot(String, PreparedRequest)

    /// What happened, in one line.
    public var message: String {
        switch self {
        case .request(let error): return error.message
        case .exchange(let error, _): return "exchange error \(error.code) \(error.name): \(error.message)"
        case .transport(let error, _):
            return error.outcomeUnknown ? "\(error.message) — outcome unknown" : error.message
        case .decoding(let error, _): return error.description
        case .httpStatus(let status, let body, _):
            return "HTTP \(status): \(body.prefix(200))"
        case .notRecorded(let reason, _): return "not sent: the session log could not be written (\(reason))"
        case .banned(let until, _):
            return "the exchange banned this IP (HTTP 418): nothing is sent until \(LocalTime.format(milliseconds: until))"
        case .unresolved(let detail, _): return "outcome unknown: \(detail)"
        case .moot(let detail, _): return "not applied: \(detail)"
        }
    }

    /// A next step for the user, when there is one.
    public var hint: String? {
        switch self {
        case .request(let error): return error.hint
        case .exchange(let error, let request): return error.hint(for: request)
        case .transport(let error, _):
            return error.outcomeUnknown ? "query the order to learn whether it was canceled" : nil
        case .banned:
            return "the IP kept sending after 429 answers; wait for the ban to end, then lower the request rate"
        case .unresolved:
            return "query the order (`order SYMBOL id=N`) or all orders (`orders SYMBOL`) before sending again"
        default: return nil
        }
    }

    /// The request, when one was prepared.
    public var request: PreparedRequest? {
        switch self {
        case .request: return nil
        case .exchange(_, let request), .transport(_, let request), .decoding(_, let request),
            .httpStatus(_, _, let request), .notRecorded(_, let request), .banned(_, let request),
            .unresolved(_, let request), .moot(_, let request):
            return request
        }
    }

    /// True when nothing reached the exchange (usage or validation problems: exit code 2).
    public var isUsageError: Bool {
        if case .request = self { return true }
        return false
    }
}
