/// A request ready to leave the process: canonical query, signature and the key header.
///
/// ``query`` is the canonical query including `timestamp` — byte for byte the string that was
/// signed. ``urlQuery`` is what goes on the wire: the same string, then `&signature=`.
///
/// The fields live in one shared, immutable object: a request is handed from the builder to the
/// reply, the interpreter, the printer and the session log, and copying it is one retain instead
/// of one for each of its strings and arrays (docs/performance.md, "Performance II").
public struct PreparedRequest: Sendable, Hashable {
    /// The request's fields as plain values; equality and hashing compare every one.
    struct Fields: Sendable, Hashable {
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

    /// The fields in one object, never changed once made: a setter replaces the object (setters
    /// are for tests and requests rebuilt from a log; the hot path only reads). Its `let` lets
    /// the dry-run writers read a field of a request they hold without retaining it.
    final class Storage: Sendable {
        let fields: Fields

        init(_ fields: Fields) {
            self.fields = fields
        }
    }

    /// The request's fields (read in place by the dry-run writers, see ``Storage``).
    private(set) var storage: Storage

    /// A request with one field changed by `change`.
    private mutating func change(_ change: (inout Fields) -> Void) {
        var fields = storage.fields
        change(&fields)
        storage = Storage(fields)
    }

    /// The operation's short name, e.g. "margin cancel".
    public var title: String {
        get { storage.fields.title }
        set { change { $0.title = newValue } }
    }
    public var method: HTTPMethod {
        get { storage.fields.method }
        set { change { $0.method = newValue } }
    }
    public var path: String {
        get { storage.fields.path }
        set { change { $0.path = newValue } }
    }
    /// The canonical query, including `timestamp` for signed requests; without `signature`.
    public var query: String {
        get { storage.fields.query }
        set { change { $0.query = newValue } }
    }
    /// The signature over ``query``; nil for unsigned requests.
    public var signature: Signature? {
        get { storage.fields.signature }
        set { change { $0.signature = newValue } }
    }
    /// The `timestamp` sent, in ms since the epoch (signed requests).
    public var timestamp: Int64? {
        get { storage.fields.timestamp }
        set { change { $0.timestamp = newValue } }
    }
    /// The API key for the `X-MBX-APIKEY` header; show it masked only.
    public var apiKey: String? {
        get { storage.fields.apiKey }
        set { change { $0.apiKey = newValue } }
    }
    /// The documented weight of the endpoint.
    public var weight: RequestWeight {
        get { storage.fields.weight }
        set { change { $0.weight = newValue } }
    }
    /// The parameters in order, as given to the encoder (for logs and explanations).
    public var parameters: [QueryParameter] {
        get { storage.fields.parameters }
        set { change { $0.parameters = newValue } }
    }
    /// Whether the request changes nothing on the exchange (a read is sent again after an
    /// unknown outcome, and never reported as one).
    public var effect: EndpointDescription.Effect {
        get { storage.fields.effect }
        set { change { $0.effect = newValue } }
    }

    /// `effect` defaults to what the method implies (GET reads) for requests rebuilt from a log
    /// or made by tests; ``RequestBuilder`` passes the endpoint's own.
    public init(
        title: String, method: HTTPMethod, path: String, query: String, signature: Signature?, timestamp: Int64?,
        apiKey: String?, weight: RequestWeight, parameters: [QueryParameter], effect: EndpointDescription.Effect? = nil
    ) {
        self.storage = Storage(
            Fields(
                title: title, method: method, path: path, query: query, signature: signature, timestamp: timestamp,
                apiKey: apiKey, weight: weight, parameters: parameters, effect: effect ?? (method == .get ? .read : .write)))
    }

    /// Equal when every field is equal, as the synthesised conformance compared them.
    public static func == (lhs: PreparedRequest, rhs: PreparedRequest) -> Bool {
        lhs.storage === rhs.storage || lhs.storage.fields == rhs.storage.fields
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(storage.fields)
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
