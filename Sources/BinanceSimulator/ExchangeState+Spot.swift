import BinanceAPI

extension ExchangeReject {
    /// -2011 when `cancelRestrictions` does not allow cancelling the order in its status.
    static let cancelRestricted = ExchangeReject(
        status: 400, code: -2011, message: "Order was not canceled due to cancel restrictions.")
    /// -1145 for a `cancelRestrictions` value the exchange does not know.
    static let invalidCancelRestrictions = ExchangeReject(status: 400, code: -1145, message: "Invalid cancelRestrictions")
}

extension ExchangeState {
    // The spot account's order endpoints (``SimulatorRoute/table`` names them). Spot orders live
    // in ``spotBooks``, apart from the margin books: a spot request never sees a margin order.

    /// Adds an order to an account's spot book; its symbol becomes listed.
    public mutating func addSpot(_ order: SimulatedOrder, account: String) throws(SimulatorSetupError) {
        guard !order.symbol.isEmpty else { throw .seed("a spot order has an empty symbol") }
        guard !order.isIsolated else { throw .seed("spot order \(order.orderId) cannot be isolated") }
        let key = OrderBook.Key(symbol: order.symbol, isolated: false)
        if order.status.isOpen, let clash = spotBooks[account]?.openOrderId(key, clientOrderId: order.clientOrderId),
            clash != order.orderId
        {
            throw .seed("open spot orders \(clash) and \(order.orderId) share client id \(order.clientOrderId)")
        }
        spotBooks[account, default: OrderBook()].insert(order)
        symbols.insert(order.symbol)
    }

    /// The open orders of an account's spot book (every symbol when `symbol` is nil).
    public func openSpotOrders(account: String = SimulatorDemoKeys.accountName, symbol: String? = nil) -> [SimulatedOrder] {
        spotBooks[account]?.open(symbol: symbol, isolated: false) ?? []
    }

    /// `DELETE /api/v3/order`: one open spot order, with `cancelRestrictions` honoured.
    mutating func cancelSpotOrder(_ call: SimulatorRoute.Call) throws(ExchangeReject) -> Success {
        let key = try spotKey(call.parameters)
        let (orderId, clientId) = try orderReference(call.parameters)
        let restriction = try cancelRestriction(call.parameters)
        let cancelId = call.parameters.value("newClientOrderId").flatMap { $0.isEmpty ? nil : $0 } ?? nextClientOrderId()
        if let restriction, let found = try? spotBook(call.account).find(key, orderId: orderId, clientOrderId: clientId),
            found.status.isOpen, found.status != restriction
        {
            throw .cancelRestricted
        }
        let order = try spotBooks[call.account, default: OrderBook()].cancel(
            key, orderId: orderId, clientOrderId: clientId, at: call.serverTime)
        // A leg of an OCO takes its whole list with it; the answer is still this one order.
        let listId = spotListId(of: order, account: call.account)
        _ = cancelListOfLeg(order, account: call.account, spot: true, at: call.serverTime)
        return Success(
            body: order.spotCancelJSON(cancelClientOrderId: cancelId, transactTime: call.serverTime, orderListId: listId),
            detail: "canceled spot \(order.symbol) #\(order.orderId) (\(order.clientOrderId))")
    }

    /// `GET /api/v3/order`: one spot order, open or not.
    func querySpotOrder(_ call: SimulatorRoute.Call) throws(ExchangeReject) -> Success {
        let key = try spotKey(call.parameters)
        let (orderId, clientId) = try orderReference(call.parameters)
        let order = try spotBook(call.account).find(key, orderId: orderId, clientOrderId: clientId)
        return Success(
            body: order.spotQueryJSON(
                orderListId: spotListId(of: order, account: call.account),
                stopPrice: stopPrice(of: order, account: call.account, spot: true)),
            detail: "spot order \(order.symbol) #\(order.orderId) is \(order.status.rawValue)")
    }

    /// `GET /api/v3/openOrders`: one symbol's open spot orders, or every symbol's.
    func spotOpenOrders(_ call: SimulatorRoute.Call) throws(ExchangeReject) -> Success {
        let symbol = call.parameters.value("symbol").flatMap { $0.isEmpty ? nil : $0 }
        if let symbol, !symbols.contains(symbol) { throw .invalidSymbol }
        let orders = spotBook(call.account).open(symbol: symbol, isolated: false)
        return Success(
            body: Self.array(
                orders.map {
                    $0.spotQueryJSON(
                        orderListId: spotListId(of: $0, account: call.account),
                        stopPrice: stopPrice(of: $0, account: call.account, spot: true))
                }),
            detail: "\(orders.count) open spot orders\(symbol.map { " of \($0)" } ?? "")")
    }

