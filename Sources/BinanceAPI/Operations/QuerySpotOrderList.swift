/// `GET /api/v3/orderList` — one order list (an OCO) of the spot account, executing or done
/// (USER_DATA), weight 4 in the `/api` family.
///
/// Parameters follow the exchange's table in order: `orderListId`, `origClientOrderId` (the
/// list's client id, under this name here), `recvWindow` (then `timestamp`). It takes no
/// symbol. The client uses it to learn what happened to a spot list cancel whose answer was
/// lost.
public struct QuerySpotOrderList: DocumentedOperation, Hashable {
    public typealias Response = OrderList

    public static let endpoint = EndpointDescription(
        .get, "/api/v3/orderList", weight: RequestWeight(4, .ip), security: .userData, title: "spot order list query",
        effect: .read, parameters: ["orderListId", "origClientOrderId", "recvWindow"])

    /// The exchange's id of the list.
    public var orderListId: Int64?
    /// The list's client id (`listClientOrderId` when it was placed).
    public var origClientOrderId: String?
    /// How long after `timestamp` the request stays valid, 1...60000 ms.
    public var recvWindow: Int?

    public init(orderListId: Int64? = nil, origClientOrderId: String? = nil, recvWindow: Int? = nil) {
        self.orderListId = orderListId
        self.origClientOrderId = origClientOrderId
        self.recvWindow = recvWindow
    }

    public func validate() throws(ValidationError) {
        try CancelMarginOrderList.listReference(orderListId: orderListId, listClientOrderId: origClientOrderId)
        if let recvWindow { try ParameterRules.recvWindow(recvWindow) }
    }

    public var parameters: [QueryParameter] {
        var result: [QueryParameter] = []
        result.reserveCapacity(4)
        if let orderListId { result.append(QueryParameter("orderListId", String(orderListId))) }
        if let origClientOrderId { result.append(QueryParameter("origClientOrderId", origClientOrderId)) }
        if let recvWindow { result.append(QueryParameter("recvWindow", String(recvWindow))) }
        return result
    }
}
