/// A request ready to leave the process: canonical query, signature and the key header.
///
/// ``query`` is the canonical query including `timestamp` — byte for byte the string that was
/// signed. ``urlQuery`` is what goes on the wire: the same string, then `&signature=`.
///
/// The fields live in one shared, immutable object: a request is handed from the builder to the
/// reply, the interpreter, the printer and the session log, and copying it is one retain instead
/// of one for each of its strings and arrays (docs/performance.md, "Performance II").
public struct PreparedRequest: Sendable, Hashable {
    /// The fields, never changed once made: a setter replaces the whole object (setters are for
    /// tests and requests rebuilt from a log; the hot path only reads). Immutable `let` fields let
    /// the dry-run writers read a field of a request they hold without retaining it.
    final class Fields: Sendable {
        let title: String
        let method: HTTPMethod
        let path: String
        let query: String
        let signature: Signature?
        let timestamp: Int64?
        let apiKey: String?
        let weight: RequestWeight
        let parameters: [QueryParameter]
        let effect: EndpointDescription.Effect

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

        /// A copy with the fields `change` sets.
        func with(_ change: (inout Draft) -> Void) -> Fields {
            var draft = Draft(
                title: title, method: method, path: path, query: query, signature: signature, timestamp: timestamp,
                apiKey: apiKey, weight: weight, parameters: parameters, effect: effect)
            change(&draft)
            return Fields(
                title: draft.title, method: draft.method, path: draft.path, query: draft.query,
                signature: draft.signature, timestamp: draft.timestamp, apiKey: draft.apiKey, weight: draft.weight,
                parameters: draft.parameters, effect: draft.effect)
        }

        /// The fields while a setter changes one.
        struct Draft {
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
        }
    }

    /// The request's fields (read once by the dry-run writers, see ``Fields``).
    private(set) var fields: Fields

    /// The operation's short name, e.g. "margin cancel".
    public var title: String {
        get { fields.title }
        set { fields = fields.with { $0.title = newValue } }
    }
    public var method: HTTPMethod {
        get { fields.method }
        set { fields = fields.with { $0.method = newValue } }
    }
    public var path: String {
        get { fields.path }
        set { fields = fields.with { $0.path = newValue } }
    }
    /// The canonical query, including `timestamp` for signed requests; without `signature`.
    public var query: String {
        get { fields.query }
        set { fields = fields.with { $0.query = newValue } }
    }
    /// The signature over ``query``; nil for unsigned requests.
    public var signature: Signature? {
        get { fields.signature }
        set { fields = fields.with { $0.signature = newValue } }
    }
    /// The `timestamp` sent, in ms since the epoch (signed requests).
    public var timestamp: Int64? {
        get { fields.timestamp }
        set { fields = fields.with { $0.timestamp = newValue } }
    }
    /// The API key for the `X-MBX-APIKEY` header; show it masked only.
    public var apiKey: String? {
        get { fields.apiKey }
        set { fields = fields.with { $0.apiKey = newValue } }
    }
    /// The documented weight of the endpoint.
    public var weight: RequestWeight {
        get { fields.weight }
        set { fields = fields.with { $0.weight = newValue } }
    }
    /// The parameters in order, as given to the encoder (for logs and explanations).
    public var parameters: [QueryParameter] {
        get { fields.parameters }
        set { fields = fields.with { $0.parameters = newValue } }
    }
    /// Whether the request changes nothing on the exchange (a read is sent again after an
    /// unknown outcome, and never reported as one).
    public var effect: EndpointDescription.Effect {
        get { fields.effect }
        set { fields = fields.with { $0.effect = newValue } }
    }

    /// `effect` defaults to what the method implies (GET reads) for requests rebuilt from a log
    /// or made by tests; ``RequestBuilder`` passes the endpoint's own.
    public init(
        title: String, method: HTTPMethod, path: String, query: String, signature: Signature?, timestamp: Int64?,
        apiKey: String?, weight: RequestWeight, parameters: [QueryParameter], effect: EndpointDescription.Effect? = nil
    ) {
        self.fields = Fields(
            title: title, method: method, path: path, query: query, signature: signature, timestamp: timestamp,
            apiKey: apiKey, weight: weight, parameters: parameters, effect: effect ?? (method == .get ? .read : .write))
    }

    /// Equal when every field is equal, as the synthesised conformance compared them.
    public static func == (lhs: PreparedRequest, rhs: PreparedRequest) -> Bool {
        if lhs.fields === rhs.fields { return true }
        let left = lhs.fields
        let right = rhs.fields
        return left.title == right.title && left.method == right.method && left.path == right.path
            && left.query == right.query && left.signature == right.signature && left.timestamp == right.timestamp
            && left.apiKey == right.apiKey && left.weight == right.weight && left.parameters == right.parameters
            && left.effect == right.effect
    }

    public func hash(into hasher: inout Hasher) {
        let fields = self.fields
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
