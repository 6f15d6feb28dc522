/// `GET /api/v3/order` — one order of the spot account, open or not (USER_DATA), weight 4.
///
/// Parameters follow the exchange's table in order: `symbol`, `orderId`, `origClientOrderId`,
/// `recvWindow` (then `timestamp`). Either `orderId` or `origClientOrderId` must be sent. It is
/// also how an unknown spot cancel is checked.
public struct QuerySpotOrder: DocumentedOperation, Hashable {
    public typealias Response = MarginOrder

    public static let endpoint = EndpointDescription(
        .get, "/api/v3/order", weight: RequestWeight(4, .ip), security: .userData, title: "spot order query",
        effect: .read, parameters: ["symbol", "orderId", "origClientOrderId", "recvWindow"])

    /// The trading pair, e.g. `BTCUSDT`.
    public var symbol: String
    /// The exchange's order id.
    public var orderId: Int64?
    /// The client order id given when the order was placed.
    public var origClientOrderId: String?
    /// How long after `timestamp` the request stays valid, 1...60000 ms.
    public var recvWindow: Int?

    public init(symbol: String, orderId: Int64? = nil, origClientOrderId: String? = nil, recvWindow: Int? = nil) {
        self.symbol = symbol
        self.orderId = orderId
        self.origClientOrderId = origClientOrderId
        self.recvWindow = recvWindow
    }

    public func validate() throws(ValidationError) {
        try ParameterRules.symbol(symbol)
        try ParameterRules.orderReference(orderId: orderId, origClientOrderId: origClientOrderId)
        if let recvWindow { try ParameterRules.recvWindow(recvWindow) }
    }

    public var parameters: [QueryParameter] {
        var result = [QueryParameter("symbol", symbol)]
        if let orderId { result.append(QueryParameter("orderId", String(orderId))) }
        if let origClientOrderId { result.append(QueryParameter("origClientOrderId", origClientOrderId)) }
        if let recvWindow { result.append(QueryParameter("recvWindow", String(recvWindow))) }
        return result
    }
}
