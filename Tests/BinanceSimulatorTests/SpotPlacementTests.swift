import BinanceAPI
import Testing

@testable import BinanceSimulator

/// `POST /api/v3/order`: spot placement on the spot book and spot wallet, its refusals, its
/// order-count headers, fills by price moves, and `sim order … spot`.
@Suite struct SpotPlacementTests {
    func place(_ client: TestClient, _ query: String, now: Int64 = testNow) -> SimulatorResponse {
        client.send("POST", "/api/v3/order", query, now: now)
    }

    let limit = "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=2&price=0.0014"

    @Test func aLimitOrderRestsOnTheSpotBookAndAnswersInTheSpotPagesOrder() {
        let client = TestClient()
        let next = client.exchange.withState { $0.nextOrderId(symbol: "LTCBTC", spot: true) }
        #expect(next == 105) // after the demo's spot ids (#101-104), which follow the margin ones
        let response = place(client, limit + "&newClientOrderId=spotBot1")
        #expect(response.status == 200)
        #expect(response.header("X-MBX-USED-WEIGHT-1M") == "1")
        #expect(
            response.bodyText
                == #"{"symbol":"LTCBTC","orderId":\#(next),"orderListId":-1,"clientOrderId":"spotBot1","#
                + #""transactTime":\#(testNow),"price":"0.00140000","origQty":"2.00000000","executedQty":"0.00000000","#
                + #""origQuoteOrderQty":"0.00000000","cummulativeQuoteQty":"0.00000000","status":"NEW","#
                + #""timeInForce":"GTC","type":"LIMIT","side":"BUY","workingTime":\#(testNow),"#
                + #""selfTradePreventionMode":"NONE","fills":[]}"#)
        // On the spot book only: a spot query finds it, the margin book does not.
        let query = client.send("GET", "/api/v3/order", "symbol=LTCBTC&origClientOrderId=spotBot1")
        #expect(query.json?["status"]?.stringValue == "NEW")
        #expect(client.send("GET", "/sapi/v1/margin/order", "symbol=LTCBTC&origClientOrderId=spotBot1").code == -2013)
        // A spot id follows the margin ones too: a margin order placed first pushes it on.
        let margin = client.send(
            "POST", "/sapi/v1/margin/order", "symbol=ETHBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.035")
        let spot = place(client, "symbol=ETHBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.035")
        #expect(spot.json?["orderId"]?.integerValue == (margin.json?["orderId"]?.integerValue ?? 0) + 1)
    }

    @Test func ackAndResultAndAMarketOrderFullWithFillsFromTheSpotWallet() {
        let client = TestClient()
        let ack = place(client, limit + "&newOrderRespType=ACK&newClientOrderId=ack1")
        let id = ack.json?["orderId"]?.integerValue ?? 0
        #expect(
            ack.bodyText
                == #"{"symbol":"LTCBTC","orderId":\#(id),"orderListId":-1,"clientOrderId":"ack1","transactTime":\#(testNow)}"#)
        #expect(ack.json?["orderListId"]?.integerValue == -1 && ack.json?["price"] == nil)
        let result = place(client, limit + "&newOrderRespType=RESULT")
        #expect(result.json?["workingTime"]?.integerValue == testNow && result.json?["fills"] == nil)
        let ltcBefore = client.exchange.withState { $0.market.balance(account: "demo", wallet: .spot, asset: "LTC") }
        let crossBefore = client.exchange.withState { $0.market.balance(account: "demo", wallet: .cross, asset: "LTC") }
        let market = place(client, "symbol=LTCBTC&side=BUY&type=MARKET&quantity=3")
        #expect(market.json?["status"]?.stringValue == "FILLED")
        #expect(market.json?["executedQty"]?.stringValue == "3.00000000")
        guard case .array(let fills)? = market.json?["fills"], let fill = fills.first else {
            Issue.record("no fills: \(market.bodyText)")
            return
        }
        #expect(fill["commissionAsset"]?.stringValue == "LTC")
        #expect(fill["price"]?.stringValue == "0.00155000")
        client.exchange.withState { state in
            #expect(state.market.balance(account: "demo", wallet: .spot, asset: "LTC").description == "503.00000000")
            #expect(ltcBefore.description == "500.00000000")
            #expect(state.market.balance(account: "demo", wallet: .spot, asset: "BTC").description == "4.99535000")
            #expect(state.market.balance(account: "demo", wallet: .cross, asset: "LTC") == crossBefore)
        }
        // LIMIT_MAKER answers ACK by default, as the page says.
        let maker = place(client, "symbol=LTCBTC&side=SELL&type=LIMIT_MAKER&quantity=1&price=0.0019")
        #expect(maker.status == 200 && maker.json?["status"] == nil)
    }

