/// How much of a rate limit one request uses, and which limit it counts against.
public struct RequestWeight: Sendable, Hashable, Codable {
    /// What the weight is counted per.
    public enum Scope: String, Sendable, Hashable, Codable {
        /// Per client IP address (`X-SAPI-USED-IP-WEIGHT-1M`).
        case ip = "IP"
        /// Per account (`X-SAPI-USED-UID-WEIGHT-1M`).
        case uid = "UID"
    }

    /// The weight the exchange documents for the endpoint.
    public var value: Int
    /// The limit it counts against.
    public var scope: Scope

    public init(_ value: Int, _ scope: Scope) {
        self.value = value
        self.scope = scope
    }
}

extension RequestWeight: CustomStringConvertible {
    public var description: String { "\(value)(\(scope.rawValue))" }
}
