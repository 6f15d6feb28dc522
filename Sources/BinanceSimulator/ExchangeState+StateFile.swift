import BinanceAPI

extension ExchangeState {
    /// The state file's format name and version: a file with another name or version is refused.
    static let stateFormat = "bnc-sim-state"
    static let stateVersion: Int64 = 1

    /// Everything a restart must keep, as JSON text (`bnc sim --state`): listed symbols, every
    /// API key with its secret or public key, every book (cross, isolated and spot orders, open
    /// or not), order lists, prices, symbol rules, balances and the last trade id. Order ids
    /// follow from the books (a new id is the symbol's highest plus one).
    ///
    /// Not kept: the configuration (it is the command line's), request weight and bans, and the
    /// fault and id generators (a restart draws from the seed again). Entries are sorted, so the
    /// same state always gives the same bytes.
    public func stateJSON() -> String {
        var out = "{\"format\":\"\(Self.stateFormat)\",\"version\":\(Self.stateVersion),\"symbols\":"
        out += Self.array(symbols.sorted().map(Self.stateQuoted))
        let registered = keys.sorted { $0.key < $1.key }.map { apiKey, entry in
            var json = JSONText(capacity: 160)
            json.string("name", entry.account)
            json.string("apiKey", apiKey)
            switch entry.key.material {
            case .hmacSecret(let secret): json.string("secret", secret)
            case .publicKeyPEM(let pem): json.string("publicKey", pem)
            }
            return json.close()
        }
        out += ",\"accounts\":" + Self.array(registered)
        var orders: [String] = []
        for (book, shelves) in [("margin", books), ("spot", spotBooks)] {
            for account in shelves.keys.sorted() {
                guard let orderBook = shelves[account] else { continue }
                let keys = orderBook.shelves.keys.sorted { ($0.symbol, $0.isolated ? 1 : 0) < ($1.symbol, $1.isolated ? 1 : 0) }
                for key in keys {
                    for order in orderBook.all(key) { orders.append(Self.stateJSON(order, account: account, book: book)) }
                }
            }
        }
        out += ",\"orders\":" + Self.array(orders)
        var lists: [String] = []
        for account in orderLists.keys.sorted() {
            // A cross, an isolated and a spot list of one symbol may share an id: the book comes
            // third in the order, or the lists' order would follow a dictionary's.
            let sorted = (orderLists[account]?.all ?? []).sorted {
                ($0.symbol, $0.orderListId, Self.rank($0.account)) < ($1.symbol, $1.orderListId, Self.rank($1.account))
            }
            for list in sorted { lists.append(Self.stateJSON(list, account: account)) }
        }
        out += ",\"orderLists\":" + Self.array(lists)
        out += ",\"market\":" + Self.stateJSON(market) + "}"
        return out
    }

    private static func stateQuoted(_ text: String) -> String {
        var out = ""
        JSONText.appendString(text, to: &out)
        return out
    }

    private static func stateJSON(_ order: SimulatedOrder, account: String, book: String) -> String {
        var json = JSONText(capacity: 360)
        json.string("account", account)
        json.string("book", book)
        json.string("symbol", order.symbol)
        json.bool("isIsolated", order.isIsolated)
        json.number("orderId", order.orderId)
        json.string("clientOrderId", order.clientOrderId)
        json.string("price", order.price)
        json.string("origQty", order.origQty)
        json.string("executedQty", order.executedQty)
        json.string("cummulativeQuoteQty", order.cummulativeQuoteQty)
        json.string("status", order.status.rawValue)
        json.string("timeInForce", order.timeInForce)
        json.string("type", order.type)
        json.string("side", order.side)
        json.number("time", order.time)
        json.number("updateTime", order.updateTime)
        return json.close()
    }

    private static func stateJSON(_ list: SimulatedOrderList, account: String) -> String {
        var json = JSONText(capacity: 300)
        json.string("account", account)
        switch list.account {
        case .margin(let isolated):
            json.string("book", "margin")
            json.bool("isIsolated", isolated)
        case .spot:
            json.string("book", "spot")
            json.bool("isIsolated", false)
        }
        json.string("symbol", list.symbol)
        json.number("orderListId", list.orderListId)
        json.string("listClientOrderId", list.listClientOrderId)
        json.raw("orderIds", array(list.orderIds.map { String($0) }))
        var stops = JSONText(capacity: 64)
        for id in list.stopPrices.keys.sorted() { stops.string(String(id), list.stopPrices[id] ?? "") }
        json.raw("stopPrices", stops.close())
        json.bool("isDone", list.isDone)
        json.number("transactionTime", list.transactionTime)
        return json.close()
    }

