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
        }
    }

    /// A next step for the user, when there is one.
    public var hint: String? {
        switch self {
        case .request(let error): return error.hint
        case .exchange(let error, _): return error.hint
        case .transport(let error, _):
            return error.outcomeUnknown ? "query the order to learn whether it was canceled" : nil
        default: return nil
        }
    }

    /// The request, when one was prepared.
    public var request: PreparedRequest? {
        switch self {
        case .request: return nil
        case .exchange(_, let request), .transport(_, let request), .decoding(_, let request),
            .httpStatus(_, _, let request), .notRecorded(_, let request):
            return request
        }
    }

    /// True when nothing reached the exchange (usage or validation problems: exit code 2).
    public var isUsageError: Bool {
        if case .request = self { return true }
        return false
    }
}
