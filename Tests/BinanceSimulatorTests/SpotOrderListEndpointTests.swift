import BinanceAPI
import Testing

@testable import BinanceSimulator

/// The spot order-list endpoints: the list cancel's shape (no isIsolated; transactTime and
/// origQuoteOrderQty in each report), the seeded spot OCOs on their own books, a leg's cancel
/// and a cancel-all taking the whole list, the list query, and a lost answer checked by it.
@Suite struct SpotOrderListEndpointTests {
    static let path = "/api/v3/orderList"

    @Test func theListCancelAnswersTheSpotShapeInTheExchangesOrder() throws {
        let client = TestClient()
        let response = client.send("DELETE", Self.path, "symbol=LTCBTC&orderListId=11&newClientOrderId=cancelList1")
        #expect(response.status == 200, "\(response.bodyText)")
        #expect(response.header("X-MBX-USED-WEIGHT-1M") == "1")
        #expect(response.header("X-SAPI-USED-UID-WEIGHT-1M") == nil && response.header("X-SAPI-USED-IP-WEIGHT-1M") == nil)
        let report =
            #"{"symbol":"LTCBTC","origClientOrderId":"spotLtcOco11Limit","orderId":103,"orderListId":11,"#
            + #""clientOrderId":"cancelList1","transactTime":\#(testNow),"price":"0.00220000","origQty":"3.00000000","#
            + #""executedQty":"0.00000000","origQuoteOrderQty":"0.00000000","cummulativeQuoteQty":"0.00000000","#
            + #""status":"CANCELED","timeInForce":"GTC","type":"LIMIT_MAKER","side":"SELL","selfTradePreventionMode":"NONE"}"#
        #expect(
            response.bodyText
                == #"{"orderListId":11,"contingencyType":"OCO","listStatusType":"ALL_DONE","listOrderStatus":"ALL_DONE","#
                + #""listClientOrderId":"spotLtcOco11","transactionTime":\#(testNow),"symbol":"LTCBTC","#
                + #""orders":[{"symbol":"LTCBTC","orderId":103,"clientOrderId":"spotLtcOco11Limit"},"#
                + #"{"symbol":"LTCBTC","orderId":104,"clientOrderId":"spotLtcOco11Stop"}],"orderReports":["# + report
                + #",{"symbol":"LTCBTC","origClientOrderId":"spotLtcOco11Stop","orderId":104,"orderListId":11,"#
                + #""clientOrderId":"cancelList1","transactTime":\#(testNow),"price":"0.00129000","origQty":"3.00000000","#
                + #""executedQty":"0.00000000","origQuoteOrderQty":"0.00000000","cummulativeQuoteQty":"0.00000000","#
                + #""status":"CANCELED","timeInForce":"GTC","type":"STOP_LOSS_LIMIT","side":"SELL","stopPrice":"0.00130000","#
                + #""selfTradePreventionMode":"NONE"}]}"#)
        let list = try OrderList(json: try JSONValue.parse(response.body))
        #expect(list.isIsolated == nil && list.orderReports.map(\.orderId) == [103, 104])
        // The legs left the spot book; the spot orders of no list and the margin list stayed.
        #expect(client.exchange.withState { $0.openSpotOrders(symbol: "LTCBTC").map(\.orderId) } == [101, 102])
        #expect(client.exchange.withState { $0.orderList(symbol: "LTCBTC", isolated: false, orderListId: 7)?.isDone } == false)
        let again = client.send("DELETE", Self.path, "symbol=LTCBTC&orderListId=11")
        #expect(again.code == -2011 && again.message == "Unknown order list sent.")
    }

    @Test func spotAndMarginListsAreApart() {
        let client = TestClient()
        // 7 is a cross-margin list: the spot cancel does not know it, nor the margin cancel 12.
        #expect(client.send("DELETE", Self.path, "symbol=LTCBTC&orderListId=7").code == -2011)
        #expect(client.send("DELETE", "/sapi/v1/margin/orderList", "symbol=BTCUSDT&orderListId=12").code == -2011)
        #expect(client.send("GET", Self.path, "orderListId=9").code == -2018)
        #expect(client.exchange.withState { $0.spotOrderList(symbol: "BTCUSDT", orderListId: 12)?.isDone } == false)
    }