    @Test func refusalsAreTheSpotPagesAndChangeNothing() {
        let client = TestClient()
        let before = client.exchange.withState { ($0.openSpotOrders(symbol: "LTCBTC").count, $0.market.balances) }
        let base = "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC"
        #expect(place(client, base + "&quantity=1&price=0.0014005").message == "Filter failure: PRICE_FILTER")
        #expect(place(client, base + "&quantity=1.0005&price=0.0014").message == "Filter failure: LOT_SIZE")
        #expect(place(client, base + "&quantity=0.001&price=0.0014").message == "Filter failure: NOTIONAL")
        #expect(place(client, base + "&quantity=1&price=0.0013&newClientOrderId=spotLtc1").message == "Duplicate order sent.")
        #expect(
            place(client, "symbol=LTCBTC&side=BUY&type=LIMIT_MAKER&quantity=1&price=0.0016").message
                == "Order would immediately match and take.")
        #expect(
            place(client, base + "&quantity=5000&price=0.0014").message
                == "Account has insufficient balance for requested action.")
        #expect(place(client, base + "&quantity=1").code == -1102)
        #expect(place(client, "symbol=LTCBTC&side=BUY&type=MARKET&quantity=1&price=0.0014").code == -1106)
        #expect(place(client, "symbol=LTCBTC&side=BUY&type=STOP_LOSS&quantity=1").code == -1116)
        #expect(place(client, "symbol=XRPBTC&side=BUY&type=MARKET&quantity=1").code == -1121)
        // Spot takes any listed pair, margin-enabled or not (BNBBTC is not).
        #expect(place(client, "symbol=BNBBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.007").status == 200)
        let after = client.exchange.withState { ($0.openSpotOrders(symbol: "LTCBTC").count, $0.market.balances) }
        #expect(after.0 == before.0)
        #expect(after.1 == before.1)
    }

    @Test func theOrderCountHeadersAreOnSpotPlacementOnlyAndCountPerAccount() {
        let client = TestClient()
        let first = place(client, limit)
        #expect(first.header("X-MBX-ORDER-COUNT-10S") == "1")
        #expect(first.header("X-MBX-ORDER-COUNT-1D") == "1")
        // Another key of the same account counts on; another account counts apart; a refused
        // order carries none.
        let secret = "order-count-test-secret"
        var sameAccount = TestClient(client.exchange)
        sameAccount.apiKey = String(repeating: "S", count: 64)
        sameAccount.signer = RequestSigner(hmacSecret: secret)
        var otherAccount = sameAccount
        otherAccount.apiKey = String(repeating: "O", count: 64)
        #expect(throws: Never.self) {
            try client.exchange.register(
                apiKey: String(repeating: "S", count: 64), key: VerificationKey(hmacSecret: secret), account: "demo")
            try client.exchange.register(
                apiKey: String(repeating: "O", count: 64), key: VerificationKey(hmacSecret: secret), account: "other")
        }
        client.exchange.withState { state in
            state.market.balances["other"] = [.spot: ["BTC": SimDecimal("1")!]]
        }
        let second = place(sameAccount, limit)
        #expect(second.header("X-MBX-ORDER-COUNT-10S") == "2")
        #expect(place(otherAccount, limit).header("X-MBX-ORDER-COUNT-10S") == "1")
        #expect(place(client, limit + "&price=0.00140001").header("X-MBX-ORDER-COUNT-10S") == nil)
        // A new 10-second window starts at zero; the day goes on.
        let later = place(client, limit, now: testNow + 10_000)
        #expect(later.header("X-MBX-ORDER-COUNT-10S") == "1")
        #expect(later.header("X-MBX-ORDER-COUNT-1D") == "3")
        // An order that fills at once is taken off the count after its answer.
        #expect(
            place(client, "symbol=LTCBTC&side=BUY&type=MARKET&quantity=1", now: testNow + 10_000)
                .header("X-MBX-ORDER-COUNT-10S") == "2")
        #expect(place(client, limit, now: testNow + 10_000).header("X-MBX-ORDER-COUNT-10S") == "2")
        // Nothing else carries them: margin placement, a spot cancel, a query.
        let others = [
            client.send(
                "POST", "/sapi/v1/margin/order", "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.0014"),
            client.send("DELETE", "/api/v3/order", "symbol=LTCBTC&orderId=101"),
            client.send("GET", "/api/v3/openOrders", "symbol=LTCBTC")
        ]
        for response in others {
            #expect(response.status == 200)
            #expect(response.header("X-MBX-ORDER-COUNT-10S") == nil && response.header("X-MBX-ORDER-COUNT-1D") == nil)
        }
    }

    @Test func aFullIntervalAnswers429Code1015WithoutRetryAfter() {
        let client = TestClient()
        let small = "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.1&price=0.0014"
        for index in 0..<100 {
            #expect(place(client, small).status == 200, "order \(index)")
        }
        let refused = place(client, small)
        #expect(refused.status == 429)
        #expect(refused.code == -1015)
        #expect(refused.message == "Too many new orders; current limit is 100 orders per 10 SECOND.")
        #expect(refused.header("Retry-After") == nil)
        // The demo's four open LTCBTC spot orders (#101-104) and the hundred: the refused one is not there.
        #expect(client.exchange.withState { $0.openSpotOrders(symbol: "LTCBTC").count } == 104)
        #expect(place(client, small, now: testNow + 10_000).status == 200)
    }

    @Test func priceMovesFillSpotLimitOrdersFromTheSpotWallet() {
        let client = TestClient()
        let placed = place(client, "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=2.5&price=0.0015")
        let id = placed.json?["orderId"]?.integerValue ?? 0
        let report = client.exchange.withState { $0.move(symbol: "LTCBTC", to: SimDecimal("0.0014")!, at: testNow + 1) }
        let spotFills = report.fills.filter(\.spot)
        #expect(spotFills.map(\.orderId) == [id])
        #expect(spotFills.first?.status == "PARTIALLY_FILLED")
        let query = client.send("GET", "/api/v3/order", "symbol=LTCBTC&orderId=\(id)")
        #expect(query.json?["executedQty"]?.stringValue == "1.00000000")
        #expect(query.json?["updateTime"]?.integerValue == testNow + 1)
        client.exchange.withState { state in
            #expect(state.market.balance(account: "demo", wallet: .spot, asset: "LTC").description == "501.00000000")
        }
        // Its first fill took it off the unfilled order count.
        #expect(place(client, limit).header("X-MBX-ORDER-COUNT-10S") == "1")
    }

    @Test func simOrderSpotPlacesOnTheSpotBook() {
        let client = TestClient()
        let response = client.raw("POST", "/bnc-sim/v1/order", "symbol=ETHBTC&side=SELL&price=0.04&quantity=0.5&spot=TRUE")
        #expect(response.status == 200)
        #expect(response.json?["orderListId"]?.integerValue == -1 && response.json?["isIsolated"] == nil)
        #expect(response.header("X-MBX-ORDER-COUNT-10S") == nil)
        #expect(client.exchange.withState { $0.openSpotOrders(symbol: "ETHBTC").count } == 1)
        #expect(client.exchange.withState { $0.openOrders(symbol: "ETHBTC", isolated: false).count } == 1)
        let both = "symbol=ETHBTC&side=SELL&price=0.04&quantity=0.5&spot=TRUE&isIsolated=TRUE"
        #expect(client.raw("POST", "/bnc-sim/v1/order", both).code == -1106)
        #expect(client.raw("POST", "/bnc-sim/v1/order", "symbol=ETHBTC&side=SELL&price=0.04&quantity=0.5&spot=yes").code == -1130)
    }
}
