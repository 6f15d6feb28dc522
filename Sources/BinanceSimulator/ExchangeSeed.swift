import BinanceAPI

/// What the simulated exchange starts with: accounts (API key and verification key) and orders.
public struct ExchangeSeed: Sendable {
    /// An API key registered to an account.
    public struct Account: Sendable {
        public var name: String
        public var apiKey: String
        public var key: VerificationKey

        public init(name: String, apiKey: String, key: VerificationKey) {
            self.name = name
            self.apiKey = apiKey
            self.key = key
        }
    }

    /// Generated open orders: `count` orders on one symbol and mode.
    public struct Bulk: Sendable, Hashable {
        public var account: String
        public var symbol: String
        public var isolated: Bool
        public var count: Int

        public init(account: String = SimulatorDemoKeys.accountName, symbol: String, isolated: Bool, count: Int) {
            self.account = account
            self.symbol = symbol
            self.isolated = isolated
            self.count = count
        }
    }

    public var accounts: [Account]
    /// Orders and the account each belongs to.
    public var orders: [(account: String, order: SimulatedOrder)]
    /// Symbols that exist besides those of the orders (others get -1121).
    public var symbols: [String]
    /// Generated open orders, added after `orders`.
    public var bulk: [Bulk]
    /// Order lists (OCOs) with their legs, added after `orders`.
    public var orderLists: [OrderListSeed] = []
    /// Orders on the accounts' spot books (``demoSpotOrders`` in the demo).
    public var spotOrders: [(account: String, order: SimulatedOrder)] = []
    /// Prices, symbol rules and balances (the demo market unless a seed file says otherwise).
    public var market: MarketState = .demo

    public init(
        accounts: [Account], orders: [(account: String, order: SimulatedOrder)], symbols: [String] = [],
        bulk: [Bulk] = []
    ) {
        self.accounts = accounts
        self.orders = orders
        self.symbols = symbols
        self.bulk = bulk
    }

    /// The demo API keys (HMAC, Ed25519, RSA), all on the `demo` account.
    public static var demoAccounts: [Account] {
        var accounts = [
            Account(
                name: SimulatorDemoKeys.accountName, apiKey: SimulatorDemoKeys.hmacAPIKey,
                key: VerificationKey(hmacSecret: SimulatorDemoKeys.hmacSecret))
        ]
        // The embedded PEMs are tested to parse; a failure here would be a broken build.
        if let ed25519 = try? VerificationKey(publicKeyPEM: SimulatorDemoKeys.ed25519PublicKeyPEM) {
            accounts.append(
                Account(name: SimulatorDemoKeys.accountName, apiKey: SimulatorDemoKeys.ed25519APIKey, key: ed25519))
        }
        if let rsa = try? VerificationKey(publicKeyPEM: SimulatorDemoKeys.rsaPublicKeyPEM) {
            accounts.append(Account(name: SimulatorDemoKeys.accountName, apiKey: SimulatorDemoKeys.rsaAPIKey, key: rsa))
        }
        return accounts
    }

    /// Symbols the demo exchange lists.
    public static let demoSymbols = ["LTCBTC", "BTCUSDT", "ETHBTC", "BNBBTC", "ETHUSDT", "币安人生USDT"]

    /// 2026-01-01T00:00:00Z: demo orders are placed from here, so responses are reproducible.
    public static let demoEpoch: Int64 = 1_767_225_600_000

