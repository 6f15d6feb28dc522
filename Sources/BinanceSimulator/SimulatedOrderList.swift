/// An order list (an OCO: a limit maker leg and a stop-loss-limit leg) held by the simulated
/// exchange. Its legs are ordinary orders on the book; the list names them by id.
///
/// While every leg is open the list is `EXEC_STARTED`/`EXECUTING`; once one leg is canceled
/// (which cancels the others, as the exchange documents) it is `ALL_DONE`/`ALL_DONE`.
public struct SimulatedOrderList: Sendable, Hashable {
    /// Which account the list is on: a margin mode, or the spot account.
    public enum Account: Sendable, Hashable {
        case margin(isolated: Bool)
        case spot
    }

    public var symbol: String
    public var account: Account
    public var orderListId: Int64
    public var listClientOrderId: String
    /// The legs' order ids, in the order the exchange lists them.
    public var orderIds: [Int64]
    /// A stop leg's stop price by order id (the book's orders keep none).
    public var stopPrices: [Int64: String]
    /// Whether the list is over (`ALL_DONE`).
    public var isDone: Bool
    /// When the list was placed, then when it was last changed (ms).
    public var transactionTime: Int64

    public init(
        symbol: String, account: Account, orderListId: Int64, listClientOrderId: String, orderIds: [Int64],
        stopPrices: [Int64: String] = [:], isDone: Bool = false, transactionTime: Int64
    ) {
        self.symbol = symbol
        self.account = account
        self.orderListId = orderListId
        self.listClientOrderId = listClientOrderId
        self.orderIds = orderIds
        self.stopPrices = stopPrices
        self.isDone = isDone
        self.transactionTime = transactionTime
    }

    /// The margin mode of a margin list; nil for a spot list.
    var isIsolated: Bool? {
        if case .margin(let isolated) = account { return isolated }
        return nil
    }
}

extension SimulatedOrderList {
    /// The list as a query answers it (`GET …/orderList`): no order reports.
    func queryJSON(legs: [SimulatedOrder]) -> String {
        var json = header(capacity: 512)
        appendOrders(legs, to: &json)
        return json.close()
    }

    /// The answer of a list cancel: the list, then each leg as canceled with its cancel id.
    func cancelJSON(legs: [SimulatedOrder], cancelClientOrderIds: [String]) -> String {
        var json = header(capacity: 1_400)
        appendOrders(legs, to: &json)
        var reports: [String] = []
        reports.reserveCapacity(legs.count)
        for (leg, cancelId) in zip(legs, cancelClientOrderIds) { reports.append(report(leg, cancelClientOrderId: cancelId)) }
        json.raw("orderReports", ExchangeState.array(reports))
        return json.close()
    }

    private func header(capacity: Int) -> JSONText {
        var json = JSONText(capacity: capacity)
        json.number("orderListId", orderListId)
        json.string("contingencyType", "OCO")
        json.string("listStatusType", isDone ? "ALL_DONE" : "EXEC_STARTED")
        json.string("listOrderStatus", isDone ? "ALL_DONE" : "EXECUTING")
        json.string("listClientOrderId", listClientOrderId)
        json.number("transactionTime", transactionTime)
        json.string("symbol", symbol)
        if let isIsolated { json.bool("isIsolated", isIsolated) }
        return json
    }

    private func appendOrders(_ legs: [SimulatedOrder], to json: inout JSONText) {
        let orders = legs.map { leg in
            var entry = JSONText(capacity: 96)
            entry.string("symbol", leg.symbol)
            entry.number("orderId", leg.orderId)
            entry.string("clientOrderId", leg.clientOrderId)
            return entry.close()
        }
        json.raw("orders", ExchangeState.array(orders))
    }

    /// One element of `orderReports`, fields in the order of the exchange's example (the spot
    /// page's adds `transactTime` and `origQuoteOrderQty`, as its order cancel does).
    private func report(_ leg: SimulatedOrder, cancelClientOrderId: String) -> String {
        var json = JSONText(capacity: 440)
        json.string("symbol", leg.symbol)
        json.string("origClientOrderId", leg.clientOrderId)
        json.number("orderId", leg.orderId)
        json.number("orderListId", orderListId)
        json.string("clientOrderId", cancelClientOrderId)
        if account == .spot { json.number("transactTime", transactionTime) }
        json.string("price", leg.price)
        json.string("origQty", leg.origQty)
        json.string("executedQty", leg.executedQty)
        if account == .spot { json.string("origQuoteOrderQty", "0.00000000") }
        json.string("cummulativeQuoteQty", leg.cummulativeQuoteQty)
        json.string("status", leg.status.rawValue)
        json.string("timeInForce", leg.timeInForce)
        json.string("type", leg.type)
        json.string("side", leg.side)
        if let stop = stopPrices[leg.orderId] { json.string("stopPrice", stop) }
        json.string("selfTradePreventionMode", "NONE")
        return json.close()
    }
}
