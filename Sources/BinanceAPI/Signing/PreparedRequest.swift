/// A request ready to leave the process: canonical query, signature and the key header.
///
/// ``query`` is the canonical query including `timestamp` — byte for byte the string that was
/// signed. ``urlQuery`` is what goes on the wire: the same string, then `&signature=`.
///
/// The fields live in one shared, copy-on-write object: a request is handed from the builder to
/// the reply, the interpreter, the printer and the session log, and copying it is one retain
/// instead of one for each of its strings and arrays (docs/performance.md, "Performance II").
public struct PreparedRequest: Sendable, Hashable {
    /// The fields. Mutated only while uniquely referenced (``fields``'s setter), so sharing it
    /// between threads shares only values nobody changes.
    private final class Storage: @unchecked Sendable {
        var title: String
        var method: HTTPMethod
        var path: String
        var query: String
        var signature: Signature?
        var timestamp: Int64?
        var apiKey: String?
        var weight: RequestWeight
        var parameters: [QueryParameter]
        var effect: EndpointDescription.Effect

        init(
            title: String, method: HTTPMethod, path: String, query: String, signature: Signature?, timestamp: Int64?,
            apiKey: String?, weight: RequestWeight, parameters: [QueryParameter], effect: EndpointDescription.Effect
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
            self.effect = effect
        }

        func copy() -> Storage {
            Storage(
                title: title, method: method, path: path, query: query, signature: signature, timestamp: timestamp,
                apiKey: apiKey, weight: weight, parameters: parameters, effect: effect)
        }
    }

    private var storage: Storage

    /// The storage to change: copied first when another request shares it.
    private var unique: Storage {
        mutating get {
            if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
            return storage
        }
    }

    /// The operation's short name, e.g. "margin cancel".
    public var title: String {
        get { storage.title }
        set { unique.title = newValue }
    }
    public var method: HTTPMethod {
        get { storage.method }
        set { unique.method = newValue }
    }
    public var path: String {
        get { storage.path }
        set { unique.path = newValue }
    }
    /// The canonical query, including `timestamp` for signed requests; without `signature`.
    public var query: String {
        get { storage.query }
        set { unique.query = newValue }
    }
    /// The signature over ``query``; nil for unsigned requests.
    public var signature: Signature? {
        get { storage.signature }
        set { unique.signature = newValue }
    }
    /// The `timestamp` sent, in ms since the epoch (signed requests).
    public var timestamp: Int64? {
        get { storage.timestamp }
        set { unique.timestamp = newValue }
    }
    /// The API key for the `X-MBX-APIKEY` header; show it masked only.
    public var apiKey: String? {
        get { storage.apiKey }
        set { unique.apiKey = newValue }
    }
    /// The documented weight of the endpoint.
    public var weight: RequestWeight {
        get { storage.weight }
        set { unique.weight = newValue }
    }
    /// The parameters in order, as given to the encoder (for logs and explanations).
    public var parameters: [QueryParameter] {
        get { storage.parameters }
        set { unique.parameters = newValue }
    }
    /// Whether the request changes nothing on the exchange (a read is sent again after an
    /// unknown outcome, and never reported as one).
    public var effect: EndpointDescription.Effect {
        get { storage.effect }
        set { unique.effect = newValue }
    }

    /// `effect` defaults to what the method implies (GET reads) for requests rebuilt from a log
    /// or made by tests; ``RequestBuilder`` passes the endpoint's own.
    public init(
        title: String, method: HTTPMethod, path: String, query: String, signature: Signature?, timestamp: Int64?,
        apiKey: String?, weight: RequestWeight, parameters: [QueryParameter], effect: EndpointDescription.Effect? = nil
    ) {
        self.storage = Storage(
            title: title, method: method, path: path, query: query, signature: signature, timestamp: timestamp,
            apiKey: apiKey, weight: weight, parameters: parameters, effect: effect ?? (method == .get ? .read : .write))
    }

    /// Equal when every field is equal, as the synthesised conformance compared them.
    public static func == (lhs: PreparedRequest, rhs: PreparedRequest) -> Bool {
        if lhs.storage === rhs.storage { return true }
        let left = lhs.storage
        let right = rhs.storage
        return left.title == right.title && left.method == right.method && left.path == right.path
            && left.query == right.query && left.signature == right.signature && left.timestamp == right.timestamp
            && left.apiKey == right.apiKey && left.weight == right.weight && left.parameters == right.parameters
            && left.effect == right.effect
    }

    public func hash(into hasher: inout Hasher) {
        let fields = storage
        hasher.combine(fields.title)
        hasher.combine(fields.method)
        hasher.combine(fields.path)
        hasher.combine(fields.query)
        hasher.combine(fields.signature)
        hasher.combine(fields.timestamp)
        hasher.combine(fields.apiKey)
        hasher.combine(fields.weight)
        hasher.combine(fields.parameters)
        hasher.combine(fields.effect)
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
