/// `GET /sapi/v1/margin/order` — query one order of the margin account (USER_DATA).
///
/// Parameters follow the exchange's table in order: `symbol`, `isIsolated`, `orderId`,
/// `origClientOrderId`, `recvWindow` (then `timestamp`). Either `orderId` or
/// `origClientOrderId` must be sent. The client also uses it to learn what happened to a cancel
/// whose answer was lost (HTTP 5XX or a timeout).
public struct QueryMarginOrder: DocumentedOperation, Hashable {
    public typealias Response = MarginOrder

    public static let endpoint = EndpointDescription(
        .get, "/sapi/v1/margin/order", weight: RequestWeight(10, .ip), security: .userData, title: "margin order query",
        effect: .read,
        parameters: ["symbol", "isIsolated", "orderId", "origClientOrderId", "recvWindow"])

    /// The trading pair, e.g. `LTCBTC`.
    public var symbol: String
    /// True for an isolated-margin order (`isIsolated=TRUE`); false for cross margin.
    public var isIsolated: Bool
    /// The exchange's order id.
    public var orderId: Int64?
    /// The client order id given when the order was placed.
    public var origClientOrderId: String?
    /// How long after `timestamp` the request stays valid, 1...60000 ms.
    public var recvWindow: Int?

    public init(
        symbol: String, isIsolated: Bool = false, orderId: Int64? = nil, origClientOrderId: String? = nil,
        recvWindow: Int? = nil
    ) {
        self.symbol = symbol
        self.isIsolated = isIsolated
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
        if isIsolated { result.append(QueryParameter("isIsolated", "TRUE")) }
        if let orderId { result.append(QueryParameter("orderId", String(orderId))) }
        if let origClientOrderId { result.append(QueryParameter("origClientOrderId", origClientOrderId)) }
        if let recvWindow { result.append(QueryParameter("recvWindow", String(recvWindow))) }
        return result
    }
}
