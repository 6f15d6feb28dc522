/// `DELETE /api/v3/order` — cancel an active order of the spot account (TRADE), weight 1.
///
/// Parameters follow the exchange's table in order: `symbol`, `orderId`, `origClientOrderId`,
/// `newClientOrderId`, `cancelRestrictions`, `recvWindow` (then `timestamp`). Either `orderId` or
/// `origClientOrderId` must be sent. `cancelRestrictions` (`ONLY_NEW`, `ONLY_PARTIALLY_FILLED`)
/// makes the cancel succeed only in that status; otherwise the exchange answers -2011 "Order was
/// not canceled due to cancel restrictions." The margin cancel has no such parameter.
public struct CancelSpotOrder: DocumentedOperation, Hashable {
    public typealias Response = MarginOrder

    public static let endpoint = EndpointDescription(
        .delete, "/api/v3/order", weight: RequestWeight(1, .ip), security: .trade, title: "spot cancel", effect: .write,
        parameters: ["symbol", "orderId", "origClientOrderId", "newClientOrderId", "cancelRestrictions", "recvWindow"])

    /// The values `cancelRestrictions` takes.
    public static let cancelRestrictionValues = ["ONLY_NEW", "ONLY_PARTIALLY_FILLED"]

    /// The trading pair, e.g. `BTCUSDT`.
    public var symbol: String
    /// The exchange's order id.
    public var orderId: Int64?
    /// The client order id given when the order was placed.
    public var origClientOrderId: String?
    /// An id for this cancel; the exchange generates one when absent.
    public var newClientOrderId: String?
    /// `ONLY_NEW` or `ONLY_PARTIALLY_FILLED`: cancel only an order in that status.
    public var cancelRestrictions: String?
    /// How long after `timestamp` the request stays valid, 1...60000 ms.
    public var recvWindow: Int?

    public init(
        symbol: String, orderId: Int64? = nil, origClientOrderId: String? = nil, newClientOrderId: String? = nil,
        cancelRestrictions: String? = nil, recvWindow: Int? = nil
    ) {
        self.symbol = symbol
        self.orderId = orderId
        self.origClientOrderId = origClientOrderId
        self.newClientOrderId = newClientOrderId
        self.cancelRestrictions = cancelRestrictions
        self.recvWindow = recvWindow
    }

    public func validate() throws(ValidationError) {
        try ParameterRules.symbol(symbol)
        try ParameterRules.orderReference(orderId: orderId, origClientOrderId: origClientOrderId)
        if let newClientOrderId { try ParameterRules.clientOrderId("newClientOrderId", newClientOrderId) }
        if let cancelRestrictions, !Self.cancelRestrictionValues.contains(cancelRestrictions) {
            throw .notOneOf(name: "cancelRestrictions", value: cancelRestrictions, choices: Self.cancelRestrictionValues)
        }
        if let recvWindow { try ParameterRules.recvWindow(recvWindow) }
    }

    public var parameters: [QueryParameter] {
        var result: [QueryParameter] = []
        result.reserveCapacity(8)
        result.append(QueryParameter("symbol", symbol))
        if let orderId { result.append(QueryParameter("orderId", String(orderId))) }
        if let origClientOrderId { result.append(QueryParameter("origClientOrderId", origClientOrderId)) }
        if let newClientOrderId { result.append(QueryParameter("newClientOrderId", newClientOrderId)) }
        if let cancelRestrictions { result.append(QueryParameter("cancelRestrictions", cancelRestrictions)) }
        if let recvWindow { result.append(QueryParameter("recvWindow", String(recvWindow))) }
        return result
    }
}

extension CancelSpotOrder: OutcomeCheckable {
    /// Query the same spot order.
    public var outcomeCheck: QuerySpotOrder {
        QuerySpotOrder(symbol: symbol, orderId: orderId, origClientOrderId: origClientOrderId, recvWindow: recvWindow)
    }

    /// The margin cancel's judgement: the same symbol and ids, the same statuses; a spot order
    /// carries no `isIsolated`, and an answer saying isolated margin is about another account.
    public func judge(_ order: MarginOrder) -> OutcomeJudgement<MarginOrder> {
        CancelMarginOrder(symbol: symbol, orderId: orderId, origClientOrderId: origClientOrderId).judge(order)
    }
}
