import BinanceAPI
import Testing

@testable import BinanceSimulator

/// The margin endpoints: response shapes, history, and cross/isolated separation.
@Suite struct MarginEndpointTests {
    @Test func cancelAnswersWithTheExchangesFieldsInOrder() {
        let response = TestClient().cancel("symbol=LTCBTC&orderId=28&newClientOrderId=cancelMyOrder1")
        #expect(response.status == 200)
        #expect(
            response.bodyText
                == #"{"symbol":"LTCBTC","isIsolated":false,"orderId":28,"origClientOrderId":"myOrder1","#
                + #""clientOrderId":"cancelMyOrder1","price":"1.00000000","origQty":"10.00000000","#
                + #""executedQty":"8.00000000","cummulativeQuoteQty":"8.00000000","status":"CANCELED","#
                + #""timeInForce":"GTC","type":"LIMIT","side":"SELL"}"#)
        #expect(response.header("Content-Type") == "application/json;charset=UTF-8")
    }

    @Test func theCancelBodyDecodesAsBinanceAPIsMarginOrder() throws {
        let response = TestClient().cancel("symbol=LTCBTC&origClientOrderId=myOrder1")
        let order = try MarginOrder(json: try JSONValue.parse(response.body))
        #expect(order.orderId == 28)
        #expect(order.isIsolated == false)
        #expect(order.status == "CANCELED")
        #expect(order.clientOrderId?.count == 22)
    }

    @Test func aSecondCancelIs2011AndTheOrderShowsCanceled() {
        let client = TestClient()
        #expect(client.cancel("symbol=LTCBTC&orderId=29").status == 200)
        let again = client.cancel("symbol=LTCBTC&orderId=29")
        #expect(again.status == 400)
        #expect(again.code == -2011)
        #expect(again.message == "Unknown order sent.")
        let query = client.send("GET", "/sapi/v1/margin/order", "symbol=LTCBTC&orderId=29")
        #expect(query.status == 200)
        #expect(query.json?["status"]?.stringValue == "CANCELED")
        #expect(query.json?["orderId"] == .number("29"))
        let all = client.send("GET", "/sapi/v1/margin/allOrders", "symbol=LTCBTC")
        guard case .array(let orders)? = all.json else {
            Issue.record("allOrders is not an array: \(all.bodyText)")
            return
        }
        // 32 and 33 are the legs of the demo OCO list 7.
        #expect(orders.map { $0["orderId"]?.integerValue } == [27, 28, 29, 30, 32, 33])
        #expect(orders[2]["status"]?.stringValue == "CANCELED")
        #expect(orders[0]["status"]?.stringValue == "FILLED")
    }

    @Test func filledOrdersCannotBeCanceled() {
        #expect(TestClient().cancel("symbol=LTCBTC&orderId=27").code == -2011)
    }

    @Test func anIsolatedOrderIsUnknownToACrossCancel() {
        let client = TestClient()
        let cross = client.cancel("symbol=LTCBTC&orderId=31")
        #expect(cross.code == -2011)
        #expect(client.cancel("symbol=LTCBTC&isIsolated=FALSE&orderId=31").code == -2011)
        let isolated = client.cancel("symbol=LTCBTC&isIsolated=TRUE&orderId=31")
        #expect(isolated.status == 200)
        #expect(isolated.json?["isIsolated"] == .bool(true))
        // And the other way round: a cross order is unknown to an isolated cancel.
        #expect(client.cancel("symbol=LTCBTC&isIsolated=TRUE&orderId=29").code == -2011)
        #expect(client.cancel("symbol=LTCBTC&isIsolated=true&orderId=29").code == -2011)
    }

    @Test func bothIdsMustNameTheSameOrder() {
        let client = TestClient()
        #expect(client.cancel("symbol=LTCBTC&orderId=29&origClientOrderId=myOrder1").code == -2011)
        #expect(client.cancel("symbol=LTCBTC&orderId=29&origClientOrderId=myOrder2").status == 200)
    }

    @Test func queryOfAMissingOrderIs2013() {
        let response = TestClient().send("GET", "/sapi/v1/margin/order", "symbol=LTCBTC&orderId=99999")
        #expect(response.code == -2013)
        #expect(response.message == "Order does not exist.")
    }