    @Test func theListIsNamedByEitherIdAndBothMustAgree() {
        let client = TestClient()
        #expect(client.send("DELETE", Self.path, "symbol=BTCUSDT&orderListId=12&listClientOrderId=spotLtcOco11").code == -2011)
        #expect(client.send("DELETE", Self.path, "symbol=LTCBTC&orderListId=12").code == -2011)
        let neither = client.send("DELETE", Self.path, "symbol=BTCUSDT")
        #expect(neither.message == "Param 'orderListId' or 'listClientOrderId' must be sent, but both were empty/null!")
        #expect(client.send("DELETE", Self.path, "listClientOrderId=spotBtcOco12").code == -1102)
        let byClientId = client.send("DELETE", Self.path, "symbol=BTCUSDT&listClientOrderId=spotBtcOco12")
        #expect(byClientId.status == 200 && byClientId.json?["orderListId"]?.integerValue == 12)
        // Without newClientOrderId one generated id names the cancel on every report.
        guard case .array(let reports)? = byClientId.json?["orderReports"], reports.count == 2 else {
            Issue.record("no two order reports: \(byClientId.bodyText)")
            return
        }
        #expect(reports[0]["clientOrderId"] != nil && reports[0]["clientOrderId"] == reports[1]["clientOrderId"])
    }

