/// A margin order held by the simulated exchange.
///
/// Prices and quantities are kept as the exchange's decimal strings (`"1.00000000"`): the
/// simulator never does arithmetic on them, so they can never pick up a binary rounding error.
public struct SimulatedOrder: Sendable, Hashable {
    /// The order statuses the simulator uses.
    public enum Status: String, Sendable, Hashable, CaseIterable {
        case new = "NEW"
        case partiallyFilled = "PARTIALLY_FILLED"
        case filled = "FILLED"
        case canceled = "CANCELED"
        case expired = "EXPIRED"

        /// Whether the order is still on the book (cancelable).
        public var isOpen: Bool { self == .new || self == .partiallyFilled }
    }

    public var symbol: String
    public var isIsolated: Bool
    public var orderId: Int64
    public var clientOrderId: String
    public var price: String
    public var origQty: String
    public var executedQty: String
    public var cummulativeQuoteQty: String
    public var status: Status
    public var timeInForce: String
    public var type: String
    public var side: String
    /// When the order was placed (ms).
    public var time: Int64
    /// When it last changed (ms).
    public var updateTime: Int64

    public init(
        symbol: String, isIsolated: Bool, orderId: Int64, clientOrderId: String, price: String, origQty: String,
        executedQty: String = "0.00000000", cummulativeQuoteQty: String = "0.00000000", status: Status = .new,
        timeInForce: String = "GTC", type: String = "LIMIT", side: String, time: Int64, updateTime: Int64? = nil
    ) {
        self.symbol = symbol
        self.isIsolated = isIsolated
        self.orderId = orderId
        self.clientOrderId = clientOrderId
        self.price = price
        self.origQty = origQty
        self.executedQty = executedQty
        self.cummulativeQuoteQty = cummulativeQuoteQty
        self.status = status
        self.timeInForce = timeInForce
        self.type = type
        self.side = side
        self.time = time
        self.updateTime = updateTime ?? time
    }
}

extension SimulatedOrder {
    /// The run of fields every order answer of the exchange carries in this order — `price`,
    /// `origQty`, `executedQty`, (spot answers: `origQuoteOrderQty`), `cummulativeQuoteQty`,
    /// `status`, `timeInForce`, `type`, `side` — written once for the cancel, cancel-all, placement
    /// and spot answers.
    func writeOrderFields(to json: inout JSONText, origQuoteOrderQty: String? = nil) {
        json.string("price", price)
        json.string("origQty", origQty)
        json.string("executedQty", executedQty)
        if let origQuoteOrderQty { json.string("origQuoteOrderQty", origQuoteOrderQty) }
        json.string("cummulativeQuoteQty", cummulativeQuoteQty)
        json.string("status", status.rawValue)
        json.string("timeInForce", timeInForce)
        json.string("type", type)
        json.string("side", side)
    }

    /// The body of `DELETE /sapi/v1/margin/order`, fields in the exchange's order; `orderId` a
    /// JSON number and `isIsolated` a boolean, as the exchange sends them.
    func cancelJSON(origClientOrderId: String, cancelClientOrderId: String) -> String {
        var json = JSONText(capacity: 320)
        json.string("symbol", symbol)
        json.bool("isIsolated", isIsolated)
        json.number("orderId", orderId)
        json.string("origClientOrderId", origClientOrderId)
        json.string("clientOrderId", cancelClientOrderId)
        writeOrderFields(to: &json)
        return json.close()
    }

    /// One entry of `DELETE /sapi/v1/margin/openOrders`.
    func cancelAllEntryJSON(cancelClientOrderId: String) -> String {
        var json = JSONText(capacity: 360)
        json.string("symbol", symbol)
        json.bool("isIsolated", isIsolated)
        json.string("origClientOrderId", clientOrderId)
        json.number("orderId", orderId)
        json.number("orderListId", -1)
        json.string("clientOrderId", cancelClientOrderId)
        writeOrderFields(to: &json)
        json.string("selfTradePreventionMode", "NONE")
        return json.close()
    }

    /// The order as `GET /sapi/v1/margin/order`, `openOrders` and `allOrders` report it.
    func queryJSON(stopPrice: String = "0.00000000") -> String {
        var json = JSONText(capacity: 420)
        json.string("clientOrderId", clientOrderId)
        json.string("cummulativeQuoteQty", cummulativeQuoteQty)
        json.string("executedQty", executedQty)
        json.string("icebergQty", "0.00000000")
        json.bool("isWorking", true)
        json.number("orderId", orderId)
        json.string("origQty", origQty)
        json.string("price", price)
        json.string("side", side)
        json.string("status", status.rawValue)
        json.string("stopPrice", stopPrice)
        json.string("symbol", symbol)
        json.bool("isIsolated", isIsolated)
        json.number("time", time)
        json.string("timeInForce", timeInForce)
        json.string("type", type)
        json.string("selfTradePreventionMode", "NONE")
        json.number("updateTime", updateTime)
        return json.close()
    }
}