    @Test func openOrdersListsOneModeAndShrinksAfterACancel() {
        let client = TestClient()
        let before = client.send("GET", "/sapi/v1/margin/openOrders", "symbol=LTCBTC")
        guard case .array(let orders)? = before.json else {
            Issue.record("not an array: \(before.bodyText)")
            return
        }
        #expect(orders.map { $0["orderId"]?.integerValue } == [28, 29, 30, 32, 33])
        #expect(orders[0]["status"]?.stringValue == "PARTIALLY_FILLED")
        _ = client.cancel("symbol=LTCBTC&orderId=30")
        let after = client.send("GET", "/sapi/v1/margin/openOrders", "symbol=LTCBTC")
        guard case .array(let remaining)? = after.json else { return }
        #expect(remaining.count == 4)
        let isolated = client.send("GET", "/sapi/v1/margin/openOrders", "symbol=LTCBTC&isIsolated=TRUE")
        guard case .array(let isolatedOrders)? = isolated.json else { return }
        #expect(isolatedOrders.map { $0["orderId"]?.integerValue } == [31, 34, 35])
        #expect(client.send("GET", "/sapi/v1/margin/openOrders", "isIsolated=TRUE").code == -1102)
    }

    @Test func cancelAllEmptiesOneSymbolAndModeOnly() {
        let client = TestClient()
        let response = client.send("DELETE", "/sapi/v1/margin/openOrders", "symbol=LTCBTC")
        guard case .array(let canceled)? = response.json else {
            Issue.record("not an array: \(response.bodyText)")
            return
        }
        // The plain orders, then the OCO list 7 as one entry with both legs canceled.
        #expect(canceled.map { $0["orderId"]?.integerValue } == [28, 29, 30, nil])
        #expect(canceled.prefix(3).allSatisfy { $0["status"]?.stringValue == "CANCELED" })
        #expect(canceled.last?["orderListId"]?.integerValue == 7)
        guard case .array(let legs)? = canceled.last?["orderReports"] else {
            Issue.record("the list entry has no orderReports: \(response.bodyText)")
            return
        }
        #expect(legs.map { $0["orderId"]?.integerValue } == [32, 33])
        #expect(legs.allSatisfy { $0["status"]?.stringValue == "CANCELED" })
        #expect(client.send("DELETE", "/sapi/v1/margin/openOrders", "symbol=LTCBTC").code == -2011)
        let isolated = client.exchange.withState { $0.openOrders(symbol: "LTCBTC", isolated: true) }
        #expect(isolated.count == 3)
        let other = client.exchange.withState { $0.openOrders(symbol: "BTCUSDT", isolated: false) }
        #expect(other.count == 4)
    }

    @Test func aNonASCIISymbolWorksPercentEncoded() {
        let client = TestClient()
        let symbol = PercentEncoding.encode("币安人生USDT")
        let response = client.cancel("symbol=\(symbol)&orderId=7001")
        #expect(response.status == 200, "\(response.bodyText)")
        #expect(response.json?["symbol"]?.stringValue == "币安人生USDT")
    }

    @Test func serverTimeAndSystemStatusAreUnsigned() {
        var client = TestClient()
        client.apiKey = nil
        let time = client.raw("GET", "/api/v3/time", "")
        #expect(time.bodyText == "{\"serverTime\":\(testNow)}")
        #expect(time.header("X-MBX-USED-WEIGHT-1M") == "1")
        let status = client.raw("GET", "/sapi/v1/system/status", "")
        #expect(status.bodyText == #"{"status":0,"msg":"normal"}"#)
    }

    @Test func bulkOrdersFollowTheSymbolsHighestId() throws {
        let exchange = Exchange.demo()
        let ids = try exchange.withState { try $0.addOpenOrders(account: "demo", symbol: "LTCBTC", isolated: false, count: 100) }
        #expect(ids == 36...135) // after the demo OCO legs 32-35
        let client = TestClient(exchange)
        #expect(client.cancel("symbol=LTCBTC&orderId=135").status == 200)
        #expect(client.cancel("symbol=LTCBTC&origClientOrderId=bulkx100").status == 200)
    }

    @Test func theDemoKeysAreWellFormedAndParse() throws {
        for key in [SimulatorDemoKeys.hmacAPIKey, SimulatorDemoKeys.ed25519APIKey, SimulatorDemoKeys.rsaAPIKey] {
            #expect(ExchangeState.isWellFormedAPIKey(key))
        }
        #expect(try VerificationKey(publicKeyPEM: SimulatorDemoKeys.ed25519PublicKeyPEM).keyType == .ed25519)
        #expect(try VerificationKey(publicKeyPEM: SimulatorDemoKeys.rsaPublicKeyPEM).keyType == .rsa)
        #expect(ExchangeSeed.demo.accounts.count == 3)
        #expect(throws: SimulatorSetupError.self) { try VerificationKey(publicKeyPEM: "not a key") }
    }
}
