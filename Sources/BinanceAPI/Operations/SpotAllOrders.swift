/// `GET /api/v3/allOrders` — all orders of one symbol on the spot account: open, canceled or
/// filled (USER_DATA), weight 20.
///
/// Parameters follow the exchange's table in order: `symbol`, `orderId`, `startTime`, `endTime`,
/// `limit`, `recvWindow` (then `timestamp`). With `orderId` the exchange returns orders with ids
/// >= it, otherwise the most recent; `limit` is 1...1000 (default 500), and
/// `startTime`..`endTime` spans at most 24 hours.
public struct SpotAllOrders: DocumentedOperation, Hashable {
    public typealias Response = MarginOrderList

    public static let endpoint = EndpointDescription(
        .get, "/api/v3/allOrders", weight: RequestWeight(20, .ip), security: .userData, title: "spot all orders",
        effect: .read, parameters: ["symbol", "orderId", "startTime", "endTime", "limit", "recvWindow"])

    /// The largest `limit` the exchange accepts.
    public static let maximumLimit: Int64 = 1000

    /// The trading pair, e.g. `BTCUSDT`.
    public var symbol: String
    /// Return orders with an id at or above this one.
    public var orderId: Int64?
    /// Earliest order time, ms since the epoch.
    public var startTime: Int64?
    /// Latest order time, ms since the epoch.
    public var endTime: Int64?
    /// How many orders, 1...1000.
    public var limit: Int64?
    /// How long after `timestamp` the request stays valid, 1...60000 ms.
    public var recvWindow: Int?

    public init(
        symbol: String, orderId: Int64? = nil, startTime: Int64? = nil, endTime: Int64? = nil, limit: Int64? = nil,
        recvWindow: Int? = nil
    ) {
        self.symbol = symbol
        self.orderId = orderId
        self.startTime = startTime
        self.endTime = endTime
        self.limit = limit
        self.recvWindow = recvWindow
    }

    public func validate() throws(ValidationError) {
        // The same rules as the margin list's but the limit (1000 here): checked by it.
        try MarginAllOrders(
            symbol: symbol, orderId: orderId, startTime: startTime, endTime: endTime, recvWindow: recvWindow
        ).validate()
        if let limit, !(1...Self.maximumLimit).contains(limit) {
            throw .valueOutOfRange(name: "limit", value: String(limit), range: 1...Self.maximumLimit)
        }
    }

    public var parameters: [QueryParameter] {
        var result = [QueryParameter("symbol", symbol)]
        if let orderId { result.append(QueryParameter("orderId", String(orderId))) }
        if let startTime { result.append(QueryParameter("startTime", String(startTime))) }
        if let endTime { result.append(QueryParameter("endTime", String(endTime))) }
        if let limit { result.append(QueryParameter("limit", String(limit))) }
        if let recvWindow { result.append(QueryParameter("recvWindow", String(recvWindow))) }
        return result
    }
}
