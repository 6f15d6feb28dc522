import BinanceAPI
import Testing

@testable import BinanceSimulator

/// `POST /sapi/v1/margin/order`, price moves that fill, and the `/bnc-sim/` controls.
@Suite struct MarginPlacementTests {
    func place(_ client: TestClient, _ query: String, body: String = "") -> SimulatorResponse {
        client.send("POST", "/sapi/v1/margin/order", query, body: body)
    }

    func control(_ client: TestClient, _ action: String, _ query: String) -> SimulatorResponse {
        client.raw("POST", "/bnc-sim/v1/" + action, query)
    }

    @Test func aLimitOrderRestsOnTheBookAndAnswersFullInTheDocumentedOrder() throws {
        let client = TestClient()
        let next = client.exchange.withState { $0.nextOrderId(symbol: "LTCBTC") }
        let response = place(
            client, "symbol=LTCBTC&side=BUY&type=LIMIT&quantity=2&price=0.00140000&timeInForce=GTC&newClientOrderId=bot1")
        #expect(response.status == 200)
        #expect(response.header("X-SAPI-USED-UID-WEIGHT-1M") == "6")
        #expect(
            response.bodyText
                == #"{"symbol":"LTCBTC","orderId":\#(next),"clientOrderId":"bot1","transactTime":\#(testNow),"#
                + #""price":"0.00140000","origQty":"2.00000000","executedQty":"0.00000000","#
                + #""cummulativeQuoteQty":"0.00000000","status":"NEW","timeInForce":"GTC","type":"LIMIT","side":"BUY","#
                + #""isIsolated":false,"selfTradePreventionMode":"NONE","fills":[]}"#)
        let open = client.send("GET", "/sapi/v1/margin/openOrders", "symbol=LTCBTC")
        #expect(open.bodyText.contains(#""clientOrderId":"bot1""#))
        let query = client.send("GET", "/sapi/v1/margin/order", "symbol=LTCBTC&origClientOrderId=bot1")
        #expect(query.json?["status"]?.stringValue == "NEW")
    }

    @Test func parametersInAFormBodyCountAndAreSigned() {
        let client = TestClient()
        let next = client.exchange.withState { $0.nextOrderId(symbol: "LTCBTC") }
        let body = client.signedQuery(
            "symbol=LTCBTC&side=SELL&type=LIMIT&quantity=1&price=0.00190000&timeInForce=GTC&newOrderRespType=ACK",
            timestamp: testNow)
        let response = client.raw("POST", "/sapi/v1/margin/order", "", body: body)
        #expect(response.status == 200)
        #expect(
            response.bodyText
                == #"{"symbol":"LTCBTC","orderId":\#(next),"clientOrderId":"\#(response.json?["clientOrderId"]?.stringValue ?? "")","#
                + #""isIsolated":false,"transactTime":\#(testNow)}"#)
        #expect(response.json?["clientOrderId"]?.stringValue?.count == 22)
    }

    @Test func filtersAnswer1013WithTheFilterName() {
        let client = TestClient()
        let before = client.exchange.withState { $0.openOrders(symbol: "LTCBTC", isolated: false).count }
        let base = "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC"
        #expect(place(client, base + "&quantity=1&price=0.0014005").message == "Filter failure: PRICE_FILTER")
        #expect(place(client, base + "&quantity=1.0005&price=0.0014").message == "Filter failure: LOT_SIZE")
        #expect(place(client, base + "&quantity=0.001&price=0.0014").message == "Filter failure: NOTIONAL")
        #expect(place(client, base + "&quantity=1&price=0.000000001").code == -1013)
        #expect(place(client, base + "&quantity=1e3&price=0.0014").code == -1100)
        #expect(client.exchange.withState { $0.openOrders(symbol: "LTCBTC", isolated: false).count } == before)
    }

