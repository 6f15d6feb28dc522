extension SimulatedOrder {
    // The three answers of `POST /api/v3/order` (`newOrderRespType`), fields in the order of the
    // spot API's "New order (TRADE)" page (rest-api.md); Tests/Fidelity/spot-new-order.json holds
    // them. A new order is in no order list (`orderListId` -1) and works from its placement
    // (`workingTime` is `transactTime`); quote-quantity orders are not remembered as such
    // (`origQuoteOrderQty` "0.00000000", as the spot queries report it).

    /// `ACK`: symbol, orderId, orderListId, clientOrderId, transactTime.
    func spotPlacementAckJSON(transactTime: Int64) -> String {
        var json = JSONText(capacity: 160)
        json.string("symbol", symbol)
        json.number("orderId", orderId)
        json.number("orderListId", -1)
        json.string("clientOrderId", clientOrderId)
        json.number("transactTime", transactTime)
        return json.close()
    }

    /// `RESULT`: the order as it stands after placement.
    func spotPlacementResultJSON(transactTime: Int64) -> String {
        var json = spotResultFields(transactTime: transactTime)
        return json.close()
    }

    /// `FULL`: RESULT plus the fills. No commission is charged ("0"), in the asset the fill
    /// brings in (a BUY's base asset, a SELL's quote asset), where the exchange charges it.
    func spotPlacementFullJSON(transactTime: Int64, fills: [ExchangeState.Fill], rules: SymbolRules) -> String {
        var json = spotResultFields(transactTime: transactTime)
        var text = json.close()
        text.removeLast()
        let entries = fills.map { fill in
            var entry = JSONText(capacity: 128)
            entry.string("price", fill.price.description)
            entry.string("qty", fill.quantity.description)
            entry.string("commission", SimDecimal.zero.description)
            entry.string("commissionAsset", side == "BUY" ? rules.baseAsset : rules.quoteAsset)
            entry.number("tradeId", fill.tradeId)
            return entry.close()
        }
        return text + ",\"fills\":" + ExchangeState.array(entries) + "}"
    }

    private func spotResultFields(transactTime: Int64) -> JSONText {
        var json = JSONText(capacity: 480)
        json.string("symbol", symbol)
        json.number("orderId", orderId)
        json.number("orderListId", -1)
        json.string("clientOrderId", clientOrderId)
        json.number("transactTime", transactTime)
        writeOrderFields(to: &json, origQuoteOrderQty: SimDecimal.zero.description)
        json.number("workingTime", transactTime)
        json.string("selfTradePreventionMode", "NONE")
        return json
    }
}
