extension SimulatedOrder {
    /// The body of `DELETE /api/v3/order` (and one entry of `DELETE /api/v3/openOrders`), fields
    /// in the order of the exchange's example: no `isIsolated` (spot has none), `transactTime`,
    /// `origQuoteOrderQty` and `selfTradePreventionMode`. `orderListId` is the list of a leg,
    /// -1 for an order of no list.
    func spotCancelJSON(cancelClientOrderId: String, transactTime: Int64, orderListId: Int64 = -1) -> String {
        var json = JSONText(capacity: 420)
        json.string("symbol", symbol)
        json.string("origClientOrderId", clientOrderId)
        json.number("orderId", orderId)
        json.number("orderListId", orderListId)
        json.string("clientOrderId", cancelClientOrderId)
        json.number("transactTime", transactTime)
        writeOrderFields(to: &json, origQuoteOrderQty: "0.00000000")
        json.string("selfTradePreventionMode", "NONE")
        return json.close()
    }

    /// The order as `GET /api/v3/order`, `openOrders` and `allOrders` report it (`orderListId`
    /// as in ``spotCancelJSON(cancelClientOrderId:transactTime:orderListId:)``).
    func spotQueryJSON(orderListId: Int64 = -1, stopPrice: String = "0.00000000") -> String {
        var json = JSONText(capacity: 480)
        json.string("symbol", symbol)
        json.number("orderId", orderId)
        json.number("orderListId", orderListId)
        json.string("clientOrderId", clientOrderId)
        writeOrderFields(to: &json)
        json.string("stopPrice", stopPrice)
        json.string("icebergQty", "0.00000000")
        json.number("time", time)
        json.number("updateTime", updateTime)
        json.bool("isWorking", true)
        json.number("workingTime", time)
        json.string("origQuoteOrderQty", "0.00000000")
        json.string("selfTradePreventionMode", "NONE")
        return json.close()
    }
}