    @Test func theParameterRulesOfEachType() {
        let client = TestClient()
        #expect(
            place(client, "symbol=LTCBTC&side=BUY&type=LIMIT&quantity=1&price=0.0014").message?.contains("'timeInForce'") == true)
        #expect(place(client, "symbol=LTCBTC&side=BUY&type=MARKET&quantity=1&timeInForce=GTC").code == -1106)
        #expect(place(client, "symbol=LTCBTC&side=BUY&type=MARKET&quantity=1&price=1").code == -1106)
        #expect(place(client, "symbol=LTCBTC&side=BUY&type=STOP_LOSS&quantity=1").code == -1116)
        #expect(place(client, "symbol=LTCBTC&side=HOLD&type=LIMIT").code == -1117)
        #expect(place(client, "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=DAY&quantity=1&price=1").code == -1115)
        #expect(place(client, "symbol=LTCBTC&type=LIMIT").message?.contains("'side'") == true)
        #expect(place(client, "symbol=NOPE&side=BUY&type=MARKET&quantity=1").code == -1121)
        #expect(place(client, "symbol=LTCBTC&side=BUY&type=MARKET").code == -1102)
        #expect(
            place(client, "symbol=LTCBTC&side=BUY&type=LIMIT_MAKER&quantity=1&price=0.0014&newClientOrderId=a%20b").code
                == -1100)
    }

    @Test func balanceDuplicateMakerAndMarginPairRefusals() {
        let client = TestClient()
        // 10 BTC cross; open BUYs hold some: 8000 LTC at 0.0014 needs 11.2 BTC.
        let poor = place(client, "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=8000&price=0.0014")
        #expect(poor.code == -2010)
        #expect(poor.message == "Account has insufficient balance for requested action.")
        let first = place(client, "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.0014&newClientOrderId=x1")
        #expect(first.status == 200)
        let again = place(client, "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.0014&newClientOrderId=x1")
        #expect(again.message == "Duplicate order sent.")
        let maker = place(client, "symbol=LTCBTC&side=BUY&type=LIMIT_MAKER&quantity=1&price=0.0016")
        #expect(maker.message == "Order would immediately match and take.")
        #expect(place(client, "symbol=BNBBTC&side=BUY&type=MARKET&quantity=1").code == -3021)
        let noIsolated = place(client, "symbol=ETHUSDT&isIsolated=TRUE&side=BUY&type=MARKET&quantity=0.01")
        #expect(noIsolated.code == -11001)
        #expect(noIsolated.message == "Isolated margin account does not exist.")
    }

    @Test func aMarketOrderFillsAtTheMarketPriceAndMovesBalances() {
        let client = TestClient()
        let response = place(client, "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.1&newOrderRespType=FULL")
        #expect(response.json?["status"]?.stringValue == "FILLED")
        #expect(response.json?["price"]?.stringValue == "0.00000000")
        #expect(response.json?["cummulativeQuoteQty"]?.stringValue == "8000.00000000")
        #expect(response.bodyText.contains(#""fills":[{"price":"80000.00000000","qty":"0.10000000","commission":"0.00000000","#))
        let (btc, usdt) = client.exchange.withState {
            (
                $0.market.balance(account: "demo", wallet: .cross, asset: "BTC"),
                $0.market.balance(account: "demo", wallet: .cross, asset: "USDT")
            )
        }
        #expect(btc.description == "10.10000000")
        #expect(usdt.description == "92000.00000000")
    }

    @Test func aPriceMoveFillsPartlyAndACancelKeepsTheFill() {
        let client = TestClient()
        // 2.5 LTC at 0.0015 crossed by a move to 0.0014: LTCBTC fills 1 LTC per move.
        let placed = place(
            client, "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=2.5&price=0.0015&newOrderRespType=RESULT")
        let id = placed.json?["orderId"]?.integerValue ?? 0
        let moved = control(client, "price", "symbol=LTCBTC&price=0.0014")
        #expect(moved.status == 200)
        #expect(
            moved.bodyText.contains(
                #"{"orderId":\#(id),"isIsolated":false,"spot":false,"qty":"1.00000000","status":"PARTIALLY_FILLED"}"#))
        let canceled = client.cancel("symbol=LTCBTC&orderId=\(id)")
        #expect(canceled.json?["status"]?.stringValue == "CANCELED")
        #expect(canceled.json?["executedQty"]?.stringValue == "1.00000000")
        #expect(canceled.json?["cummulativeQuoteQty"]?.stringValue == "0.00150000")
        let queried = client.send("GET", "/sapi/v1/margin/order", "symbol=LTCBTC&orderId=\(id)")
        #expect(queried.json?["executedQty"]?.stringValue == "1.00000000")
        #expect(queried.json?["updateTime"]?.integerValue == testNow)
    }

    @Test func stepsFillUntilFilledThenTheCancelIs2011() {
        let client = TestClient()
        let placed = place(client, "symbol=LTCBTC&side=SELL&type=LIMIT&timeInForce=GTC&quantity=2&price=0.0016")
        let id = placed.json?["orderId"]?.integerValue ?? 0
        _ = control(client, "price", "symbol=LTCBTC&price=0.0017")
        _ = control(client, "step", "count=1")
        let status = client.send("GET", "/sapi/v1/margin/order", "symbol=LTCBTC&orderId=\(id)").json?["status"]?.stringValue
        #expect(status == "FILLED")
        #expect(client.cancel("symbol=LTCBTC&orderId=\(id)").code == -2011)
    }

    @Test func theWalkIsTheSameUnderTheSameSeed() {
        func run(seed: UInt64) -> [String] {
            var configuration = SimulatorConfiguration()
            configuration.faults.seed = seed
            let exchange = Exchange.demo(configuration)
            return exchange.withState { state in
                state.market.walkBasisPoints = 50
                return state.step(20, at: testNow).map { "\($0.symbol) \($0.price) \($0.fills.count)" }
            }
        }
        #expect(run(seed: 7) == run(seed: 7))
        #expect(run(seed: 7) != run(seed: 8))
    }

    @Test func controlsNeedAKnownKeyAndAreNeitherWeighedNorExchangePaths() {
        var client = TestClient()
        let ok = control(client, "step", "")
        #expect(ok.status == 200)
        #expect(ok.header("X-SAPI-USED-IP-WEIGHT-1M") == nil)
        #expect(control(client, "nothing", "").status == 404)
        #expect(client.raw("GET", "/bnc-sim/v1/step", "").status == 405)
        client.apiKey = String(repeating: "A", count: 64)
        #expect(control(client, "price", "symbol=LTCBTC&price=1").code == -2015)
        client.apiKey = nil
        #expect(control(client, "price", "symbol=LTCBTC&price=1").code == -2014)
        #expect(TestClient(client.exchange).exchange.withState { $0.market.prices["LTCBTC"]?.description } == "0.00155000")
    }

    @Test func simOrderPlacesALimitOrderOnTheKeysAccount() {
        let client = TestClient()
        let response = control(client, "order", "symbol=ETHBTC&side=SELL&price=0.04&quantity=0.5&isIsolated=TRUE")
        #expect(response.status == 200)
        #expect(response.json?["isIsolated"] == .bool(true))
        #expect(client.exchange.withState { $0.openOrders(symbol: "ETHBTC", isolated: true).count } == 2)
        // `spot=TRUE` places on the spot book instead (SpotPlacementTests).
        #expect(control(client, "order", "symbol=ETHBTC&side=SELL&price=0.04&quantity=0.5&spot=TRUE").status == 200)
        #expect(client.exchange.withState { $0.openOrders(symbol: "ETHBTC", isolated: true).count } == 2)
    }

    @Test func decimalsAreExact() {
        #expect(SimDecimal("0.1")?.description == "0.10000000")
        #expect(SimDecimal("0.000000001") == nil)
        #expect(SimDecimal("0.000000010")?.units == 1)
        #expect(SimDecimal("92233720369") == nil)
        #expect(SimDecimal("1.5")?.multiplied(by: SimDecimal("0.0015")!)?.description == "0.00225000")
        #expect(SimDecimal("-2", allowNegative: true)?.description == "-2.00000000")
        #expect(SimDecimal(units: .max).adding(SimDecimal(units: 1)) == nil)
    }
}
