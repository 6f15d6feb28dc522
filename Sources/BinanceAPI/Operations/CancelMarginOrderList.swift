/// `DELETE /sapi/v1/margin/orderList` — cancel a whole order list (an OCO) of the margin account
/// (TRADE), weight 1 counted per account (UID).
///
/// Parameters follow the exchange's table in order: `symbol`, `isIsolated`, `orderListId`,
/// `listClientOrderId`, `newClientOrderId`, `recvWindow` (then `timestamp`). Either
/// `orderListId` or `listClientOrderId` must be sent; `isIsolated=TRUE` exactly when the list is
/// on an isolated-margin account. Canceling one leg with the order cancel also cancels the whole
/// list; this names the list itself.
public struct CancelMarginOrderList: DocumentedOperation, Hashable {
    public typealias Response = OrderList

    public static let endpoint = EndpointDescription(
        .delete, "/sapi/v1/margin/orderList", weight: RequestWeight(1, .uid), security: .trade,
        title: "margin order list cancel", effect: .write,
        parameters: ["symbol", "isIsolated", "orderListId", "listClientOrderId", "newClientOrderId", "recvWindow"])

    /// The trading pair, e.g. `LTCBTC`.
    public var symbol: String
    /// True for a list on an isolated-margin account (`isIsolated=TRUE`); false for cross margin.
    public var isIsolated: Bool
    /// The exchange's id of the list.
    public var orderListId: Int64?
    /// The client id given to the list when it was placed.
    public var listClientOrderId: String?
    /// An id for this cancel; the exchange generates one when absent.
    public var newClientOrderId: String?
    /// How long after `timestamp` the request stays valid, 1...60000 ms.
    public var recvWindow: Int?

    public init(
        symbol: String, isIsolated: Bool = false, orderListId: Int64? = nil, listClientOrderId: String? = nil,
        newClientOrderId: String? = nil, recvWindow: Int? = nil
    ) {
        self.symbol = symbol
        self.isIsolated = isIsolated
        self.orderListId = orderListId
        self.listClientOrderId = listClientOrderId
        self.newClientOrderId = newClientOrderId
        self.recvWindow = recvWindow
    }

    public func validate() throws(ValidationError) {
        try ParameterRules.symbol(symbol)
        try Self.listReference(orderListId: orderListId, listClientOrderId: listClientOrderId)
        if let newClientOrderId { try ParameterRules.clientOrderId("newClientOrderId", newClientOrderId) }
        if let recvWindow { try ParameterRules.recvWindow(recvWindow) }
    }

    /// A list named by `orderListId` or `listClientOrderId` (at least one; each well-formed).
    static func listReference(orderListId: Int64?, listClientOrderId: String?) throws(ValidationError) {
        guard orderListId != nil || listClientOrderId != nil else { throw .missingOrderListReference }
        if let orderListId { try ParameterRules.id("orderListId", orderListId) }
        if let listClientOrderId { try ParameterRules.clientOrderId("listClientOrderId", listClientOrderId) }
    }

    public var parameters: [QueryParameter] {
        var result: [QueryParameter] = []
        result.reserveCapacity(8)
        result.append(QueryParameter("symbol", symbol))
        if isIsolated { result.append(QueryParameter("isIsolated", "TRUE")) }
        if let orderListId { result.append(QueryParameter("orderListId", String(orderListId))) }
        if let listClientOrderId { result.append(QueryParameter("listClientOrderId", listClientOrderId)) }
        if let newClientOrderId { result.append(QueryParameter("newClientOrderId", newClientOrderId)) }
        if let recvWindow { result.append(QueryParameter("recvWindow", String(recvWindow))) }
        return result
    }
}

extension CancelMarginOrderList: OutcomeCheckable {
    /// Query the same list (same account, same reference).
    public var outcomeCheck: QueryMarginOrderList {
        QueryMarginOrderList(
            symbol: symbol, isIsolated: isIsolated, orderListId: orderListId, origClientOrderId: listClientOrderId,
            recvWindow: recvWindow)
    }

    public func judge(_ list: OrderList) -> OutcomeJudgement<OrderList> {
        OrderListJudgement.judge(
            list, symbol: symbol, isIsolated: isIsolated, orderListId: orderListId, listClientOrderId: listClientOrderId)
    }
}

/// How a list query's answer decides a list cancel of unknown outcome; the margin and spot list
/// cancels judge alike.
enum OrderListJudgement {
    static func judge(
        _ list: OrderList, symbol: String, isIsolated: Bool?, orderListId: Int64?, listClientOrderId: String?
    ) -> OutcomeJudgement<OrderList> {
        if let mismatch = mismatch(
            list, symbol: symbol, isIsolated: isIsolated, orderListId: orderListId, listClientOrderId: listClientOrderId)
        {
            return .unrelated("the check answered about another order list (\(mismatch)): the outcome is still unknown")
        }
        let name = "order list \(list.orderListId)"
        switch list.listOrderStatus {
        case "ALL_DONE":
            // Canceled, or one leg filled and the other expired meanwhile: either way nothing of
            // the list is left open, which is what the cancel asked for.
            return .applied(list, "\(name) is ALL_DONE: no leg is left open (the cancel took effect, or a leg filled first)")
        case "EXECUTING":
            return .notApplied("\(name) is still EXECUTING: the cancel did not take effect; sending it again")
        case "REJECT":
            return .moot("\(name) was rejected: there is nothing to cancel")
        default:
            return .unrelated(
                "\(name) has list status \(CancelMarginOrder.quoted(list.listOrderStatus)), which bnc does not know:"
                    + " the outcome is still unknown")
        }
    }

    /// How `list` differs from the list the cancel names, or nil when it is that list.
    static func mismatch(
        _ list: OrderList, symbol: String, isIsolated: Bool?, orderListId: Int64?, listClientOrderId: String?
    ) -> String? {
        if list.symbol != symbol { return "symbol \(CancelMarginOrder.quoted(list.symbol)), not \(symbol)" }
        if let orderListId, list.orderListId != orderListId { return "orderListId \(list.orderListId), not \(orderListId)" }
        if let listClientOrderId, list.listClientOrderId != listClientOrderId {
            return "listClientOrderId \(CancelMarginOrder.quoted(list.listClientOrderId)), not \(listClientOrderId)"
        }
        if let isIsolated, let answered = list.isIsolated, answered != isIsolated {
            return answered ? "an isolated-margin list, not cross margin" : "a cross-margin list, not isolated margin"
        }
        return nil
    }
}
