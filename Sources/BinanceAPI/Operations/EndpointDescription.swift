/// Everything about one REST endpoint that does not depend on a request's values: what the
/// exchange's page for it documents, in one value.
///
/// A typed operation holds one as `static let endpoint` (``DocumentedOperation``), so the
/// builder, the client, the dry run, the session log, help and `bnc explain` all read the same
/// method, path, weight and parameter order. An operation chosen at run time (a generic
/// `request METHOD PATH` command) builds one per instance: everything downstream reads
/// ``ExchangeOperation/endpoint`` from the instance, never from the type.
public struct EndpointDescription: Sendable, Hashable {
    /// What a request does on the exchange, which decides what an unknown outcome allows.
    public enum Effect: String, Sendable, Hashable {
        /// Changes nothing: after an unknown outcome it is simply sent again.
        case read
        /// Changes the account: never sent again blindly after an unknown outcome (an
        /// ``OutcomeCheckable`` write is checked first; any other write reports the unknown).
        case write
    }

    /// The HTTP method, e.g. `.delete`.
    public var method: HTTPMethod
    /// The path, e.g. `/sapi/v1/margin/order`.
    public var path: String
    /// The documented request weight and what it is counted per, e.g. `10(IP)`.
    public var weight: RequestWeight
    /// Whether the request is signed (TRADE, USER_DATA), keyed (USER_STREAM) or public (NONE).
    public var security: SecurityType
    /// A short human name for messages and logs, e.g. "margin cancel".
    public var title: String
    /// Whether a request may be sent again after an unknown outcome.
    public var effect: Effect
    /// Every parameter the endpoint's table lists, in that order, without `timestamp` and
    /// `signature` (which the signer adds): the order requests are encoded in.
    public var parameterNames: [String]

    public init(
        _ method: HTTPMethod, _ path: String, weight: RequestWeight, security: SecurityType, title: String,
        effect: Effect, parameters: [String]
    ) {
        self.method = method
        self.path = path
        self.weight = weight
        self.security = security
        self.title = title
        self.effect = effect
        self.parameterNames = parameters
    }

    /// `DELETE /sapi/v1/margin/order`.
    public var line: String { "\(method.rawValue) \(path)" }

    /// The rate limit the weight counts against: told by the path (`/sapi` or `/api`) and the
    /// weight's scope (IP or UID).
    public var limitFamily: RateLimitState.Family { RateLimitState.Family(path: path, scope: weight.scope) }

    /// The documented order of everything that is signed: the parameters, then `timestamp` for a
    /// signed endpoint (`bnc explain` compares a pasted request with it).
    public var signedParameterOrder: [String] {
        security.isSigned ? parameterNames + ["timestamp"] : parameterNames
    }
}
