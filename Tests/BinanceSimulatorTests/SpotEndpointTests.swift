import BinanceAPI
import Testing

@testable import BinanceSimulator

/// The spot order endpoints: their own books (apart from margin), the exchange's shapes,
/// weights in the `/api` family, `cancelRestrictions`, and form bodies read on a spot DELETE.
@Suite struct SpotEndpointTests {
    func spotCancel(_ client: TestClient, _ query: String) -> SimulatorResponse {
        client.send("DELETE", "/api/v3/order", query)
    }

    @Test func cancelAnswersWithTheSpotShapeInTheExchangesOrder() {
        let response = spotCancel(TestClient(), "symbol=BTCUSDT&orderId=2001&newClientOrderId=cancelMyOrder1")
        #expect(response.status == 200)
        #expect(
            response.bodyText
                == #"{"symbol":"BTCUSDT","origClientOrderId":"spotBtcBuy1","orderId":2001,"orderListId":-1,"#
                + #""clientOrderId":"cancelMyOrder1","transactTime":\#(testNow),"price":"61000.00","#
                + #""origQty":"0.01500000","executedQty":"0.00000000","origQuoteOrderQty":"0.00000000","#
                + #""cummulativeQuoteQty":"0.00000000","status":"CANCELED","timeInForce":"GTC","type":"LIMIT","#
                + #""side":"BUY","selfTradePreventionMode":"NONE"}"#)
        #expect(response.header("X-MBX-USED-WEIGHT-1M") == "1")
        #expect(response.header("X-SAPI-USED-IP-WEIGHT-1M") == nil)
    }

    @Test func spotAndMarginBooksAreApart() {
        let client = TestClient()
        // 28 is a margin order: the spot cancel does not know it, and 2001 is unknown to margin.
        #expect(spotCancel(client, "symbol=LTCBTC&orderId=28").code == -2011)
        #expect(client.cancel("symbol=BTCUSDT&orderId=2001").code == -2011)
        #expect(client.exchange.withState { $0.openOrders(symbol: "LTCBTC", isolated: false) }.contains { $0.orderId == 28 })
        let open = client.send("GET", "/api/v3/openOrders", "symbol=LTCBTC")
        guard case .array(let orders)? = open.json else {
            Issue.record("openOrders is not an array: \(open.bodyText)")
            return
        }
        // 103 and 104 are the legs of the spot OCO #11: they carry its orderListId.
        #expect(orders.map { $0["orderId"]?.integerValue } == [101, 102, 103, 104])
        #expect(orders.map { $0["orderListId"]?.integerValue } == [-1, -1, 11, 11])
        #expect(orders.allSatisfy { $0["isIsolated"] == nil })
    }

    @Test func cancelRestrictionsAreHonoured() {
        let client = TestClient()
        let refused = spotCancel(client, "symbol=BTCUSDT&orderId=2002&cancelRestrictions=ONLY_NEW")
        #expect(refused.code == -2011 && refused.message == "Order was not canceled due to cancel restrictions.")
        #expect(client.exchange.withState { $0.openSpotOrders(symbol: "BTCUSDT") }.contains { $0.orderId == 2002 })
        let bad = spotCancel(client, "symbol=BTCUSDT&orderId=2002&cancelRestrictions=ONLY_FILLED")
        #expect(bad.code == -1145 && bad.message == "Invalid cancelRestrictions")
        let done = spotCancel(client, "symbol=BTCUSDT&orderId=2002&cancelRestrictions=ONLY_PARTIALLY_FILLED")
        #expect(done.status == 200 && done.json?["status"]?.stringValue == "CANCELED")
        #expect(spotCancel(client, "symbol=BTCUSDT&orderId=2002").message == "Unknown order sent.")
    }

    @Test func queryAndAllOrdersFindClosedOrdersToo() {
        let client = TestClient()
        let query = client.send("GET", "/api/v3/order", "symbol=BTCUSDT&origClientOrderId=spotBtcFilled")
        #expect(query.json?["status"]?.stringValue == "FILLED" && query.json?["orderId"]?.integerValue == 2000)
        #expect(query.header("X-MBX-USED-WEIGHT-1M") == "4")
        #expect(client.send("GET", "/api/v3/order", "symbol=BTCUSDT&orderId=9").code == -2013)
        let all = client.send("GET", "/api/v3/allOrders", "symbol=BTCUSDT&limit=1000")
        guard case .array(let orders)? = all.json else {
            Issue.record("allOrders is not an array: \(all.bodyText)")
            return
        }
        #expect(orders.map { $0["orderId"]?.integerValue } == [2000, 2001, 2002, 2003, 2004])
        #expect(client.send("GET", "/api/v3/allOrders", "symbol=BTCUSDT&limit=1001").code == -1130)
    }

    @Test func openOrdersWeigh6WithASymbolAnd80Without() {
        let client = TestClient()
        #expect(client.send("GET", "/api/v3/openOrders", "symbol=BTCUSDT").header("X-MBX-USED-WEIGHT-1M") == "6")
        #expect(client.send("GET", "/api/v3/openOrders", "").header("X-MBX-USED-WEIGHT-1M") == "86")
    }

    @Test func cancelAllCancelsTheSymbolsSpotOrdersOnly() {
        let client = TestClient()
        let response = client.send("DELETE", "/api/v3/openOrders", "symbol=LTCBTC")
        guard case .array(let entries)? = response.json else {
            Issue.record("cancel-all is not an array: \(response.bodyText)")
            return
        }
        // The OCO's legs 103 and 104 go as one list entry (SpotOrderListEndpointTests).
        #expect(entries.map { $0["orderId"]?.integerValue } == [101, 102, nil])
        #expect(client.exchange.withState { $0.openSpotOrders(symbol: "LTCBTC") }.isEmpty)
        #expect(!client.exchange.withState { $0.openOrders(symbol: "LTCBTC", isolated: false) }.isEmpty)
        #expect(client.send("DELETE", "/api/v3/openOrders", "symbol=LTCBTC").code == -2011)
    }

    @Test func aSpotDeleteReadsItsFormBodyButAMarginDeleteDoesNot() {
        let client = TestClient()
        let body = client.signedQuery("symbol=BTCUSDT&orderId=2001", timestamp: testNow)
        let spot = client.raw("DELETE", "/api/v3/order", "", body: body)
        #expect(spot.status == 200, "\(spot.bodyText)")
        let marginBody = client.signedQuery("symbol=LTCBTC&orderId=29", timestamp: testNow)
        #expect(client.raw("DELETE", "/sapi/v1/margin/order", "", body: marginBody).code == -1102)
    }
}
