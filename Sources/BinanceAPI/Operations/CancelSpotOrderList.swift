/// `DELETE /api/v3/orderList` — cancel a whole order list (an OCO) of the spot account (TRADE),
/// weight 1 in the `/api` family.
///
/// Parameters follow the exchange's table in order: `symbol`, `orderListId`, `listClientOrderId`,
/// `newClientOrderId`, `recvWindow` (then `timestamp`). Either `orderListId` or
/// `listClientOrderId` must be sent; when both are, the list is found by id and must carry the
/// client id too. Spot has no `isIsolated`, and its answer carries none. Canceling one leg with
/// the spot order cancel also cancels the whole list; this names the list itself.
public struct CancelSpotOrderList: DocumentedOperation, Hashable {
    public typealias Response = OrderList

    public static let endpoint = EndpointDescription(
        .delete, "/api/v3/orderList", weight: RequestWeight(1, .ip), security: .trade, title: "spot order list cancel",
        effect: .write, parameters: ["symbol", "orderListId", "listClientOrderId", "newClientOrderId", "recvWindow"])

    /// The trading pair, e.g. `BTCUSDT`.
    public var symbol: String
    /// The exchange's id of the list.
    public var orderListId: Int64?
    /// The client id given to the list when it was placed.
    public var listClientOrderId: String?
    /// An id for this cancel; the exchange generates one when absent.
    public var newClientOrderId: String?
    /// How long after `timestamp` the request stays valid, 1...60000 ms.
    public var recvWindow: Int?

    public init(
        symbol: String, orderListId: Int64? = nil, listClientOrderId: String? = nil, newClientOrderId: String? = nil,
        recvWindow: Int? = nil
    ) {
        self.symbol = symbol
        self.orderListId = orderListId
        self.listClientOrderId = listClientOrderId
        self.newClientOrderId = newClientOrderId
        self.recvWindow = recvWindow
    }

    public func validate() throws(ValidationError) {
        try ParameterRules.symbol(symbol)
        try CancelMarginOrderList.listReference(orderListId: orderListId, listClientOrderId: listClientOrderId)
        if let newClientOrderId { try ParameterRules.clientOrderId("newClientOrderId", newClientOrderId) }
        if let recvWindow { try ParameterRules.recvWindow(recvWindow) }
    }

    public var parameters: [QueryParameter] {
        var result: [QueryParameter] = []
        result.reserveCapacity(7)
        result.append(QueryParameter("symbol", symbol))
        if let orderListId { result.append(QueryParameter("orderListId", String(orderListId))) }
        if let listClientOrderId { result.append(QueryParameter("listClientOrderId", listClientOrderId)) }
        if let newClientOrderId { result.append(QueryParameter("newClientOrderId", newClientOrderId)) }
        if let recvWindow { result.append(QueryParameter("recvWindow", String(recvWindow))) }
        return result
    }
}

extension CancelSpotOrderList: OutcomeCheckable {
    /// Query the same spot list (the query takes no symbol: the judgement checks it).
    public var outcomeCheck: QuerySpotOrderList {
        QuerySpotOrderList(orderListId: orderListId, origClientOrderId: listClientOrderId, recvWindow: recvWindow)
    }

    /// The margin list cancel's judgement. The list query has no symbol parameter, so an answer
    /// about another symbol's list is unrelated; a spot list carries no `isIsolated`, and an
    /// answer that does is about a margin account (`isIsolated: nil` does not compare it, so
    /// that case is refused here).
    public func judge(_ list: OrderList) -> OutcomeJudgement<OrderList> {
        if list.isIsolated != nil {
            return .unrelated("the check answered about a margin order list, not a spot one: the outcome is still unknown")
        }
        return OrderListJudgement.judge(
            list, symbol: symbol, isIsolated: nil, orderListId: orderListId, listClientOrderId: listClientOrderId)
    }
}
