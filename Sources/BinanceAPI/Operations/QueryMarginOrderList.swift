/// `GET /sapi/v1/margin/orderList` — query one order list (an OCO) of the margin account
/// (USER_DATA), weight 10(IP).
///
/// Parameters follow the exchange's table in order: `isIsolated`, `symbol`, `orderListId`,
/// `origClientOrderId` (the list's client id, under this name here), `recvWindow` (then
/// `timestamp`). `symbol` is mandatory for isolated margin and not supported for cross margin,
/// so it is sent exactly with `isIsolated=TRUE`. The client uses it to learn what happened to a
/// list cancel whose answer was lost.
public struct QueryMarginOrderList: DocumentedOperation, Hashable {
    public typealias Response = OrderList

    public static let endpoint = EndpointDescription(
        .get, "/sapi/v1/margin/orderList", weight: RequestWeight(10, .ip), security: .userData,
        title: "margin order list query", effect: .read,
        parameters: ["isIsolated", "symbol", "orderListId", "origClientOrderId", "recvWindow"])

    /// The trading pair; sent only for isolated margin (cross margin does not take it).
    public var symbol: String
    /// True for a list on an isolated-margin account.
    public var isIsolated: Bool
    /// The exchange's id of the list.
    public var orderListId: Int64?
    /// The list's client id (`listClientOrderId` when it was placed).
    public var origClientOrderId: String?
    /// How long after `timestamp` the request stays valid, 1...60000 ms.
    public var recvWindow: Int?

    public init(
        symbol: String, isIsolated: Bool = false, orderListId: Int64? = nil, origClientOrderId: String? = nil,
        recvWindow: Int? = nil
    ) {
        self.symbol = symbol
        self.isIsolated = isIsolated
        self.orderListId = orderListId
        self.origClientOrderId = origClientOrderId
        self.recvWindow = recvWindow
    }

    public func validate() throws(ValidationError) {
        if isIsolated { try ParameterRules.symbol(symbol) }
        try CancelMarginOrderList.listReference(orderListId: orderListId, listClientOrderId: origClientOrderId)
        if let recvWindow { try ParameterRules.recvWindow(recvWindow) }
    }

    public var parameters: [QueryParameter] {
        var result: [QueryParameter] = []
        result.reserveCapacity(7)
        if isIsolated {
            result.append(QueryParameter("isIsolated", "TRUE"))
            result.append(QueryParameter("symbol", symbol))
        }
        if let orderListId { result.append(QueryParameter("orderListId", String(orderListId))) }
        if let origClientOrderId { result.append(QueryParameter("origClientOrderId", origClientOrderId)) }
        if let recvWindow { result.append(QueryParameter("recvWindow", String(recvWindow))) }
        return result
    }
}
