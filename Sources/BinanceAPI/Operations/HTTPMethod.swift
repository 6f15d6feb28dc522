/// The HTTP methods the exchange's REST API uses.
public enum HTTPMethod: String, Sendable, Hashable, Codable, CaseIterable {
    case get = "GET"
    case post = "POST"
    case put = "PUT"
    case delete = "DELETE"
}
