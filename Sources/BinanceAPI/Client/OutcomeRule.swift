/// What came back for one send: a response, or none.
public enum Answer: Sendable, Hashable {
    /// A response: its HTTP status, the exchange's error `code` when the body is
    /// `{"code":..,"msg":..}`, and whether a 2XX body is the documented answer (`readable`;
    /// ignored for other statuses).
    case response(status: Int, code: Int?, readable: Bool)
    /// No response: what the transport reported.
    case noResponse(TransportError)
}

/// What an ``Answer`` says about whether the exchange acted on the request.
public enum AnswerVerdict: Sendable, Hashable {
    /// The exchange acted and said so in the documented form.
    case done
    /// The exchange certainly did not act: it refused with a reason, or nothing reached it.
    case notDone
    /// The exchange may or may not have acted: never assume either, find out.
    case unknown
    /// 429: not done; the request weight is used up — wait `Retry-After`, then send again.
    case rateLimited
    /// 418: not done; the IP is banned — send nothing until the ban ends.
    case banned
    /// -1021: not done; the timestamp was outside `recvWindow` — resync the clock once.
    case timestampRejected
}

/// The outcome rule of docs/design.md ("What an answer means") in one place. Everything that
/// needs to know whether a request may have acted — ``SendStateMachine``, the `outcomeUnknown`
/// a script sees (``ClientError/outcomeUnknown``), the run summary's count — asks
/// ``verdict(_:)``; nothing else classifies statuses or codes.
public enum OutcomeRule {
    /// The verdict on `answer`. Read the table in docs/design.md alongside: each case below is a
    /// row of it.
    public static func verdict(_ answer: Answer) -> AnswerVerdict {
        switch answer {
        case .noResponse(let error):
            switch error {
            // Nothing left the process, or the connection was never made.
            case .connectFailed, .invalidEndpoint: return .notDone
            // The request may have been read and acted on before the connection went quiet.
            case .timedOut, .connectionLost: return .unknown
            }
        case .response(let status, let code, let readable):
            // -1006/-1007 say "execution status unknown" whatever status carries them (a 408
            // from a proxy, a 400): the code is the exchange's own word.
            if let code, code == ExchangeErrorKind.unexpectedResponse.rawValue || code == ExchangeErrorKind.timeout.rawValue {
                return .unknown
            }
            switch status {
            case 200..<300:
                // A 2XX whose body is not the documented answer (not JSON, cut off, another
                // shape) may still be the record of a write that took effect.
                return readable ? .done : .unknown
            case 418:
                return .banned
            case 429:
                return .rateLimited
            case 408:
                // A proxy or gateway that gave up waiting may already have forwarded it.
                return .unknown
            case 500..<600:
                return .unknown
            case 300..<500:
                if code == ExchangeErrorKind.invalidTimestamp.rawValue { return .timestampRejected }
                // The exchange (or its WAF: 403) refused it with a reason; nothing was done.
                return .notDone
            default:
                // 1XX as a final answer, or a status HTTP does not define: no promise either way.
                return .unknown
            }
        }
    }

    /// Whether `answer` leaves the outcome unknown.
    public static func isUnknown(_ answer: Answer) -> Bool {
        verdict(answer) == .unknown
    }
}
