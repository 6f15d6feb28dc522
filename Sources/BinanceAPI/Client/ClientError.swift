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
    /// The client would have had to wait longer than its cap (``SendStateMachine/Policy/maximumWait``)
    /// before sending: it did not wait, and this send did not go out.
    case waitRefused(WaitRefusal, PreparedRequest)

    /// What happened, in one line.
    public var message: String {
        switch self {
        case .request(let error): return error.message
        case .exchange(let error, _): return "exchange error \(error.code) \(error.name): \(error.message)"
        case .transport(let error, _):
            return outcomeUnknown ? "\(error.message) — outcome unknown" : error.message
        case .decoding(let error, _): return error.description
        case .httpStatus(let status, let body, _):
            return "HTTP \(status): \(body.prefix(200))"
        case .notRecorded(let reason, _): return "not sent: the session log could not be written (\(reason))"
        case .banned(let until, _):
            return "the exchange banned this IP (HTTP 418): nothing is sent until \(LocalTime.format(milliseconds: until))"
        case .unresolved(let detail, _): return "outcome unknown: \(detail)"
        case .moot(let detail, _): return "not applied: \(detail)"
        case .waitRefused(let refusal, _): return refusal.message
        }
    }

    /// A next step for the user, when there is one.
    public var hint: String? {
        switch self {
        case .request(let error): return error.hint
        case .exchange(let error, let request): return error.hint(for: request)
        case .transport:
            return outcomeUnknown ? "query the order to learn whether it was canceled" : nil
        case .banned:
            return "the IP kept sending after 429 answers; wait for the ban to end, then lower the request rate"
        case .unresolved:
            return "query the order (`order SYMBOL id=N`) or all orders (`orders SYMBOL`) before sending again"
        case .waitRefused(let refusal, _): return refusal.hint
        case .httpStatus(403, _, _):
            return "HTTP 403 is the exchange's web application firewall refusing the request before it was acted on:"
                + " nothing was done. It blocks requests it finds suspicious (unusual characters in parameters);"
                + " check the parameters, or the proxy in between"
        default: return nil
        }
    }

    /// The request, when one was prepared.
    public var request: PreparedRequest? {
        switch self {
        case .request: return nil
        case .exchange(_, let request), .transport(_, let request), .decoding(_, let request),
            .httpStatus(_, _, let request), .notRecorded(_, let request), .banned(_, let request),
            .unresolved(_, let request), .moot(_, let request), .waitRefused(_, let request):
            return request
        }
    }

    /// Whether the exchange may have acted although no result came back: the `outcomeUnknown`
    /// a script sees. Decided by ``OutcomeRule`` for answers; an unresolved check is unknown by
    /// definition.
    public var outcomeUnknown: Bool {
        // A read changes nothing on the exchange: whatever happened to it, nothing is unknown.
        if let request, request.effect == .read { return false }
        switch self {
        case .exchange(let error, _):
            return OutcomeRule.isUnknown(.response(status: error.httpStatus, code: error.code, readable: true))
        case .httpStatus(let status, _, _):
            return OutcomeRule.isUnknown(.response(status: status, code: nil, readable: true))
        case .transport(let error, _):
            return OutcomeRule.isUnknown(.noResponse(error))
        case .decoding(_, let request):
            // A 2XX that could not be read: a write may have taken effect; a read changed nothing.
            return request.effect == .write
        case .unresolved:
            return true
        case .request, .notRecorded, .banned, .moot, .waitRefused:
            return false
        }
    }

    /// Whether this request reached the exchange — what the run summary counts as performed.
    /// False when nothing was sent: not prepared, not recorded, no connection, a wait refused,
    /// or refused for a ban (sent before the ban or not, a banned request does nothing).
    public var reachedExchange: Bool {
        switch self {
        case .request, .notRecorded, .banned, .waitRefused: return false
        case .transport(let error, _): return OutcomeRule.verdict(.noResponse(error)) != .notDone
        case .exchange, .decoding, .httpStatus, .unresolved, .moot: return true
        }
    }

    /// True when nothing reached the exchange (usage or validation problems: exit code 2).
    public var isUsageError: Bool {
        if case .request = self { return true }
        return false
    }
}

/// A wait the client refused to sit through: what it was for, how long, and until when.
public struct WaitRefusal: Sendable, Hashable {
    /// What the wait was for, e.g. "the Retry-After of an HTTP 429".
    public var reason: String
    /// How long it would have been, in ms.
    public var milliseconds: Int64
    /// When it would have ended, wall-clock ms since the epoch.
    public var until: Int64
    /// The cap it exceeded, in ms.
    public var maximum: Int64

    public init(reason: String, milliseconds: Int64, until: Int64, maximum: Int64) {
        self.reason = reason
        self.milliseconds = milliseconds
        self.until = until
        self.maximum = maximum
    }

    /// One line: what, how long, until when, and that nothing was sent.
    public var message: String {
        "not sent: \(reason) asks for a wait of \(Self.describe(milliseconds)) (until \(LocalTime.format(milliseconds: until))),"
            + " longer than bnc waits (\(Self.describe(maximum)))"
    }

    public var hint: String {
        "nothing was sent after the wait was asked for; run the statement again after that time, or lower the request rate"
    }

    /// `250 ms`, `42 s`, `3 min 20 s`, `27 h 46 min`, `3170979 days`.
    public static func describe(_ milliseconds: Int64) -> String {
        let ms = max(0, milliseconds)
        if ms < 1000 { return "\(ms) ms" }
        let seconds = ms / 1000
        if seconds < 60 { return "\(seconds) s" }
        if seconds < 3600 { return "\(seconds / 60) min \(seconds % 60) s" }
        if seconds < 86_400 * 3 { return "\(seconds / 3600) h \(seconds / 60 % 60) min" }
        return "\(seconds / 86_400) days"
    }
}
