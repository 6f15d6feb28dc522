import BinanceAPI

extension ExchangeState {
    // The spot account's order-list endpoints (``SimulatorRoute/table`` names them). Spot lists
    // are kept apart from margin ones (``SimulatedOrderList/Account/spot``) and their legs are
    // on the spot book: a spot request never sees a margin list, nor a margin request a spot one.

    /// A spot order list as the exchange holds it (tests, logs).
    public func spotOrderList(
        account: String = SimulatorDemoKeys.accountName, symbol: String, orderListId: Int64
    ) -> SimulatedOrderList? {
        orderLists[account]?.find(
            OrderListBook.Key(symbol: symbol, account: .spot), orderListId: orderListId, listClientOrderId: nil)
    }

    /// `DELETE /api/v3/orderList`: every open leg of one spot list is canceled, the list is
    /// ALL_DONE; -2011 "Unknown order list sent." when no executing list matches.
    mutating func cancelSpotOrderList(_ call: SimulatorRoute.Call) throws(ExchangeReject) -> Success {
        let key = try spotKey(call.parameters)
        let (listId, listClientId) = try listReference(call.parameters, clientIdName: "listClientOrderId")
        let cancelId = call.parameters.value("newClientOrderId").flatMap { $0.isEmpty ? nil : $0 }
        if let cancelId, cancelId.utf8.count > 36 { throw .invalidValue("newClientOrderId") }
        let listKey = OrderListBook.Key(symbol: key.symbol, account: .spot)
        guard let list = orderLists[call.account]?.find(listKey, orderListId: listId, listClientOrderId: listClientId),
            !list.isDone
        else { throw Self.unknownOrderList }
        let body = try cancelList(list, account: call.account, at: call.serverTime, cancelClientOrderId: cancelId)
        return Success(body: body, detail: "canceled order list \(Self.describe(list)) and its \(list.orderIds.count) legs")
    }

    /// `GET /api/v3/orderList`: one spot list, executing or done, found by id or client id over
    /// every symbol (the endpoint takes none); -2018 when there is no such list.
    func querySpotOrderList(_ call: SimulatorRoute.Call) throws(ExchangeReject) -> Success {
        let (listId, listClientId) = try listReference(call.parameters, clientIdName: "origClientOrderId")
        let keys = Set((orderLists[call.account]?.all ?? []).filter { $0.account == .spot }.map(\.symbol)).sorted()
        for symbol in keys {
            let key = OrderListBook.Key(symbol: symbol, account: .spot)
            if let list = orderLists[call.account]?.find(key, orderListId: listId, listClientOrderId: listClientId) {
                return Success(
                    body: list.queryJSON(legs: legs(of: list, account: call.account)),
                    detail: "order list \(Self.describe(list)) is \(list.isDone ? "ALL_DONE" : "EXECUTING")")
            }
        }
        throw Self.noSuchOrderList
    }

    /// The `orderListId` a spot order reports: its list's id for a leg, -1 otherwise.
    func spotListId(of order: SimulatedOrder, account: String) -> Int64 {
        list(ofLeg: order, account: account, spot: true)?.orderListId ?? -1
    }

    /// The stop price of `order` when it is the stop leg of an order list (the list keeps it),
    /// else the exchange's zero: queries of a STOP_LOSS_LIMIT leg report its real trigger price.
    func stopPrice(of order: SimulatedOrder, account: String, spot: Bool) -> String {
        list(ofLeg: order, account: account, spot: spot)?.stopPrices[order.orderId] ?? "0.00000000"
    }
}
