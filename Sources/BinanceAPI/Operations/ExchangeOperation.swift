/// A typed exchange operation: one REST endpoint with validated, ordered parameters.
///
/// Adding an operation means adding one conforming type: method, path, weight and security
/// live on the type; ``parameters`` lists the request's parameters in the order of the
/// endpoint's documented table (absent optionals omitted), without `timestamp` and
/// `signature`, which ``RequestSigner`` adds.
public protocol ExchangeOperation: Sendable {
    /// The decoded body of a successful response.
    associatedtype Response: ExchangeResponse

    /// The HTTP method, e.g. `.delete`.
    static var method: HTTPMethod { get }
    /// The path, e.g. `/sapi/v1/margin/order`.
    static var path: String { get }
    /// The documented request weight, e.g. `10(IP)`.
    static var weight: RequestWeight { get }
    /// Whether the request is signed (TRADE, USER_DATA) or public (NONE).
    static var security: SecurityType { get }
    /// A short human name for messages, e.g. "margin cancel".
    static var title: String { get }

    /// Checks every rule the exchange documents for the parameters, before anything is signed.
    func validate() throws(ValidationError)

    /// The parameters in documented order, without `timestamp` and `signature`.
    var parameters: [QueryParameter] { get }

    /// The `recvWindow` to send, if any (signed operations only).
    var recvWindow: Int? { get }
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
