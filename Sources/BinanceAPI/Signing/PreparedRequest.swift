/// A request ready to leave the process: canonical query, signature and the key header.
///
/// ``query`` is the canonical query including `timestamp` — byte for byte the string that was
/// signed. ``urlQuery`` is what goes on the wire: the same string, then `&signature=`.
public struct PreparedRequest: Sendable, Hashable {
    /// The operation's short name, e.g. "margin cancel".
    public var title: String
    public var method: HTTPMethod
    public var path: String
    /// The canonical query, including `timestamp` for signed requests; without `signature`.
    public var query: String
    /// The signature over ``query``; nil for unsigned requests.
    public var signature: Signature?
    /// The `timestamp` sent, in ms since the epoch (signed requests).
    public var timestamp: Int64?
    /// The API key for the `X-MBX-APIKEY` header; show it masked only.
    public var apiKey: String?
    /// The documented weight of the endpoint.
    public var weight: RequestWeight
    /// The parameters in order, as given to the encoder (for logs and explanations).
    public var parameters: [QueryParameter]
    /// Whether the request changes nothing on the exchange (a read is sent again after an
    /// unknown outcome, and never reported as one).
    public var effect: EndpointDescription.Effect

    /// `effect` defaults to what the method implies (GET reads) for requests rebuilt from a log
    /// or made by tests; ``RequestBuilder`` passes the endpoint's own.
    public init(
        title: String, method: HTTPMethod, path: String, query: String, signature: Signature?, timestamp: Int64?,
        apiKey: String?, weight: RequestWeight, parameters: [QueryParameter], effect: EndpointDescription.Effect? = nil
    ) {
        self.title = title
        self.method = method
        self.path = path
        self.query = query
        self.signature = signature
        self.timestamp = timestamp
        self.apiKey = apiKey
        self.weight = weight
        self.parameters = parameters
        self.effect = effect ?? (method == .get ? .read : .write)
    }

    /// The rate limit the request's weight counts against.
    public var limitFamily: RateLimitState.Family { RateLimitState.Family(path: path, scope: weight.scope) }

    /// The query as sent: the canonical query, then `signature` last (percent-encoded).
    public var urlQuery: String {
        guard let signature else { return query }
        return query.isEmpty ? "signature=\(signature.urlValue)" : "\(query)&signature=\(signature.urlValue)"
    }

    /// The full URL against `baseURL` (e.g. `https://api.binance.com`).
    public func url(baseURL: String) -> String {
        let base = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        let query = urlQuery
        return query.isEmpty ? base + path : "\(base)\(path)?\(query)"
    }

    /// The value of a parameter as given (not encoded), if present.
    public func parameter(_ name: String) -> String? {
        parameters.first { $0.name == name }?.value
    }
}
