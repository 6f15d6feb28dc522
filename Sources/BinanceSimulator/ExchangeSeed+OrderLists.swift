extension ExchangeSeed {
    /// An order list to seed: the list, its legs (placed on the book with it) and their account.
    public struct OrderListSeed: Sendable {
        public var account: String
        public var list: SimulatedOrderList
        public var legs: [SimulatedOrder]

        public init(account: String = SimulatorDemoKeys.accountName, list: SimulatedOrderList, legs: [SimulatedOrder]) {
            self.account = account
            self.list = list
            self.legs = legs
        }
    }

    /// One executing OCO on LTCBTC and on BTCUSDT, on the cross and on the isolated margin
    /// account, then on the spot account: a LIMIT_MAKER leg above the market and a
    /// STOP_LOSS_LIMIT leg below it, both SELL, as the exchange's OCO rules require. Spot legs
    /// continue each symbol's spot order ids (LTCBTC 103-104, BTCUSDT 2003-2004).
    public static var demoOrderLists: [OrderListSeed] {
        let t = demoEpoch + 840_000
        let spot = demoEpoch + 1_140_000
        return [
            oco(
                "LTCBTC", account: .margin(isolated: false), listId: 7, listClientId: "ltcOco7", legIds: (32, 33),
                limit: "0.00200000", stop: ("0.00120000", "0.00119000"), quantity: "1.00000000", time: t),
            oco(
                "LTCBTC", account: .margin(isolated: true), listId: 8, listClientId: "ltcIsoOco8", legIds: (34, 35),
                limit: "0.00210000", stop: ("0.00110000", "0.00109000"), quantity: "2.00000000", time: t + 60_000),
            oco(
                "BTCUSDT", account: .margin(isolated: false), listId: 9, listClientId: "btcOco9", legIds: (1004, 1005),
                limit: "105000.00", stop: ("50000.00", "49900.00"), quantity: "0.01000000", time: t + 120_000),
            oco(
                "BTCUSDT", account: .margin(isolated: true), listId: 10, listClientId: "btcIsoOco10", legIds: (1006, 1007),
                limit: "110000.00", stop: ("48000.00", "47900.00"), quantity: "0.00200000", time: t + 180_000),
            oco(
                "LTCBTC", account: .spot, listId: 11, listClientId: "spotLtcOco11", legIds: (103, 104),
                limit: "0.00220000", stop: ("0.00130000", "0.00129000"), quantity: "3.00000000", time: spot),
            oco(
                "BTCUSDT", account: .spot, listId: 12, listClientId: "spotBtcOco12", legIds: (2003, 2004),
                limit: "108000.00", stop: ("52000.00", "51900.00"), quantity: "0.00500000", time: spot + 60_000)
        ]
    }

    /// A SELL OCO of two legs: the limit maker and the stop-loss limit (stop price, limit price).
    static func oco(
        _ symbol: String, account: SimulatedOrderList.Account, listId: Int64, listClientId: String,
        legIds: (Int64, Int64), limit: String, stop: (String, String), quantity: String, time: Int64
    ) -> OrderListSeed {
        let isolated = account == .margin(isolated: true)
        let legs = [
            SimulatedOrder(
                symbol: symbol, isIsolated: isolated, orderId: legIds.0, clientOrderId: "\(listClientId)Limit",
                price: limit, origQty: quantity, type: "LIMIT_MAKER", side: "SELL", time: time),
            SimulatedOrder(
                symbol: symbol, isIsolated: isolated, orderId: legIds.1, clientOrderId: "\(listClientId)Stop",
                price: stop.1, origQty: quantity, type: "STOP_LOSS_LIMIT", side: "SELL", time: time)
        ]
        let list = SimulatedOrderList(
            symbol: symbol, account: account, orderListId: listId, listClientOrderId: listClientId,
            orderIds: [legIds.0, legIds.1], stopPrices: [legIds.1: stop.0], transactionTime: time)
        return OrderListSeed(list: list, legs: legs)
    }
}