    /// `DELETE /api/v3/openOrders`: every open spot order of one symbol (-2011 when none).
    mutating func cancelSpotOpenOrders(_ call: SimulatorRoute.Call) throws(ExchangeReject) -> Success {
        let key = try spotKey(call.parameters)
        let open = spotBook(call.account).open(symbol: key.symbol, isolated: false)
        guard !open.isEmpty else { throw .unknownOrder }
        var entries: [String] = []
        entries.reserveCapacity(open.count)
        for order in open {
            // An OCO leg goes with its list, answered as one list entry (the exchange's shape);
            // a leg whose list went with an earlier leg is skipped.
            if let list = executingList(ofLeg: order, account: call.account, spot: true) {
                entries.append(try cancelList(list, account: call.account, at: call.serverTime))
                continue
            }
            guard spotBook(call.account).openOrderId(key, clientOrderId: order.clientOrderId) == order.orderId else {
                continue
            }
            let canceled = try spotBooks[call.account, default: OrderBook()].cancel(
                key, orderId: order.orderId, clientOrderId: nil, at: call.serverTime)
            entries.append(canceled.spotCancelJSON(cancelClientOrderId: nextClientOrderId(), transactTime: call.serverTime))
        }
        return Success(body: Self.array(entries), detail: "canceled all \(open.count) open spot orders of \(key.symbol)")
    }

    /// `GET /api/v3/allOrders`: spot orders of one symbol, from an id or in a time range;
    /// `limit` up to 1000 (default 500), the range at most 24 hours.
    func spotAllOrders(_ call: SimulatorRoute.Call) throws(ExchangeReject) -> Success {
        let parameters = call.parameters
        let key = try spotKey(parameters)
        let fromId = try optionalLong(parameters, "orderId")
        let startTime = try optionalLong(parameters, "startTime")
        let endTime = try optionalLong(parameters, "endTime")
        let limit = try optionalLong(parameters, "limit") ?? 500
        guard limit >= 1 && limit <= 1000 else { throw .invalidValue("limit") }
        if let startTime, let endTime, endTime.subtractingSaturated(startTime) > 86_400_000 {
            throw .invalidValue("endTime")
        }
        var orders = spotBook(call.account).all(key)
        if let fromId {
            orders = Array(orders.filter { $0.orderId >= fromId }.prefix(Int(limit)))
        } else {
            if let startTime { orders = orders.filter { $0.time >= startTime } }
            if let endTime { orders = orders.filter { $0.time <= endTime } }
            orders = Array(orders.suffix(Int(limit)))
        }
        return Success(
            body: Self.array(
                orders.map {
                    $0.spotQueryJSON(
                        orderListId: spotListId(of: $0, account: call.account),
                        stopPrice: stopPrice(of: $0, account: call.account, spot: true))
                }),
            detail: "\(orders.count) spot orders of \(key.symbol)")
    }

    // MARK: - Parameters

    func spotBook(_ account: String) -> OrderBook { spotBooks[account] ?? OrderBook() }

    /// `symbol` (mandatory, listed). Spot has no `isIsolated`: one sent is ignored, as the
    /// exchange ignores parameters an endpoint does not take.
    func spotKey(_ parameters: ParameterList) throws(ExchangeReject) -> OrderBook.Key {
        guard let symbol = parameters.value("symbol"), !symbol.isEmpty else { throw .mandatory("symbol") }
        guard symbols.contains(symbol) else { throw .invalidSymbol }
        return OrderBook.Key(symbol: symbol, isolated: false)
    }

    /// `cancelRestrictions`: the status a cancel is restricted to, nil when absent.
    func cancelRestriction(_ parameters: ParameterList) throws(ExchangeReject) -> SimulatedOrder.Status? {
        guard let text = parameters.value("cancelRestrictions"), !text.isEmpty else { return nil }
        switch text {
        case "ONLY_NEW": return .new
        case "ONLY_PARTIALLY_FILLED": return .partiallyFilled
        default: throw .invalidCancelRestrictions
        }
    }
}
