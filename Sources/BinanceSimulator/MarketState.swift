/// The market around the books: a price per symbol, each symbol's rules, and every account's
/// balances, cross and per isolated symbol.
///
/// Prices move only when told (`sim price`, `sim step`, or the timed walk of `bnc sim --walk`),
/// and each move fills the open LIMIT orders it crosses (``ExchangeState/move(symbol:to:at:)``),
/// so a cancel can meet an order filled, or partly filled, before it arrived.
public struct MarketState: Sendable {
    /// A wallet of an account: the cross margin account, one symbol's isolated margin account,
    /// or the spot account (what `POST /api/v3/order` trades from).
    public enum Wallet: Hashable, Sendable, Comparable {
        case cross
        case isolated(String)
        case spot

        /// `cross`, `isolated:LTCBTC` or `spot` (state files, logs).
        public var name: String {
            switch self {
            case .cross: return "cross"
            case .isolated(let symbol): return "isolated:\(symbol)"
            case .spot: return "spot"
            }
        }

        /// Reads ``name``.
        public init?(name: String) {
            if name == "cross" {
                self = .cross
            } else if name == "spot" {
                self = .spot
            } else if name.hasPrefix("isolated:"), name.count > "isolated:".count {
                self = .isolated(String(name.dropFirst("isolated:".count)))
            } else {
                return nil
            }
        }

        public static func < (lhs: Wallet, rhs: Wallet) -> Bool { lhs.name < rhs.name }
    }

    /// The last price of each symbol.
    public var prices: [String: SimDecimal]
    /// Filters and fill rule per symbol; a listed symbol without rules gets ``SymbolRules/fallback(_:)``.
    public var rules: [String: SymbolRules]
    /// account → wallet → asset → amount. A wallet's balance may go below zero through fills
    /// (margin borrows); new orders are checked against what is free.
    public var balances: [String: [Wallet: [String: SimDecimal]]]
    /// The random walk: each step moves every priced symbol by up to this many basis points.
    public var walkBasisPoints: Int = 0
    /// The last trade id given (fills of FULL answers).
    public var nextTradeId: Int64 = 0
    var walkRandom = SeededGenerator(seed: 1)

    public init(
        prices: [String: SimDecimal] = [:], rules: [String: SymbolRules] = [:],
        balances: [String: [Wallet: [String: SimDecimal]]] = [:]
    ) {
        self.prices = prices
        self.rules = rules
        self.balances = balances
    }

    /// The rules of `symbol`.
    func rules(of symbol: String) -> SymbolRules { rules[symbol] ?? .fallback(symbol) }

    /// The amount of `asset` in an account's wallet (zero when none).
    public func balance(account: String, wallet: Wallet, asset: String) -> SimDecimal {
        balances[account]?[wallet]?[asset] ?? .zero
    }

    /// Whether the account has an isolated margin account for `symbol` (a seeded wallet).
    public func hasIsolatedAccount(account: String, symbol: String) -> Bool {
        balances[account]?[.isolated(symbol)] != nil
    }

    /// Adds `amount` (negative to take) to a balance; false, changing nothing, on overflow.
    mutating func credit(account: String, wallet: Wallet, asset: String, _ amount: SimDecimal) -> Bool {
        guard let sum = balance(account: account, wallet: wallet, asset: asset).adding(amount) else { return false }
        balances[account, default: [:]][wallet, default: [:]][asset] = sum
        return true
    }

    /// The demo market: prices between the demo orders' (so nothing fills until a price moves),
    /// the demo rules, and balances for the demo account's cross wallet, each isolated symbol
    /// it has orders on, and its spot wallet.
    public static var demo: MarketState {
        func amount(_ text: String) -> SimDecimal { SimDecimal(text) ?? .zero }
        let account = SimulatorDemoKeys.accountName
        return MarketState(
            prices: [
                "LTCBTC": amount("0.00155000"), "BTCUSDT": amount("80000.00"), "ETHBTC": amount("0.03700000"),
                "BNBBTC": amount("0.00800000"), "ETHUSDT": amount("3000.00"), "币安人生USDT": amount("0.20000000")
            ],
            rules: SymbolRules.demo,
            balances: [
                account: [
                    .cross: [
                        "BTC": amount("10"), "USDT": amount("100000"), "LTC": amount("1000"), "ETH": amount("100"),
                        "BNB": amount("100"), "币安人生": amount("100000")
                    ],
                    .isolated("LTCBTC"): ["LTC": amount("100"), "BTC": amount("1")],
                    .isolated("BTCUSDT"): ["BTC": amount("1"), "USDT": amount("50000")],
                    .isolated("ETHBTC"): ["ETH": amount("10"), "BTC": amount("1")],
                    .isolated("币安人生USDT"): ["币安人生": amount("1000"), "USDT": amount("1000")],
                    .spot: [
                        "BTC": amount("5"), "USDT": amount("50000"), "LTC": amount("500"), "ETH": amount("50"),
                        "BNB": amount("50"), "币安人生": amount("50000")
                    ]
                ]
            ])
    }
}
