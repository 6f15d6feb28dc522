/// `GET /api/v3/time` — the exchange's clock (NONE: no key, no signature). Weight 1, counted
/// against the `/api` limit (`X-MBX-USED-WEIGHT-1M`), not the `/sapi` one.
public struct ServerTime: DocumentedOperation, Hashable {
    public typealias Response = ServerTimeResponse

    public static let endpoint = EndpointDescription(
        .get, "/api/v3/time", weight: RequestWeight(1, .ip), security: .none, title: "server time", effect: .read,
        parameters: [])

    public init() {}

    /// No parameters, so nothing can be wrong.
    public func validate() throws(ValidationError) {}

    public var parameters: [QueryParameter] { [] }
}

/// `{"serverTime": 1499827319559}`.
public struct ServerTimeResponse: ExchangeResponse, Hashable {
    /// The exchange's time in ms since the epoch.
    public var serverTime: Int64
    /// The body as received.
    public var json: JSONValue

    public init(json: JSONValue) throws(ResponseDecodingError) {
        let object = try json.requireObject()
        self.json = json
        serverTime = try object.requireInteger("serverTime")
    }
}