    private static func stateJSON(_ market: MarketState) -> String {
        var prices = JSONText(capacity: 256)
        for symbol in market.prices.keys.sorted() { prices.string(symbol, market.prices[symbol]?.description ?? "") }
        var rules = JSONText(capacity: 1_024)
        for symbol in market.rules.keys.sorted() {
            guard let rule = market.rules[symbol] else { continue }
            var json = JSONText(capacity: 300)
            json.string("baseAsset", rule.baseAsset)
            json.string("quoteAsset", rule.quoteAsset)
            json.string("minPrice", rule.minPrice.description)
            json.string("maxPrice", rule.maxPrice.description)
            json.string("tickSize", rule.tickSize.description)
            json.string("minQty", rule.minQty.description)
            json.string("maxQty", rule.maxQty.description)
            json.string("stepSize", rule.stepSize.description)
            json.string("minNotional", rule.minNotional.description)
            json.bool("isMarginTrade", rule.isMarginTrade)
            json.string("fillPerMove", rule.fillPerMove.description)
            rules.raw(symbol, json.close())
        }
        var balances: [String] = []
        for account in market.balances.keys.sorted() {
            let wallets = market.balances[account] ?? [:]
            for wallet in wallets.keys.sorted() {
                let assets = wallets[wallet] ?? [:]
                for asset in assets.keys.sorted() {
                    var json = JSONText(capacity: 96)
                    json.string("account", account)
                    json.string("wallet", wallet.name)
                    json.string("asset", asset)
                    json.string("amount", assets[asset]?.description ?? "0")
                    balances.append(json.close())
                }
            }
        }
        var json = JSONText(capacity: 2_048)
        json.raw("prices", prices.close())
        json.raw("rules", rules.close())
        json.raw("balances", array(balances))
        json.number("nextTradeId", market.nextTradeId)
        return json.close()
    }

    /// Cross, isolated, spot: the order of an account's lists that share a symbol and an id.
    private static func rank(_ account: SimulatedOrderList.Account) -> Int {
        switch account {
        case .margin(let isolated): return isolated ? 1 : 0
        case .spot: return 2
        }
    }

    /// The state a ``stateJSON()`` text describes, under `configuration`; every field checked
    /// (types, ranges, keys, client ids, list legs), so a damaged or hostile file is refused with
    /// the place and reason (``SimulatorSetupError/seed(_:)``) and never half loaded.
    public init(stateJSON bytes: [UInt8], configuration: SimulatorConfiguration) throws(SimulatorSetupError) {
        let reader = try StateFileReader(bytes)
        var seed = ExchangeSeed(accounts: try reader.accounts(), orders: [], symbols: try reader.symbols())
        seed.market = try reader.market()
        let orders = try reader.orders()
        seed.orders = orders.filter { !$0.spot }.map { ($0.account, $0.order) }
        seed.spotOrders = orders.filter(\.spot).map { ($0.account, $0.order) }
        try self.init(configuration: configuration, seed: seed)
        for (index, entry) in try reader.orderLists().enumerated() {
            try restore(entry.list, account: entry.account, at: "orderLists[\(index)]")
        }
    }

    /// Puts back an order list whose legs are on the books already; each leg must exist, on
    /// the list's symbol and account.
    private mutating func restore(_ list: SimulatedOrderList, account: String, at place: String)
        throws(SimulatorSetupError)
    {
        let isolated = list.isIsolated ?? false
        let book = list.isIsolated == nil ? spotBooks[account] : books[account]
        for leg in list.orderIds {
            guard
                (try? book?.find(OrderBook.Key(symbol: list.symbol, isolated: isolated), orderId: leg, clientOrderId: nil))
                    != nil
            else {
                throw .seed("\(place): leg \(leg) is not an order of \(list.symbol) on that account")
            }
        }
        let key = OrderListBook.Key(symbol: list.symbol, account: list.account)
        if orderLists[account]?.find(key, orderListId: list.orderListId, listClientOrderId: nil) != nil {
            throw .seed("\(place): order list \(list.orderListId) of \(list.symbol) appears twice")
        }
        orderLists[account, default: OrderListBook()].insert(list)
    }
}