    /// The demo orders: cross and isolated, new and partially filled, plus closed ones in the history.
    public static var demoOrders: [SimulatedOrder] {
        let t = demoEpoch
        return [
            // The documentation's example: LTCBTC #28 "myOrder1", 8 of 10 filled.
            SimulatedOrder(
                symbol: "LTCBTC", isIsolated: false, orderId: 28, clientOrderId: "myOrder1", price: "1.00000000",
                origQty: "10.00000000", executedQty: "8.00000000", cummulativeQuoteQty: "8.00000000",
                status: .partiallyFilled, side: "SELL", time: t, updateTime: t + 5_000),
            SimulatedOrder(
                symbol: "LTCBTC", isIsolated: false, orderId: 29, clientOrderId: "myOrder2", price: "0.00150000",
                origQty: "5.00000000", side: "BUY", time: t + 60_000),
            SimulatedOrder(
                symbol: "LTCBTC", isIsolated: false, orderId: 30, clientOrderId: "ltcStop30", price: "0.00180000",
                origQty: "2.50000000", side: "SELL", time: t + 120_000),
            SimulatedOrder(
                symbol: "LTCBTC", isIsolated: false, orderId: 27, clientOrderId: "filled27", price: "0.00140000",
                origQty: "1.00000000", executedQty: "1.00000000", cummulativeQuoteQty: "0.00140000", status: .filled,
                side: "BUY", time: t - 60_000, updateTime: t - 30_000),
            // Isolated: invisible to requests without isIsolated=TRUE.
            SimulatedOrder(
                symbol: "LTCBTC", isIsolated: true, orderId: 31, clientOrderId: "isoOrder1", price: "0.00160000",
                origQty: "3.00000000", side: "SELL", time: t + 180_000),
            SimulatedOrder(
                symbol: "BTCUSDT", isIsolated: false, orderId: 1001, clientOrderId: "btcBuy1", price: "60000.00",
                origQty: "0.01000000", side: "BUY", time: t + 240_000),
            SimulatedOrder(
                symbol: "BTCUSDT", isIsolated: false, orderId: 1002, clientOrderId: "btcSell1", price: "98000.00",
                origQty: "0.05000000", executedQty: "0.02000000", cummulativeQuoteQty: "1960.00000000",
                status: .partiallyFilled, side: "SELL", time: t + 300_000, updateTime: t + 360_000),
            SimulatedOrder(
                symbol: "BTCUSDT", isIsolated: true, orderId: 1003, clientOrderId: "btcIso1", price: "55000.00",
                origQty: "0.00200000", side: "BUY", time: t + 420_000),
            SimulatedOrder(
                symbol: "ETHBTC", isIsolated: false, orderId: 501, clientOrderId: "eth501", price: "0.03500000",
                origQty: "1.20000000", side: "BUY", time: t + 480_000),
            SimulatedOrder(
                symbol: "ETHBTC", isIsolated: true, orderId: 502, clientOrderId: "ethIso502", price: "0.04000000",
                origQty: "0.80000000", executedQty: "0.30000000", cummulativeQuoteQty: "0.01200000",
                status: .partiallyFilled, side: "SELL", time: t + 540_000, updateTime: t + 600_000),
            SimulatedOrder(
                symbol: "ETHBTC", isIsolated: false, orderId: 500, clientOrderId: "eth500", price: "0.03400000",
                origQty: "1.00000000", status: .canceled, side: "BUY", time: t - 120_000, updateTime: t - 90_000),
            SimulatedOrder(
                symbol: "币安人生USDT", isIsolated: false, orderId: 7001, clientOrderId: "bnbLife1", price: "0.15000000",
                origQty: "100.00000000", side: "BUY", time: t + 660_000),
            SimulatedOrder(
                symbol: "币安人生USDT", isIsolated: true, orderId: 7002, clientOrderId: "bnbLifeIso", price: "0.25000000",
                origQty: "40.00000000", executedQty: "10.00000000", cummulativeQuoteQty: "2.50000000",
                status: .partiallyFilled, side: "SELL", time: t + 720_000, updateTime: t + 780_000)
        ]
    }

    /// The demo exchange: demo accounts, demo orders, demo symbols.
    public static var demo: ExchangeSeed {
        var seed = ExchangeSeed(
            accounts: demoAccounts, orders: demoOrders.map { (SimulatorDemoKeys.accountName, $0) },
            symbols: demoSymbols)
        seed.orderLists = demoOrderLists
        seed.spotOrders = demoSpotOrders.map { (SimulatorDemoKeys.accountName, $0) }
        return seed
    }
}
