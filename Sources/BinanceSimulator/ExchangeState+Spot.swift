import BinanceAPI

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

    /// `GET /api/v3/order`: one spot order, open or not.
    func querySpotOrder(_ call: SimulatorRoute.Call) throws(ExchangeReject) -> Success {
        let key = try spotKey(call.parameters)
        let (orderId, clientId) = try orderReference(call.parameters)
        let order = try spotBook(call.account).find(key, orderId: orderId, clientOrderId: clientId)
        return Success(
            body: order.spotQueryJSON(), detail: "spot order \(order.symbol) #\(order.orderId) is \(order.status.rawValue)")
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
}
