/// `DELETE /sapi/v1/margin/order` — cancel an active order of the margin account (TRADE).
///
/// Parameters follow the exchange's table in order: `symbol`, `isIsolated`, `orderId`,
/// `origClientOrderId`, `newClientOrderId`, `recvWindow` (then `timestamp`, added when signed).
/// Either `orderId` or `origClientOrderId` must be sent. `isIsolated=TRUE` is sent exactly when
/// the order is on an isolated-margin account; cross margin (the exchange's default) omits it.
public struct CancelMarginOrder: ExchangeOperation, Hashable {
    public typealias Response = MarginOrder

    public static let method = HTTPMethod.delete
    public static let path = "/sapi/v1/margin/order"
    public static let weight = RequestWeight(10, .ip)
    public static let security = SecurityType.trade
    public static let title = "margin cancel"

    /// The trading pair, e.g. `LTCBTC`.
    public var symbol: String
    /// True for an isolated-margin order (`isIsolated=TRUE`); false for cross margin.
    public var isIsolated: Bool
    /// The exchange's order id.
    public var orderId: Int64?
    /// The client order id given when the order was placed.
    public var origClientOrderId: String?
    /// An id for this cancel; the exchange generates one when absent.
    public var newClientOrderId: String?
    /// How long after `timestamp` the request stays valid, 1...60000 ms.
    public var recvWindow: Int?

    public init(
        symbol: String, isIsolated: Bool = false, orderId: Int64? = nil, origClientOrderId: String? = nil,
        newClientOrderId: String? = nil, recvWindow: Int? = nil
    ) {
        self.symbol = symbol
        self.isIsolated = isIsolated
        self.orderId = orderId
        self.origClientOrderId = origClientOrderId
        self.newClientOrderId = newClientOrderId
        self.recvWindow = recvWindow
    }

    public func validate() throws(ValidationError) {
        try ParameterRules.symbol(symbol)
        try ParameterRules.orderReference(orderId: orderId, origClientOrderId: origClientOrderId)
        if let newClientOrderId { try ParameterRules.clientOrderId("newClientOrderId", newClientOrderId) }
        if let recvWindow { try ParameterRules.recvWindow(recvWindow) }
    }

    public var parameters: [QueryParameter] {
        var result: [QueryParameter] = []
        // Room for every parameter and the two a signed request adds (recvWindow, timestamp):
        // one allocation, not one per growth.
        result.reserveCapacity(8)
        result.append(QueryParameter("symbol", symbol))
        if isIsolated { result.append(QueryParameter("isIsolated", "TRUE")) }
        if let orderId { result.append(QueryParameter("orderId", String(orderId))) }
        if let origClientOrderId { result.append(QueryParameter("origClientOrderId", origClientOrderId)) }
        if let newClientOrderId { result.append(QueryParameter("newClientOrderId", newClientOrderId)) }
        if let recvWindow { result.append(QueryParameter("recvWindow", String(recvWindow))) }
        return result
    }
}
