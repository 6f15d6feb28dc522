/// `GET /sapi/v1/margin/allOrders` — all orders of one symbol: open, canceled or filled
/// (USER_DATA). The exchange's -2011 page points here to confirm what became of an order.
///
/// Parameters follow the exchange's table in order: `symbol`, `isIsolated`, `orderId`,
/// `startTime`, `endTime`, `limit`, `recvWindow` (then `timestamp`). With `orderId` the exchange
/// returns orders with ids >= it; otherwise the last 24 hours. `limit` is 1...500 (default 500),
/// and `startTime`..`endTime` spans less than 24 hours.
public struct MarginAllOrders: DocumentedOperation, Hashable {
    public typealias Response = MarginOrderList

    public static let endpoint = EndpointDescription(
        .get, "/sapi/v1/margin/allOrders", weight: RequestWeight(200, .ip), security: .userData, title: "margin all orders",
        effect: .read,
        parameters: ["symbol", "isIsolated", "orderId", "startTime", "endTime", "limit", "recvWindow"])

    /// The largest `limit` the exchange accepts.
    public static let maximumLimit: Int64 = 500
    /// The longest span between `startTime` and `endTime`: 24 hours, in ms.
    public static let maximumSpan: Int64 = 24 * 60 * 60 * 1000

    /// The trading pair, e.g. `LTCBTC`.
    public var symbol: String
    /// True for the isolated-margin account of `symbol`.
    public var isIsolated: Bool
    /// Return orders with an id at or above this one.
    public var orderId: Int64?
    /// Earliest order time, ms since the epoch.
    public var startTime: Int64?
    /// Latest order time, ms since the epoch.
    public var endTime: Int64?
    /// How many orders, 1...500.
    public var limit: Int64?
    /// How long after `timestamp` the request stays valid, 1...60000 ms.
    public var recvWindow: Int?

    public init(
        symbol: String, isIsolated: Bool = false, orderId: Int64? = nil, startTime: Int64? = nil,
        endTime: Int64? = nil, limit: Int64? = nil, recvWindow: Int? = nil
    ) {
        self.symbol = symbol
        self.isIsolated = isIsolated
        self.orderId = orderId
        self.startTime = startTime
        self.endTime = endTime
        self.limit = limit
        self.recvWindow = recvWindow
    }

    public func validate() throws(ValidationError) {
        try ParameterRules.symbol(symbol)
        if let orderId { try ParameterRules.id("orderId", orderId) }
        if let startTime, startTime < 0 {
            throw .valueOutOfRange(name: "startTime", value: String(startTime), range: 0...Int64.max)
        }
        if let endTime, endTime < 0 {
            throw .valueOutOfRange(name: "endTime", value: String(endTime), range: 0...Int64.max)
        }
        if let startTime, let endTime {
            // endTime must not precede startTime, and the span must stay under 24 hours.
            let range =
                startTime...(startTime.addingReportingOverflow(Self.maximumSpan - 1).overflow
                ? Int64.max : startTime + Self.maximumSpan - 1)
            guard range.contains(endTime) else {
                throw .valueOutOfRange(name: "endTime", value: String(endTime), range: range)
            }
        }
        if let limit, !(1...Self.maximumLimit).contains(limit) {
            throw .valueOutOfRange(name: "limit", value: String(limit), range: 1...Self.maximumLimit)
        }
        if let recvWindow { try ParameterRules.recvWindow(recvWindow) }
    }

    public var parameters: [QueryParameter] {
        var result = [QueryParameter("symbol", symbol)]
        if isIsolated { result.append(QueryParameter("isIsolated", "TRUE")) }
        if let orderId { result.append(QueryParameter("orderId", String(orderId))) }
        if let startTime { result.append(QueryParameter("startTime", String(startTime))) }
        if let endTime { result.append(QueryParameter("endTime", String(endTime))) }
        if let limit { result.append(QueryParameter("limit", String(limit))) }
        if let recvWindow { result.append(QueryParameter("recvWindow", String(recvWindow))) }
        return result
    }
}
