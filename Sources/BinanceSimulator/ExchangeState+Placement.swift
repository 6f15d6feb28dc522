extension ExchangeState {
    /// A new order as read from `POST /sapi/v1/margin/order`, every parameter checked.
    struct NewOrder {
        var key: OrderBook.Key
        var side: String
        var type: String
        var timeInForce: String?
        var quantity: SimDecimal?
        var quoteOrderQty: SimDecimal?
        var price: SimDecimal?
        var clientOrderId: String?
        var responseType: String
    }

    /// `POST /sapi/v1/margin/order`: places a LIMIT, MARKET or LIMIT_MAKER order on the cross or
    /// an isolated account, checked as the exchange checks it: parameters (-1102/-1100/-1106/
    /// -1115/-1116/-1117/-1130), margin pair (-3021), isolated account (-11001), filters
    /// (-1013), duplicate client id and balance (-2010). A crossing LIMIT or a MARKET order
    /// fills at once; a crossing LIMIT_MAKER is refused.
    mutating func placeOrder(_ call: SimulatorRoute.Call) throws(ExchangeReject) -> Success {
        let request = try readNewOrder(call.parameters)
        let placed = try place(request, account: call.account, at: call.serverTime)
        let body: String
        switch request.responseType {
        case "ACK": body = placed.order.placementAckJSON(transactTime: call.serverTime)
        case "RESULT": body = placed.order.placementResultJSON(transactTime: call.serverTime)
        default: body = placed.order.placementFullJSON(transactTime: call.serverTime, fills: placed.fills, rules: placed.rules)
        }
        return Success(
            body: body,
            detail: "placed \(Self.describe(placed.order)) \(placed.order.side) \(placed.order.type) "
                + "\(placed.order.origQty) @ \(placed.order.price): \(placed.order.status.rawValue)")
    }

    /// Places a checked order for `account` (the handlers' and `sim order`'s common path): on
    /// its margin books, or with `spot` on its spot book, trading from its spot wallet.
    mutating func place(
        _ request: NewOrder, account: String, at time: Int64, spot: Bool = false
    ) throws(ExchangeReject) -> (order: SimulatedOrder, fills: [Fill], rules: SymbolRules) {
        let symbol = request.key.symbol
        let rules = market.rules(of: symbol)
        guard spot || rules.isMarginTrade else { throw .pairNotMarginTradable }
        if request.key.isolated && !hasIsolatedAccount(account: account, symbol: symbol) { throw .noIsolatedAccount }
        let marketPrice = market.prices[symbol]
        // The price the order is judged (and, for MARKET, filled) at.
        let price: SimDecimal
        if request.type == "MARKET" {
            guard let marketPrice, marketPrice.units > 0 else { throw .marketClosed }
            price = marketPrice
        } else {
            price = request.price ?? .zero
            guard price >= rules.minPrice, price <= rules.maxPrice, price.isMultiple(of: rules.tickSize) else {
                throw .filterFailure("PRICE_FILTER")
            }
        }
        var quantity: SimDecimal
        if let given = request.quantity {
            quantity = given
        } else {
            // MARKET by quoteOrderQty: as much as the quote buys at the market price, to the step.
            guard let quote = request.quoteOrderQty, let bought = quote.divided(by: price) else {
                throw .filterFailure("LOT_SIZE")
            }
            quantity = bought.roundedDown(to: rules.stepSize)
        }
        guard quantity.units > 0, quantity >= rules.minQty, quantity <= rules.maxQty, quantity.isMultiple(of: rules.stepSize)
        else { throw .filterFailure("LOT_SIZE") }
        guard let notional = quantity.multiplied(by: price), notional >= rules.minNotional else {
            throw .filterFailure("NOTIONAL")
        }
        if let clientId = request.clientOrderId,
            (spot ? spotBook(account) : book(account)).openOrderId(request.key, clientOrderId: clientId) != nil
        {
            throw .duplicateOrder
        }
        let crosses = marketPrice.map { request.side == "BUY" ? $0 <= price : $0 >= price } ?? false
        if request.type == "LIMIT_MAKER" && crosses { throw .wouldTake }
        let wallet: MarketState.Wallet = spot ? .spot : request.key.isolated ? .isolated(symbol) : .cross
        let (needAsset, need) = request.side == "BUY" ? (rules.quoteAsset, notional) : (rules.baseAsset, quantity)
        let reserved = reservedBalance(account: account, wallet: wallet, asset: needAsset)
        guard let free = market.balance(account: account, wallet: wallet, asset: needAsset).subtracting(reserved),
            need <= free
        else { throw .insufficientBalance }

        let orderId = nextOrderId(symbol: symbol, spot: spot)
        var order = SimulatedOrder(
            symbol: symbol, isIsolated: request.key.isolated, orderId: orderId,
            clientOrderId: request.clientOrderId ?? nextClientOrderId(),
            price: request.type == "MARKET" ? SimDecimal.zero.description : price.description,
            origQty: quantity.description, executedQty: SimDecimal.zero.description,
            cummulativeQuoteQty: SimDecimal.zero.description, timeInForce: request.timeInForce ?? "GTC", type: request.type,
            side: request.side, time: time)
        var fills: [Fill] = []
        switch request.type {
        case "MARKET":
            if let fill = fillOrder(&order, account: account, upTo: quantity, at: price, time: time, spot: spot) {
                fills.append(fill)
            }
        case "LIMIT" where crosses:
            let chunk = rules.fillPerMove.units > 0 ? min(rules.fillPerMove, quantity) : quantity
            if order.timeInForce == "FOK" && chunk < quantity { break }
            if let fill = fillOrder(&order, account: account, upTo: chunk, at: price, time: time, spot: spot) {
                fills.append(fill)
            }
        default:
            break
        }
        // IOC and FOK never rest on the book: what did not fill expires.
        if order.status.isOpen && (order.timeInForce == "IOC" || order.timeInForce == "FOK") && request.type == "LIMIT" {
            order.status = .expired
        }
        if order.type == "MARKET" && order.status.isOpen { order.status = .expired }
        if spot {
            spotBooks[account, default: OrderBook()].insert(order)
        } else {
            books[account, default: OrderBook()].insert(order)
        }
        return (order, fills, rules)
    }

    /// Reads and checks the parameters of a new order, in the exchange's order of checks; with
    /// `spot`, those of `POST /api/v3/order` (no `isIsolated`, no `sideEffectType`).
    func readNewOrder(_ parameters: ParameterList, spot: Bool = false) throws(ExchangeReject) -> NewOrder {
        let key = spot ? try spotKey(parameters) : try bookKey(parameters)
        guard let side = nonEmpty(parameters, "side") else { throw .mandatory("side") }
        guard side == "BUY" || side == "SELL" else { throw .invalidSide }
        guard let type = nonEmpty(parameters, "type") else { throw .mandatory("type") }
        // Stop and take-profit types are real but not simulated: refused as the exchange refuses
        // a type it does not know (docs/simulator.md, "Known differences").
        guard ["LIMIT", "MARKET", "LIMIT_MAKER"].contains(type) else { throw .invalidOrderType }
        let timeInForce = nonEmpty(parameters, "timeInForce")
        if let timeInForce, !["GTC", "IOC", "FOK"].contains(timeInForce) { throw .invalidTimeInForce }
        let quantity = try decimal(parameters, "quantity")
        let quoteOrderQty = try decimal(parameters, "quoteOrderQty")
        let price = try decimal(parameters, "price")
        switch type {
        case "LIMIT":
            guard timeInForce != nil else { throw .mandatory("timeInForce") }
            guard quantity != nil else { throw .mandatory("quantity") }
            guard price != nil else { throw .mandatory("price") }
        case "LIMIT_MAKER":
            if timeInForce != nil { throw .notRequired("timeInForce") }
            guard quantity != nil else { throw .mandatory("quantity") }
            guard price != nil else { throw .mandatory("price") }
        default:
            if timeInForce != nil { throw .notRequired("timeInForce") }
            if price != nil { throw .notRequired("price") }
            guard quantity != nil || quoteOrderQty != nil else { throw .eitherOf("quantity", "quoteOrderQty") }
            if quantity != nil && quoteOrderQty != nil { throw .notRequired("quoteOrderQty") }
        }
        let clientOrderId = nonEmpty(parameters, "newClientOrderId")
        if let clientOrderId, !Self.isClientOrderId(clientOrderId) { throw .illegalClientOrderId }
        let responseType = nonEmpty(parameters, "newOrderRespType") ?? (type == "LIMIT_MAKER" ? "ACK" : "FULL")
        guard ["ACK", "RESULT", "FULL"].contains(responseType) else { throw .invalidValue("newOrderRespType") }
        if !spot, let effect = nonEmpty(parameters, "sideEffectType"),
            !["NO_SIDE_EFFECT", "MARGIN_BUY", "AUTO_REPAY", "AUTO_BORROW_REPAY"].contains(effect)
        {
            throw .invalidValue("sideEffectType")
        }
        return NewOrder(
            key: key, side: side, type: type, timeInForce: type == "LIMIT" ? timeInForce : nil, quantity: quantity,
            quoteOrderQty: quoteOrderQty, price: price, clientOrderId: clientOrderId, responseType: responseType)
    }

    /// Whether the account has an isolated margin account on `symbol`: a seeded isolated wallet,
    /// or isolated orders there (a seed file's).
    func hasIsolatedAccount(account: String, symbol: String) -> Bool {
        market.hasIsolatedAccount(account: account, symbol: symbol)
            || !(books[account]?.all(OrderBook.Key(symbol: symbol, isolated: true)).isEmpty ?? true)
    }

    /// What the account's open orders in `wallet` hold of `asset`: a BUY its unfilled quantity
    /// times its price in the quote asset, a SELL its unfilled quantity in the base asset.
    func reservedBalance(account: String, wallet: MarketState.Wallet, asset: String) -> SimDecimal {
        var total = SimDecimal.zero
        let orders: [SimulatedOrder]
        switch wallet {
        case .cross: orders = book(account).open(symbol: nil, isolated: false)
        case .isolated(let symbol): orders = book(account).open(symbol: symbol, isolated: true)
        case .spot: orders = spotBook(account).open(symbol: nil, isolated: false)
        }
        for order in orders {
            let rules = market.rules(of: order.symbol)
            guard let remaining = order.remainingQuantity else { continue }
            let held: SimDecimal?
            if order.side == "BUY" {
                held = rules.quoteAsset == asset ? SimDecimal(order.price).flatMap { remaining.multiplied(by: $0) } : nil
            } else {
                held = rules.baseAsset == asset ? remaining : nil
            }
            if let held, let sum = total.adding(held) { total = sum }
        }
        return total
    }

    /// The next order id of `symbol`: ids are per symbol on the exchange, across accounts. A
    /// spot order takes the next after both kinds of book (margin and spot meet in one matching
    /// engine); a margin one the next after the margin books, so the demo's margin ids run on
    /// from #35 as they always have (its spot ids sit apart, from #101).
    func nextOrderId(symbol: String, spot: Bool = false) -> Int64 {
        var highest: Int64 = 0
        for book in books.values { highest = max(highest, book.highestOrderId(symbol: symbol)) }
        if spot { for book in spotBooks.values { highest = max(highest, book.highestOrderId(symbol: symbol)) } }
        // A seed may hold Int64.max: the next id then stays there rather than trapping, and the
        // book's insert replaces nothing open because that order already exists (checked).
        return highest == .max ? .max : highest + 1
    }

    func nonEmpty(_ parameters: ParameterList, _ name: String) -> String? {
        guard let value = parameters.value(name), !value.isEmpty else { return nil }
        return value
    }

    /// A DECIMAL parameter; -1100 when it is not digits with an optional fraction. A value
    /// finer than eight decimals or too large is left to the filters (nil here would hide it).
    func decimal(_ parameters: ParameterList, _ name: String) throws(ExchangeReject) -> SimDecimal? {
        guard let text = nonEmpty(parameters, name) else { return nil }
        guard text.utf8.count <= 41, let point = Optional(text.split(separator: ".", omittingEmptySubsequences: false)),
            point.count <= 2,
            point.allSatisfy({ !$0.isEmpty && $0.utf8.count <= 20 && $0.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } })
        else { throw .illegalDecimal(name) }
        // Legal but not representable (past 10⁻⁸ or ±9.2·10¹⁰): fails the filter it meets.
        guard let value = SimDecimal(text) else {
            throw .filterFailure(name == "price" ? "PRICE_FILTER" : name == "quoteOrderQty" ? "NOTIONAL" : "LOT_SIZE")
        }
        return value
    }

    /// The exchange's client order id pattern: `^[\.A-Z\:/a-z0-9_-]{1,36}$`.
    static func isClientOrderId(_ text: String) -> Bool {
        let allowed = Set(".:/_-".utf8)
        return !text.isEmpty && text.utf8.count <= 36
            && text.utf8.allSatisfy { byte in
                (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                    || allowed.contains(byte)
            }
    }
}
