/// A typed exchange operation: one REST endpoint with validated, ordered parameters.
///
/// Everything about the endpoint — method, path, weight and its limit, security, title,
/// documented parameter order, whether it is a read — is one ``EndpointDescription``, read from
/// the instance (``endpoint``) by the builder, the client and the dry run, so an operation whose
/// endpoint is chosen at run time conforms as well as a fixed one. ``parameters`` lists the
/// request's parameters in the order of ``EndpointDescription/parameterNames`` (absent optionals
/// omitted), without `timestamp` and `signature`, which ``RequestSigner`` adds. A write whose
/// outcome a read can confirm also conforms to ``OutcomeCheckable``, in its own file.
public protocol ExchangeOperation: Sendable {
    /// The decoded body of a successful response.
    associatedtype Response: ExchangeResponse

    /// The endpoint this request goes to.
    var endpoint: EndpointDescription { get }

    /// Checks every rule the exchange documents for the parameters, before anything is signed.
    func validate() throws(ValidationError)

    /// The parameters in documented order, without `timestamp` and `signature`.
    var parameters: [QueryParameter] { get }

    /// The `recvWindow` to send, if any (signed operations only).
    var recvWindow: Int? { get }
}

/// An operation on one fixed endpoint: its description is known from the type alone, so help,
/// the command table and `bnc explain` can read it without a request.
public protocol DocumentedOperation: ExchangeOperation {
    /// The endpoint every request of this type goes to.
    static var endpoint: EndpointDescription { get }
}

extension DocumentedOperation {
    public var endpoint: EndpointDescription { Self.endpoint }

    /// The HTTP method, e.g. `.delete`.
    public static var method: HTTPMethod { endpoint.method }
    /// The path, e.g. `/sapi/v1/margin/order`.
    public static var path: String { endpoint.path }
    /// The documented request weight, e.g. `10(IP)`.
    public static var weight: RequestWeight { endpoint.weight }
    /// Whether the request is signed (TRADE, USER_DATA) or public (NONE).
    public static var security: SecurityType { endpoint.security }
    /// A short human name for messages, e.g. "margin cancel".
    public static var title: String { endpoint.title }
}

/// The security type of an endpoint, as the exchange's docs label it.
public enum SecurityType: String, Sendable, Hashable, Codable {
    /// Public market data; no key, no signature.
    case none = "NONE"
    /// Needs the API key header only.
    case userStream = "USER_STREAM"
    /// Signed: orders.
    case trade = "TRADE"
    /// Signed: account data.
    case userData = "USER_DATA"

    /// Whether requests need `timestamp` and `signature`.
    public var isSigned: Bool { self == .trade || self == .userData }
    /// Whether requests carry the `X-MBX-APIKEY` header.
    public var needsAPIKey: Bool { self != .none }
}

extension ExchangeOperation {
    public var recvWindow: Int? { nil }
}

/// A typed response body, decoded from the exchange's JSON.
public protocol ExchangeResponse: Sendable {
    /// Decodes the body; throws when a documented field is missing or has the wrong type.
    init(json: JSONValue) throws(ResponseDecodingError)
}

/// A response body that does not have the documented shape.
public struct ResponseDecodingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The field that was missing or malformed (dotted path), or "" for the whole body.
    public var field: String
    /// What was wrong with it.
    public var reason: String

    public init(field: String, reason: String) {
        self.field = field
        self.reason = reason
    }

    public var description: String {
        field.isEmpty ? "unexpected response: \(reason)" : "unexpected response: field '\(field)' \(reason)"
    }
}