    @Test func cancelingOneSpotLegCancelsTheWholeListAndAnswersTheOneOrder() {
        let client = TestClient()
        let leg = client.send("GET", "/api/v3/order", "symbol=BTCUSDT&orderId=2003")
        #expect(leg.json?["orderListId"]?.integerValue == 12 && leg.json?["status"]?.stringValue == "NEW")
        let response = client.send("DELETE", "/api/v3/order", "symbol=BTCUSDT&orderId=2004")
        #expect(response.status == 200, "\(response.bodyText)")
        #expect(response.json?["orderId"]?.integerValue == 2004 && response.json?["orderListId"]?.integerValue == 12)
        #expect(response.json?["orders"] == nil)
        #expect(client.exchange.withState { $0.openSpotOrders(symbol: "BTCUSDT").map(\.orderId) } == [2001, 2002])
        let query = client.send("GET", Self.path, "orderListId=12")
        #expect(
            query.json?["listOrderStatus"]?.stringValue == "ALL_DONE" && query.json?["listStatusType"]?.stringValue == "ALL_DONE")
        #expect(client.send("DELETE", Self.path, "symbol=BTCUSDT&orderListId=12").code == -2011)
    }

    @Test func aSpotCancelAllAnswersTheListAsOneEntry() {
        let client = TestClient()
        let response = client.send("DELETE", "/api/v3/openOrders", "symbol=LTCBTC")
        guard case .array(let entries)? = response.json else {
            Issue.record("cancel-all is not an array: \(response.bodyText)")
            return
        }
        #expect(entries.map { $0["orderId"]?.integerValue } == [101, 102, nil])
        #expect(entries.last?["orderListId"]?.integerValue == 11 && entries.last?["listOrderStatus"]?.stringValue == "ALL_DONE")
        #expect(client.exchange.withState { $0.openSpotOrders(symbol: "LTCBTC") }.isEmpty)
        #expect(client.exchange.withState { $0.spotOrderList(symbol: "LTCBTC", orderListId: 11)?.isDone } == true)
    }

    @Test func theListQueryTakesNoSymbolAndWeighs4() throws {
        let client = TestClient()
        let response = client.send("GET", Self.path, "origClientOrderId=spotBtcOco12")
        #expect(response.status == 200, "\(response.bodyText)")
        #expect(response.header("X-MBX-USED-WEIGHT-1M") == "4")
        #expect(
            response.bodyText
                == #"{"orderListId":12,"contingencyType":"OCO","listStatusType":"EXEC_STARTED","listOrderStatus":"EXECUTING","#
                + #""listClientOrderId":"spotBtcOco12","transactionTime":\#(ExchangeSeed.demoEpoch + 1_200_000),"#
                + #""symbol":"BTCUSDT","orders":[{"symbol":"BTCUSDT","orderId":2003,"clientOrderId":"spotBtcOco12Limit"},"#
                + #"{"symbol":"BTCUSDT","orderId":2004,"clientOrderId":"spotBtcOco12Stop"}]}"#)
        #expect(client.send("GET", Self.path, "").code == -1102)
        let missing = client.send("GET", Self.path, "orderListId=99")
        #expect(missing.code == -2018 && missing.message == "Order list does not exist.")
    }

    @Test func aSpotListCancelReadsItsFormBody() {
        let client = TestClient()
        let body = client.signedQuery("symbol=LTCBTC&orderListId=11", timestamp: testNow)
        let response = client.raw("DELETE", Self.path, "", body: body)
        #expect(response.status == 200, "\(response.bodyText)")
        #expect(response.json?["listOrderStatus"]?.stringValue == "ALL_DONE")
    }

    @Test func aSpotListCancelWhoseAnswerIsLostIsCheckedByQueryingTheList() async throws {
        let exchange = Exchange.demo()
        let transport = OrderListEndpointTests.LosingFirstAnswer(inner: SimulatorTransport(exchange: exchange))
        let client = ExchangeClient(transport: transport, credentials: DemoCredentials.hmac)
        let result = try await client.perform(CancelSpotOrderList(symbol: "BTCUSDT", listClientOrderId: "spotBtcOco12"))
        // The check's answer (GET /api/v3/orderList) stands in for the lost one: ALL_DONE, sent once.
        #expect(result.response.orderListId == 12 && result.response.listOrderStatus == "ALL_DONE")
        #expect(exchange.withState { $0.spotOrderList(symbol: "BTCUSDT", orderListId: 12)?.isDone } == true)
        await #expect(throws: ClientError.self) {
            try await client.perform(CancelSpotOrderList(symbol: "BTCUSDT", orderListId: 12))
        }
    }

    @Test func theJudgementOfASpotListCheck() throws {
        let cancel = CancelSpotOrderList(symbol: "BTCUSDT", orderListId: 12)
        func list(_ fields: String) throws -> OrderList {
            try OrderList(
                json: try JSONValue.parse(
                    Array(
                        (#"{"orderListId":12,"contingencyType":"OCO","listStatusType":"ALL_DONE","transactionTime":1,"#
                            + #""listClientOrderId":"spotBtcOco12","orders":[],"# + fields + "}").utf8)))
        }
        guard case .applied = cancel.judge(try list(#""listOrderStatus":"ALL_DONE","symbol":"BTCUSDT""#)) else {
            Issue.record("an ALL_DONE spot list was not judged applied")
            return
        }
        guard case .notApplied = cancel.judge(try list(#""listOrderStatus":"EXECUTING","symbol":"BTCUSDT""#)) else {
            Issue.record("an executing spot list was not judged not applied")
            return
        }
        // The query takes no symbol: another symbol's list with the same id proves nothing.
        guard case .unrelated = cancel.judge(try list(#""listOrderStatus":"ALL_DONE","symbol":"LTCBTC""#)) else {
            Issue.record("another symbol's list was not judged unrelated")
            return
        }
        guard case .unrelated = cancel.judge(try list(#""listOrderStatus":"ALL_DONE","symbol":"BTCUSDT","isIsolated":false"#))
        else {
            Issue.record("a margin list was not judged unrelated to a spot cancel")
            return
        }
        #expect(cancel.outcomeCheck.parameters.map(\.name) == ["orderListId"])
    }

    @Test func aSeededSpotListsLegsAreSpotOrders() {
        var seed = ExchangeSeed.demo
        guard let index = seed.orderLists.firstIndex(where: { $0.list.account == .spot }) else {
            Issue.record("the demo seeds no spot list")
            return
        }
        seed.orderLists[index].legs[0].isIsolated = true
        #expect(throws: SimulatorSetupError.self) { try ExchangeState(seed: seed) }
    }
}
