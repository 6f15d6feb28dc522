extension ExchangeSeed {
    /// The demo spot orders, on the spot account's own books (apart from the margin ones: a
    /// margin request never sees them, nor a spot request a margin order). Ids continue each
    /// symbol's margin ids, as one exchange numbers orders per symbol. Prices stay off the
    /// demo market's and its usual moves (LTCBTC 0.00155, moved to 0.0014), so a spot order fills
    /// only when a test moves a price through it.
    public static var demoSpotOrders: [SimulatedOrder] {
        let t = demoEpoch + 900_000
        return [
            SimulatedOrder(
                symbol: "BTCUSDT", isIsolated: false, orderId: 2001, clientOrderId: "spotBtcBuy1", price: "61000.00",
                origQty: "0.01500000", side: "BUY", time: t),
            SimulatedOrder(
                symbol: "BTCUSDT", isIsolated: false, orderId: 2002, clientOrderId: "spotBtcSell1", price: "99000.00",
                origQty: "0.04000000", executedQty: "0.01000000", cummulativeQuoteQty: "990.00000000",
                status: .partiallyFilled, side: "SELL", time: t + 60_000, updateTime: t + 90_000),
            SimulatedOrder(
                symbol: "BTCUSDT", isIsolated: false, orderId: 2000, clientOrderId: "spotBtcFilled", price: "62000.00",
                origQty: "0.00100000", executedQty: "0.00100000", cummulativeQuoteQty: "62.00000000", status: .filled,
                side: "BUY", time: t - 60_000, updateTime: t - 30_000),
            SimulatedOrder(
                symbol: "LTCBTC", isIsolated: false, orderId: 101, clientOrderId: "spotLtc1", price: "0.00130000",
                origQty: "4.00000000", side: "BUY", time: t + 120_000),
            SimulatedOrder(
                symbol: "LTCBTC", isIsolated: false, orderId: 102, clientOrderId: "spotLtc2", price: "0.00190000",
                origQty: "6.00000000", executedQty: "2.00000000", cummulativeQuoteQty: "0.00380000",
                status: .partiallyFilled, side: "SELL", time: t + 180_000, updateTime: t + 200_000)
        ]
    }
}
