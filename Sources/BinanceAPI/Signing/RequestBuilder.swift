/// Turns a typed operation into a ``PreparedRequest``: validates, encodes, adds `recvWindow`
/// and `timestamp` in documented order, and signs.
public struct RequestBuilder: Sendable {
    /// The key that signs; nil only for public (unsigned) operations.
    public var credentials: Credentials?
    /// The `recvWindow` sent with signed operations that set none (the profile's `recvWindow`).
    public var recvWindow: Int?

    public init(credentials: Credentials?, recvWindow: Int? = nil) {
        self.credentials = credentials
        self.recvWindow = recvWindow
    }

    /// Validates `operation` and builds its request at `timestamp` (ms since the epoch).
    public func prepare<Operation: ExchangeOperation>(
        _ operation: Operation, timestamp: Int64
    ) throws(RequestError) -> PreparedRequest {
        do {
            try operation.validate()
        } catch {
            throw .validation(error)
        }
        // Read from the instance: an operation may choose its endpoint at run time.
        let endpoint = operation.endpoint
        var parameters = operation.parameters
        let security = endpoint.security
        var signature: Signature?
        var query: String
        if security.isSigned {
            guard let signer = credentials?.signer else { throw .noCredentials(endpoint.title) }
            parameters.reserveCapacity(parameters.count + 2)
            // Every documented table lists recvWindow last before timestamp.
            if operation.recvWindow == nil, let recvWindow {
                parameters.append(QueryParameter("recvWindow", String(recvWindow)))
            }
            parameters.append(QueryParameter("timestamp", String(timestamp)))
            query = CanonicalQuery(parameters).encoded
            signature = signer.sign(query)
        } else {
            query = CanonicalQuery(parameters).encoded
        }
        return PreparedRequest(
            title: endpoint.title, method: endpoint.method, path: endpoint.path, query: query,
            signature: signature, timestamp: security.isSigned ? timestamp : nil,
            apiKey: security.needsAPIKey ? credentials?.apiKey : nil, weight: endpoint.weight,
            parameters: parameters, effect: endpoint.effect)
    }
}

/// Why a request could not be prepared. Nothing was sent.
public enum RequestError: Error, Sendable, Hashable {
    /// A parameter breaks a documented rule.
    case validation(ValidationError)
    /// A signed operation with no key configured.
    case noCredentials(String)

    public var message: String {
        switch self {
        case .validation(let error): return error.message
        case .noCredentials(let title):
            return "\(title) is a signed request but no API key is configured"
        }
    }

    public var hint: String? {
        switch self {
        case .validation(let error): return error.hint
        case .noCredentials:
            return "set BINANCE_API_KEY with BINANCE_API_SECRET or BINANCE_PRIVATE_KEY_FILE, or use the simulator"
        }
    }
}
