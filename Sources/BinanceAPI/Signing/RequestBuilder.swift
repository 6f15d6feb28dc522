/// Turns a typed operation into a ``PreparedRequest``: validates, encodes, adds `recvWindow`
/// and `timestamp` in documented order, and signs.
public struct RequestBuilder: Sendable {
    /// The key that signs; nil only for public (unsigned) operations.
    public var credentials: Credentials?
    /// The `recvWindow` sent with signed operations that set none (the profile's `recvWindow`).
    public var recvWindow: Int?

    /// Requests go to the spot testnet (``LiveEndpoint/isSpotTestnet(baseURL:)``): it has no
    /// `/sapi` endpoint and does not know the documentation's demo key, so both are refused here,
    /// before anything is signed, instead of drawing a 404 or -2015 from it.
    public var spotTestnet: Bool

    public init(credentials: Credentials?, recvWindow: Int? = nil, spotTestnet: Bool = false) {
        self.credentials = credentials
        self.recvWindow = recvWindow
        self.spotTestnet = spotTestnet
    }

    /// A builder for requests to `baseURL`: the spot testnet's rules apply there.
    public init(credentials: Credentials?, recvWindow: Int? = nil, baseURL: String) {
        self.init(
            credentials: credentials, recvWindow: recvWindow, spotTestnet: LiveEndpoint.isSpotTestnet(baseURL: baseURL))
    }

    /// Throws when `endpoint` cannot be reached with this builder's key where requests go: on the
    /// spot testnet, a `/sapi` endpoint, or a keyed one with the documentation's demo key. The
    /// client asks before it connects; ``prepare(_:timestamp:)`` asks again before it signs.
    public func checkEndpoint(_ endpoint: EndpointDescription) throws(RequestError) {
        guard spotTestnet else { return }
        if endpoint.path.hasPrefix("/sapi/") { throw .marginOnSpotTestnet(endpoint.title, endpoint.line) }
        if endpoint.security.needsAPIKey, credentials?.apiKey == DemoCredentials.apiKey { throw .demoKeyOnSpotTestnet }
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
        return try prepare(validated: operation, timestamp: timestamp)
    }

    /// ``prepare(_:timestamp:)`` for an operation whose `validate()` has already passed (a
    /// script's command plan validates every operation it makes): the same request, without
    /// checking the same rules a second time. The rules stay in `validate()` alone.
    public func prepare<Operation: ExchangeOperation>(
        validated operation: Operation, timestamp: Int64
    ) throws(RequestError) -> PreparedRequest {
        // Read from the instance: an operation may choose its endpoint at run time.
        let endpoint = operation.endpoint
        var parameters = operation.parameters
        let security = endpoint.security
        try checkEndpoint(endpoint)
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
    /// A margin (`/sapi`) operation for the spot testnet, which has none: title and endpoint.
    case marginOnSpotTestnet(String, String)
    /// The documentation's demo key for the spot testnet, which does not know it.
    case demoKeyOnSpotTestnet

    public var message: String {
        switch self {
        case .validation(let error): return error.message
        case .noCredentials(let title):
            return "\(title) is a signed request but no API key is configured"
        case .marginOnSpotTestnet(let title, let line):
            return "the spot testnet has no margin endpoints: \(title) (\(line)) cannot be sent there"
        case .demoKeyOnSpotTestnet:
            return "the spot testnet needs your own testnet API key: the documentation's demo key works only with the simulator"
        }
    }

    public var hint: String? {
        switch self {
        case .validation(let error): return error.hint
        case .noCredentials:
            return "set BINANCE_API_KEY with BINANCE_API_SECRET or BINANCE_PRIVATE_KEY_FILE, or use the simulator"
        case .marginOnSpotTestnet:
            return "the exchange has no margin testnet: try margin statements on the simulator (--endpoint sim, or `bnc sim`"
                + " and --endpoint http://127.0.0.1:PORT); on the testnet use the spot account (`spot`)"
        case .demoKeyOnSpotTestnet:
            return "create a key at https://testnet.binance.vision and set BINANCE_API_KEY with BINANCE_API_SECRET"
                + " or BINANCE_PRIVATE_KEY_FILE (or apiKey and a key in the profile)"
        }
    }
}
