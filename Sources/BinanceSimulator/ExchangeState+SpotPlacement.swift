import BinanceAPI

extension ExchangeReject {
    /// -1015 (HTTP 429, no `Retry-After`): the account's unfilled order count is full for an
    /// interval. Text as the spot errors page gives it, with the interval as `exchangeInfo` names it.
    static func tooManyOrders(_ interval: OrderCountLimiter.Interval) -> ExchangeReject {
        ExchangeReject(
            status: 429, code: -1015,
            message: "Too many new orders; current limit is \(interval.limit) orders per \(interval.name).")
    }
}

extension ExchangeState {
    /// `POST /api/v3/order`: places a LIMIT, MARKET or LIMIT_MAKER order on the account's spot
    /// book, trading from its spot wallet, checked as the spot page and errors page describe:
    /// parameters (-1102/-1100/-1106/-1115/-1116/-1117), the unfilled order count (429 -1015),
    /// filters (-1013), duplicate client id, a crossing LIMIT_MAKER and balance (-2010). Any
    /// listed symbol trades spot. The answer carries `X-MBX-ORDER-COUNT-10S` and `-1D`, the
    /// account's counts with this order; an order that fills at once is taken off them after
    /// the answer, as the exchange's count rules say it is, "with a short delay".
    mutating func placeSpotOrder(_ call: SimulatorRoute.Call) throws(ExchangeReject) -> Success {
        let request = try readNewOrder(call.parameters, spot: true)
        if let full = orderCounts.fullInterval(account: call.account, at: call.serverTime) {
            throw .tooManyOrders(full)
        }
        let placed = try place(request, account: call.account, at: call.serverTime, spot: true)
        let headers = orderCounts.place(account: call.account, at: call.serverTime)
        if !placed.fills.isEmpty { orderCounts.firstFill(account: call.account, at: call.serverTime) }
        let order = placed.order
        let body: String
        switch request.responseType {
        case "ACK": body = order.spotPlacementAckJSON(transactTime: call.serverTime)
        case "RESULT": body = order.spotPlacementResultJSON(transactTime: call.serverTime)
        default: body = order.spotPlacementFullJSON(transactTime: call.serverTime, fills: placed.fills, rules: placed.rules)
        }
        return Success(
            body: body,
            detail: "placed spot \(order.symbol) #\(order.orderId) (\(order.clientOrderId)) \(order.side) \(order.type) "
                + "\(order.origQty) @ \(order.price): \(order.status.rawValue)",
            headers: headers)
    }
}
