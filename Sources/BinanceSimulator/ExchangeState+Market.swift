extension ExchangeState {
    /// One trade of an order: how much, at what price, under which trade id.
    struct Fill: Sendable, Hashable {
        var symbol: String
        var orderId: Int64
        var price: SimDecimal
        var quantity: SimDecimal
        var tradeId: Int64
    }

    /// What one price move did: the symbol's new price and the orders it filled.
    public struct MoveReport: Sendable, Hashable {
        public var symbol: String
        public var price: SimDecimal
        /// Each order the move filled: its id, account mode, quantity filled now, and status after.
        /// `spot` marks an order of the spot book (`isIsolated` is then false).
        public var fills: [(orderId: Int64, isIsolated: Bool, quantity: SimDecimal, status: String, spot: Bool)]

        public static func == (lhs: MoveReport, rhs: MoveReport) -> Bool {
            lhs.symbol == rhs.symbol && lhs.price == rhs.price
                && lhs.fills.elementsEqual(rhs.fills) {
                    $0.orderId == $1.orderId && $0.isIsolated == $1.isIsolated && $0.quantity == $1.quantity
                        && $0.status == $1.status && $0.spot == $1.spot
                }
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(symbol)
            hasher.combine(price)
            hasher.combine(fills.count)
        }
    }

    /// Sets `symbol`'s price and fills the open LIMIT orders it crosses (a BUY at or above the
    /// price, a SELL at or below), each by up to the symbol's ``SymbolRules/fillPerMove`` at its
    /// own limit price, in account and id order (cross, isolated, then spot) — the same moves give
    /// the same fills. Other types rest untouched: a stop leg needs its trigger, and an order
    /// list's legs fill together. A spot order's first fill takes it off the account's unfilled
    /// order count, as the exchange's count rules say.
    public mutating func move(symbol: String, to price: SimDecimal, at time: Int64) -> MoveReport {
        market.prices[symbol] = price
        let rules = market.rules(of: symbol)
        var report = MoveReport(symbol: symbol, price: price, fills: [])
        for account in books.keys.sorted() {
            for isolated in [false, true] {
                for var order in book(account).open(symbol: symbol, isolated: isolated) where order.type == "LIMIT" {
                    guard let limit = SimDecimal(order.price), let remaining = order.remainingQuantity else { continue }
                    let crossed = order.side == "BUY" ? price <= limit : price >= limit
                    guard crossed else { continue }
                    let chunk = rules.fillPerMove.units > 0 ? min(rules.fillPerMove, remaining) : remaining
                    guard fillOrder(&order, account: account, upTo: chunk, at: limit, time: time) != nil else { continue }
                    books[account, default: OrderBook()].insert(order)
                    report.fills.append((order.orderId, isolated, chunk, order.status.rawValue, false))
                }
            }
        }
        for account in spotBooks.keys.sorted() {
            for var order in spotBook(account).open(symbol: symbol, isolated: false) where order.type == "LIMIT" {
                guard let limit = SimDecimal(order.price), let remaining = order.remainingQuantity else { continue }
                guard order.side == "BUY" ? price <= limit : price >= limit else { continue }
                let unfilled = SimDecimal(order.executedQty)?.units == 0
                let chunk = rules.fillPerMove.units > 0 ? min(rules.fillPerMove, remaining) : remaining
                guard fillOrder(&order, account: account, upTo: chunk, at: limit, time: time, spot: true) != nil else {
                    continue
                }
                spotBooks[account, default: OrderBook()].insert(order)
                if unfilled { orderCounts.firstFill(account: account, at: time) }
                report.fills.append((order.orderId, false, chunk, order.status.rawValue, true))
            }
        }
        return report
    }

    /// `count` steps of the market: each moves every priced symbol (in name order) by a random
    /// walk of up to ``MarketState/walkBasisPoints`` (none: the price stays and crossed orders
    /// fill another part), drawn from the seeded generator.
    public mutating func step(_ count: Int, at time: Int64) -> [MoveReport] {
        var reports: [MoveReport] = []
        for _ in 0..<max(0, min(count, 10_000)) {
            for symbol in market.prices.keys.sorted() {
                guard let price = market.prices[symbol] else { continue }
                reports.append(move(symbol: symbol, to: walked(price, rules: market.rules(of: symbol)), at: time))
            }
        }
        return reports
    }

    /// `price` moved by a random share of up to ``MarketState/walkBasisPoints``, kept on the
    /// tick and at least one tick.
    mutating func walked(_ price: SimDecimal, rules: SymbolRules) -> SimDecimal {
        let basisPoints = Int64(max(0, min(market.walkBasisPoints, 10_000)))
        guard basisPoints > 0 else { return price }
        let span = UInt64(basisPoints * 2 + 1)
        let drawn = Int64(market.walkRandom.next() % span) - basisPoints
        let delta = Int128(price.units) * Int128(drawn) / 10_000
        let tick = max(rules.tickSize.units, 1)
        guard let moved = Int64(exactly: Int128(price.units) + delta) else { return price }
        let onTick = moved - moved % tick
        return SimDecimal(units: max(tick, onTick))
    }

    /// Fills up to `quantity` of `order` at `price`: its executed and quote quantities, status
    /// and update time change together, and the account's balances follow (a BUY gains the base
    /// asset and pays the quote; in the spot wallet for a `spot` order). Nil, changing nothing,
    /// when the numbers do not add up (a hostile seed's text, an overflow).
    mutating func fillOrder(
        _ order: inout SimulatedOrder, account: String, upTo quantity: SimDecimal, at price: SimDecimal, time: Int64,
        spot: Bool = false
    ) -> Fill? {
        guard let remaining = order.remainingQuantity, let executed = SimDecimal(order.executedQty),
            let quote = SimDecimal(order.cummulativeQuoteQty)
        else { return nil }
        let filled = min(quantity, remaining)
        guard filled.units > 0, let cost = filled.multiplied(by: price), let newExecuted = executed.adding(filled),
            let newQuote = quote.adding(cost)
        else { return nil }
        let rules = market.rules(of: order.symbol)
        let wallet: MarketState.Wallet = spot ? .spot : order.isIsolated ? .isolated(order.symbol) : .cross
        let buying = order.side == "BUY"
        let baseChange = buying ? filled : SimDecimal(units: -filled.units)
        let quoteChange = buying ? SimDecimal(units: -cost.units) : cost
        let before = market.balances
        guard market.credit(account: account, wallet: wallet, asset: rules.baseAsset, baseChange),
            market.credit(account: account, wallet: wallet, asset: rules.quoteAsset, quoteChange)
        else {
            market.balances = before
            return nil
        }
        order.executedQty = newExecuted.description
        order.cummulativeQuoteQty = newQuote.description
        order.status = newExecuted >= (SimDecimal(order.origQty) ?? newExecuted) ? .filled : .partiallyFilled
        order.updateTime = time
        market.nextTradeId = market.nextTradeId == .max ? .max : market.nextTradeId + 1
        return Fill(symbol: order.symbol, orderId: order.orderId, price: price, quantity: filled, tradeId: market.nextTradeId)
    }
}

extension SimulatedOrder {
    /// What is left to fill; nil when the order's texts are not decimals the simulator can use.
    var remainingQuantity: SimDecimal? {
        guard let original = SimDecimal(origQty), let executed = SimDecimal(executedQty),
            let remaining = original.subtracting(executed)
        else { return nil }
        return max(.zero, remaining)
    }
}
