/// One `name=value` pair of a request's query, before percent-encoding.
public struct QueryParameter: Sendable, Hashable, Codable {
    /// The parameter's name exactly as the exchange documents it (`orderId`, `isIsolated`).
    public var name: String
    /// The parameter's value as text (UTF-8; encoded when the query is built).
    public var value: String

    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}
