import BinanceAPI

/// The simulated exchange as a pure state machine: a request and a clock value in, a response out.
///
/// It does no I/O and reads no clock of its own, so every verdict can be tested directly and
/// reproduced from the same requests, clock values and fault seed. ``Exchange`` wraps it for
/// concurrent use; the in-process transport and the HTTP server both feed it.
public struct ExchangeState: Sendable {
    struct RegisteredKey: Sendable {
        var account: String
        var key: VerificationKey
    }

    /// The configuration in force.
    public var configuration: SimulatorConfiguration {
        didSet {
            limiter.strikesBeforeBan = configuration.strikesBeforeBan
            limiter.banMilliseconds = configuration.banMilliseconds
            if configuration.faults.seed != oldValue.faults.seed {
                faultRandom = SeededGenerator(seed: configuration.faults.seed)
                idRandom = SeededGenerator(seed: configuration.faults.seed ^ 0x5EED_1D5)
            }
        }
    }
    var keys: [String: RegisteredKey] = [:]
    var books: [String: OrderBook] = [:]
    /// Each account's order lists (OCOs); their legs are orders in ``books``.
    var orderLists: [String: OrderListBook] = [:]
    /// Each account's spot orders, apart from its margin ``books`` (`/api/v3/...` sees only these).
    var spotBooks: [String: OrderBook] = [:]
    var symbols: Set<String> = []
    var limiter: WeightLimiter
    /// Each account's spot unfilled order count (`POST /api/v3/order` only).
    var orderCounts = OrderCountLimiter()
    var faultRandom: SeededGenerator
    var idRandom: SeededGenerator
    /// Prices, symbol rules and balances: what placing and filling orders needs.
    public var market: MarketState

    /// An exchange holding `seed`'s accounts and orders.
    public init(configuration: SimulatorConfiguration = SimulatorConfiguration(), seed: ExchangeSeed = .demo)
        throws(SimulatorSetupError)
    {
        self.configuration = configuration
        limiter = WeightLimiter(
            strikesBeforeBan: configuration.strikesBeforeBan, banMilliseconds: configuration.banMilliseconds)
        faultRandom = SeededGenerator(seed: configuration.faults.seed)
        idRandom = SeededGenerator(seed: configuration.faults.seed ^ 0x5EED_1D5)
        market = seed.market
        market.walkRandom = SeededGenerator(seed: configuration.faults.seed ^ 0x3A1C_3A1C)
        for account in seed.accounts { try register(account) }
        for symbol in seed.symbols { symbols.insert(symbol) }
        for (account, order) in seed.orders { try add(order, account: account) }
        for entry in seed.orderLists { try add(entry) }
        for (account, order) in seed.spotOrders { try addSpot(order, account: account) }
        for bulk in seed.bulk {
            _ = try addOpenOrders(account: bulk.account, symbol: bulk.symbol, isolated: bulk.isolated, count: bulk.count)
        }
    }

    // MARK: - Set-up

    /// Registers an API key to an account (created when new).
    public mutating func register(_ account: ExchangeSeed.Account) throws(SimulatorSetupError) {
        guard Self.isWellFormedAPIKey(account.apiKey) else {
            throw .badAPIKey("an API key is 64 letters and digits, as the exchange issues them")
        }
        guard keys[account.apiKey] == nil else { throw .duplicateAPIKey(Credentials.mask(account.apiKey)) }
        keys[account.apiKey] = RegisteredKey(account: account.name, key: account.key)
        if books[account.name] == nil { books[account.name] = OrderBook() }
    }

    /// Adds an order to an account's book; its symbol becomes listed.
    public mutating func add(_ order: SimulatedOrder, account: String) throws(SimulatorSetupError) {
        guard !order.symbol.isEmpty else { throw .seed("an order has an empty symbol") }
        let key = OrderBook.Key(symbol: order.symbol, isolated: order.isIsolated)
        if order.status.isOpen, let clash = books[account]?.openOrderId(key, clientOrderId: order.clientOrderId),
            clash != order.orderId
        {
            throw .seed("open orders \(clash) and \(order.orderId) of \(order.symbol) share client id \(order.clientOrderId)")
        }
        books[account, default: OrderBook()].insert(order)
        symbols.insert(order.symbol)
    }

    /// Adds `count` open limit orders to one symbol and mode (for benchmarks and long loops);
    /// returns their ids, which follow the symbol's highest id.
    public mutating func addOpenOrders(
        account: String, symbol: String, isolated: Bool, count: Int
    ) throws(SimulatorSetupError) -> ClosedRange<Int64> {
        guard count > 0, count <= 1_000_000 else { throw .seed("a bulk count must be between 1 and 1000000") }
        guard !symbol.isEmpty else { throw .seed("a bulk entry has an empty symbol") }
        // The highest id may come from a seed file (up to Int64.max): checked, not trapped.
        let highest = books[account]?.highestOrderId(symbol: symbol) ?? 0
        guard highest <= Int64.max - Int64(count) else {
            throw .seed("\(symbol) already has order id \(highest): \(count) more ids would pass \(Int64.max)")
        }
        let first = highest + 1
        let mode = isolated ? "iso" : "x"
        for index in 0..<Int64(count) {
            let id = first + index
            books[account, default: OrderBook()].insert(
                SimulatedOrder(
                    symbol: symbol, isIsolated: isolated, orderId: id, clientOrderId: "bulk\(mode)\(id)",
                    price: "0.00100000", origQty: "1.00000000", side: index % 2 == 0 ? "BUY" : "SELL",
                    time: ExchangeSeed.demoEpoch + index))
        }
        symbols.insert(symbol)
        return first...(first + Int64(count) - 1)
    }

    // MARK: - Inspection (tests, logs)

    /// An order as the exchange holds it, open or not.
    public func order(account: String = SimulatorDemoKeys.accountName, symbol: String, isolated: Bool, orderId: Int64)
        -> SimulatedOrder?
    {
        try? books[account]?.find(OrderBook.Key(symbol: symbol, isolated: isolated), orderId: orderId, clientOrderId: nil)
    }

    /// The open orders of an account in one mode (every symbol when `symbol` is nil).
    public func openOrders(account: String = SimulatorDemoKeys.accountName, symbol: String? = nil, isolated: Bool)
        -> [SimulatedOrder]
    {
        books[account]?.open(symbol: symbol, isolated: isolated) ?? []
    }

    /// The weight `client` has used in the current window of the `/sapi` family (`now` on the
    /// caller's clock; windows run on the server clock, as on the exchange).
    public func usedWeight(client: String, now: Int64) -> Int {
        limiter.used(
            client: client, family: SimulatorRoute.Family.sapi.rawValue, limits: limits(.sapi),
            now: now.addingSaturated(configuration.clockSkewMilliseconds))
    }

    func limits(_ family: SimulatorRoute.Family) -> WeightLimiter.Limits {
        WeightLimiter.Limits(
            limit: family == .sapi
                ? configuration.sapiWeightLimit
                : family == .sapiUID ? configuration.sapiUIDWeightLimit : configuration.apiWeightLimit,
            windowMilliseconds: max(1, configuration.weightWindowMilliseconds))
    }

    /// An API key as the exchange issues them: 64 ASCII letters and digits.
    static func isWellFormedAPIKey(_ key: String) -> Bool {
        key.utf8.count == 64
            && key.utf8.allSatisfy {
                ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A)
            }
    }
}
