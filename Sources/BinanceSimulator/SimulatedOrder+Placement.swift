extension SimulatedOrder {
    // The three answers of `POST /sapi/v1/margin/order` (`newOrderRespType`), fields in the order
    // of the exchange's "Margin Account New Order (TRADE)" page; Tests/Fidelity holds them.

    /// `ACK`: symbol, orderId, clientOrderId, isIsolated, transactTime.
    func placementAckJSON(transactTime: Int64) -> String {
        var json = JSONText(capacity: 160)
        json.string("symbol", symbol)
        json.number("orderId", orderId)
        json.string("clientOrderId", clientOrderId)
        json.bool("isIsolated", isIsolated)
        json.number("transactTime", transactTime)
        return json.close()
    }

    /// `RESULT`: the order as it stands after placement.
    func placementResultJSON(transactTime: Int64) -> String {
        var json = resultFields(transactTime: transactTime)
        json.bool("isIsolated", isIsolated)
        json.string("selfTradePreventionMode", "NONE")
        return json.close()
    }

    /// `FULL`: RESULT plus the fills (no commission is charged here: "0" in the quote asset).
    /// No `marginBuyBorrowAmount`/`marginBuyBorrowAsset`: the simulator never borrows, and the
    /// page says they are absent then.
    func placementFullJSON(transactTime: Int64, fills: [ExchangeState.Fill], rules: SymbolRules) -> String {
        var json = resultFields(transactTime: transactTime)
        json.bool("isIsolated", isIsolated)
        json.string("selfTradePreventionMode", "NONE")
        var text = json.close()
        text.removeLast()
        let entries = fills.map { fill in
            var entry = JSONText(capacity: 128)
            entry.string("price", fill.price.description)
            entry.string("qty", fill.quantity.description)
            entry.string("commission", SimDecimal.zero.description)
            entry.string("commissionAsset", rules.quoteAsset)
            entry.number("tradeId", fill.tradeId)
            return entry.close()
        }
        text += ",\"fills\":" + ExchangeState.array(entries) + "}"
        return text
    }

    private func resultFields(transactTime: Int64) -> JSONText {
        var json = JSONText(capacity: 400)
        json.string("symbol", symbol)
        json.number("orderId", orderId)
        json.string("clientOrderId", clientOrderId)
        json.number("transactTime", transactTime)
        writeOrderFields(to: &json)
        return json
    }
}
