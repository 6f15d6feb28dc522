/// A write whose effect a read can confirm, so an unknown outcome (HTTP 5XX, a timeout) is
/// resolved by asking the exchange instead of sending the write again blindly.
///
/// Each write states its conformance in its own operation file, beside the request it checks.
public protocol OutcomeCheckable: ExchangeOperation {
    /// The read that shows whether this request took effect.
    associatedtype Check: ExchangeOperation

    /// The read to send, e.g. the order query for a cancel.
    var outcomeCheck: Check { get }

    /// What the read's answer says about this request.
    func judge(_ answer: Check.Response) -> OutcomeJudgement<Response>
}

/// What an outcome check concluded, with a sentence for the user.
public enum OutcomeJudgement<Response: Sendable>: Sendable {
    /// The request took effect; `Response` is the best answer the check can give.
    case applied(Response, String)
    /// It did not; sending it again is safe and is what was asked for.
    case notApplied(String)
    /// It did not and never will (the order was filled meanwhile).
    case moot(String)
    /// The answer is about another order, symbol or account than the one asked about: it proves
    /// nothing either way (a confused or hostile server), so the outcome stays unknown.
    case unrelated(String)
    /// Not decided yet (the order is `PENDING_CANCEL`: a cancel is under way): ask again later.
    case pending(String)
}
