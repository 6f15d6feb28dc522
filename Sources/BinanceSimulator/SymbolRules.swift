/// What the simulator knows of one symbol for placing and filling orders: its assets, the
/// filters the exchange checks a new order against (PRICE_FILTER, LOT_SIZE, NOTIONAL, each
/// answered with -1013 `Filter failure: NAME`), whether margin may trade it, and how much of a
/// crossed order one price move fills.
public struct SymbolRules: Sendable, Hashable {
    public var baseAsset: String
    public var quoteAsset: String
    /// PRICE_FILTER.
    public var minPrice: SimDecimal
    public var maxPrice: SimDecimal
    public var tickSize: SimDecimal
    /// LOT_SIZE.
    public var minQty: SimDecimal
    public var maxQty: SimDecimal
    public var stepSize: SimDecimal
    /// NOTIONAL: price × quantity at least this.
    public var minNotional: SimDecimal
    /// Whether margin orders may be placed (false: -3021 on placement).
    public var isMarginTrade: Bool
    /// The most of one order's quantity a single price move (a `sim price` or a walk step) that
    /// crosses it fills: a larger order fills over several moves, so "partially filled" happens
    /// by itself. Zero fills a crossed order wholly.
    public var fillPerMove: SimDecimal

    public init(
        baseAsset: String, quoteAsset: String, minPrice: SimDecimal, maxPrice: SimDecimal, tickSize: SimDecimal,
        minQty: SimDecimal, maxQty: SimDecimal, stepSize: SimDecimal, minNotional: SimDecimal, isMarginTrade: Bool = true,
        fillPerMove: SimDecimal = .zero
    ) {
        self.baseAsset = baseAsset
        self.quoteAsset = quoteAsset
        self.minPrice = minPrice
        self.maxPrice = maxPrice
        self.tickSize = tickSize
        self.minQty = minQty
        self.maxQty = maxQty
        self.stepSize = stepSize
        self.minNotional = minNotional
        self.isMarginTrade = isMarginTrade
        self.fillPerMove = fillPerMove
    }

    /// Rules from decimal texts (the seed's own values, known to parse).
    static func demo(
        _ base: String, _ quote: String, tick: String, step: String, minNotional: String, fillPerMove: String,
        isMarginTrade: Bool = true
    ) -> SymbolRules {
        SymbolRules(
            baseAsset: base, quoteAsset: quote, minPrice: SimDecimal(tick) ?? .zero,
            maxPrice: SimDecimal("1000000") ?? .zero, tickSize: SimDecimal(tick) ?? .zero,
            minQty: SimDecimal(step) ?? .zero, maxQty: SimDecimal("9000000") ?? .zero, stepSize: SimDecimal(step) ?? .zero,
            minNotional: SimDecimal(minNotional) ?? .zero, isMarginTrade: isMarginTrade,
            fillPerMove: SimDecimal(fillPerMove) ?? .zero)
    }

    /// Rules for a symbol the seed lists without any: its assets split by the common quote
    /// assets, eight-decimal tick and step, no notional floor, fully filled per move.
    static func fallback(_ symbol: String) -> SymbolRules {
        let (base, quote) = ExchangeState.split(symbol)
        return demo(base, quote, tick: "0.00000001", step: "0.00000001", minNotional: "0", fillPerMove: "0")
    }

    /// The demo symbols' filters, close to the exchange's for the real pairs (ticks and steps
    /// from their exchangeInfo; the notional floors are the exchange's usual 5 USDT / 0.0001 BTC).
    /// BNBBTC is listed but not margin-enabled here, so -3021 can be tried.
    static let demo: [String: SymbolRules] = [
        "LTCBTC": .demo("LTC", "BTC", tick: "0.00000100", step: "0.00100000", minNotional: "0.00010000", fillPerMove: "1"),
        "BTCUSDT": .demo("BTC", "USDT", tick: "0.01", step: "0.00001", minNotional: "5", fillPerMove: "0.01"),
        "ETHBTC": .demo("ETH", "BTC", tick: "0.00001", step: "0.0001", minNotional: "0.0001", fillPerMove: "0.5"),
        "BNBBTC": .demo(
            "BNB", "BTC", tick: "0.000001", step: "0.001", minNotional: "0.0001", fillPerMove: "1", isMarginTrade: false),
        "ETHUSDT": .demo("ETH", "USDT", tick: "0.01", step: "0.0001", minNotional: "5", fillPerMove: "0.5"),
        "币安人生USDT": .demo("币安人生", "USDT", tick: "0.0001", step: "1", minNotional: "5", fillPerMove: "20")
    ]
}
