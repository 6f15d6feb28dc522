import BinanceAPI
import Synchronization
import Testing

@testable import BinanceSimulator

/// The margin order-list endpoints: the list cancel's shape, the seeded OCOs, a leg's cancel
/// taking its whole list, and the list query used to check a cancel of unknown outcome.
@Suite struct OrderListEndpointTests {
    static let path = "/sapi/v1/margin/orderList"

    @Test func theListCancelAnswersTheListThenEachCanceledLeg() throws {
        let client = TestClient()
        let response = client.send("DELETE", Self.path, "symbol=LTCBTC&orderListId=7")
        #expect(response.status == 200, "\(response.bodyText)")
        let body = response.bodyText
        // The exchange's fields, in its order.
        #expect(
            body.hasPrefix(
                #"{"orderListId":7,"contingencyType":"OCO","listStatusType":"ALL_DONE","listOrderStatus":"ALL_DONE","#
                    + #""listClientOrderId":"ltcOco7","transactionTime":\#(testNow),"symbol":"LTCBTC","isIsolated":false,"#
                    + #""orders":[{"symbol":"LTCBTC","orderId":32,"clientOrderId":"ltcOco7Limit"},"#
                    + #"{"symbol":"LTCBTC","orderId":33,"clientOrderId":"ltcOco7Stop"}],"orderReports":[{"#), "\(body)")
        let list = try OrderList(json: try JSONValue.parse(response.body))
        #expect(list.legs.map(\.orderId) == [32, 33])
        #expect(list.orderReports.map(\.orderId) == [32, 33])
        #expect(list.orderReports.allSatisfy { $0.status == "CANCELED" && $0.origClientOrderId != nil })
        #expect(list.orderReports[1].json["stopPrice"]?.stringValue == "0.00120000")
        #expect(client.exchange.withState { $0.openOrders(symbol: "LTCBTC", isolated: false).map(\.orderId) } == [28, 29, 30])
        // Done now: a second cancel finds no executing list.
        let again = client.send("DELETE", Self.path, "symbol=LTCBTC&orderListId=7")
        #expect(again.code == -2011)
        #expect(again.message == "Unknown order list sent.")
    }

    @Test func aStopLegsQueryReportsItsStopPrice() throws {
        let client = TestClient()
        // The stop leg of the seeded LTCBTC OCO (#33, list 7), asked alone and among the open orders:
        // the exchange reports its trigger price, not zero (the list keeps it).
        let one = try JSONValue.parse(client.send("GET", "/sapi/v1/margin/order", "symbol=LTCBTC&orderId=33").body)
        #expect(one["stopPrice"]?.stringValue == "0.00120000" && one["type"]?.stringValue == "STOP_LOSS_LIMIT")
        let open = try JSONValue.parse(client.send("GET", "/sapi/v1/margin/openOrders", "symbol=LTCBTC").body)
        guard case .array(let orders) = open else {
            Issue.record("not a list: \(open)")
            return
        }
        let stops = orders.compactMap { $0["orderId"]?.integerValue == 33 ? $0["stopPrice"]?.stringValue : nil }
        #expect(stops == ["0.00120000"])
        // An order outside any list keeps the exchange's zero.
        let plain = try JSONValue.parse(client.send("GET", "/sapi/v1/margin/order", "symbol=LTCBTC&orderId=29").body)
        #expect(plain["stopPrice"]?.stringValue == "0.00000000")
    }

    @Test func theListIsNamedByEitherIdAndBothMustAgree() {
        let client = TestClient()
        #expect(client.send("DELETE", Self.path, "symbol=BTCUSDT&orderListId=9&listClientOrderId=ltcOco7").code == -2011)
        #expect(client.send("DELETE", Self.path, "symbol=BTCUSDT&listClientOrderId=btcOco9").status == 200)
        let neither = client.send("DELETE", Self.path, "symbol=BTCUSDT")
        #expect(neither.code == -1102)
        #expect(neither.message == "Param 'orderListId' or 'listClientOrderId' must be sent, but both were empty/null!")
        #expect(client.send("DELETE", Self.path, "listClientOrderId=btcOco9").code == -1102)
    }

    @Test func anIsolatedListIsUnknownToACrossCancel() {
        let client = TestClient()
        #expect(client.send("DELETE", Self.path, "symbol=LTCBTC&orderListId=8").code == -2011)
        #expect(client.send("DELETE", Self.path, "symbol=LTCBTC&isIsolated=TRUE&orderListId=7").code == -2011)
        let isolated = client.send("DELETE", Self.path, "symbol=LTCBTC&isIsolated=TRUE&orderListId=8")
        #expect(isolated.status == 200)
        #expect(isolated.json?["isIsolated"] == .bool(true))
        // The cross list is untouched.
        #expect(client.exchange.withState { $0.orderList(symbol: "LTCBTC", isolated: false, orderListId: 7)?.isDone } == false)
    }

    @Test func cancelingOneLegCancelsTheWholeListAndAnswersTheOneOrder() {
        let client = TestClient()
        let response = client.cancel("symbol=BTCUSDT&isIsolated=TRUE&orderId=1007")
        #expect(response.status == 200)
        #expect(response.json?["orderId"]?.integerValue == 1007)
        #expect(response.json?["orders"] == nil)
        let legs = client.exchange.withState { state in
            [1006, 1007].map { state.order(symbol: "BTCUSDT", isolated: true, orderId: $0)?.status }
        }
        #expect(legs == [.canceled, .canceled])
        let query = client.send("GET", Self.path, "isIsolated=TRUE&symbol=BTCUSDT&orderListId=10")
        #expect(query.json?["listOrderStatus"]?.stringValue == "ALL_DONE")
        #expect(client.send("DELETE", Self.path, "symbol=BTCUSDT&isIsolated=TRUE&orderListId=10").code == -2011)
    }

    @Test func theListQueryFindsCrossListsWithoutASymbol() throws {
        let client = TestClient()
        let cross = client.send("GET", Self.path, "orderListId=9")
        #expect(cross.status == 200, "\(cross.bodyText)")
        let list = try OrderList(json: try JSONValue.parse(cross.body))
        #expect(list.symbol == "BTCUSDT" && list.listOrderStatus == "EXECUTING" && list.listStatusType == "EXEC_STARTED")
        #expect(list.orderReports.isEmpty && list.legs.map(\.orderId) == [1004, 1005])
        #expect(client.send("GET", Self.path, "origClientOrderId=ltcOco7").json?["orderListId"]?.integerValue == 7)
        #expect(client.send("GET", Self.path, "isIsolated=TRUE&orderListId=8").code == -1102)
        let missing = client.send("GET", Self.path, "orderListId=8") // isolated: not a cross list
        #expect(missing.code == -2018)
        #expect(missing.message == "Order list does not exist.")
    }

    @Test func theListCancelCountsUIDWeight() {
        let response = TestClient().send("DELETE", Self.path, "symbol=LTCBTC&orderListId=7")
        #expect(response.header("X-SAPI-USED-UID-WEIGHT-1M") == "1")
        #expect(response.header("X-SAPI-USED-IP-WEIGHT-1M") == nil)
    }

    @Test func aSeededListMustNameItsOwnLegs() {
        var seed = ExchangeSeed.demo
        seed.orderLists[0].list.orderIds = [32, 99]
        #expect(throws: SimulatorSetupError.self) { try ExchangeState(seed: seed) }
    }

    /// Forwards to the simulator; the first write's answer is replaced by a 503 after the
    /// simulator acted on it (the effect happened, the answer was lost).
    final class LosingFirstAnswer: Transport {
        let inner: SimulatorTransport
        let lost = Mutex(false)
        init(inner: SimulatorTransport) { self.inner = inner }
        var endpointName: String { inner.endpointName }
        var baseURL: String { inner.baseURL }

        func send(_ request: PreparedRequest) async throws(TransportError) -> TransportResponse {
            let response = try await inner.send(request)
            let lose =
                request.method == .delete
                && lost.withLock { done in
                    defer { done = true }
                    return !done
                }
            return lose ? TransportResponse(status: 503, headers: [], body: []) : response
        }
    }

    @Test func aListCancelWhoseAnswerIsLostIsCheckedByQueryingTheList() async throws {
        let exchange = Exchange.demo()
        let transport = LosingFirstAnswer(inner: SimulatorTransport(exchange: exchange))
        let client = ExchangeClient(transport: transport, credentials: DemoCredentials.hmac)
        let result = try await client.perform(CancelMarginOrderList(symbol: "BTCUSDT", isIsolated: true, orderListId: 10))
        // The check's answer stands in for the lost one: the list, ALL_DONE, sent once.
        #expect(result.response.orderListId == 10 && result.response.listOrderStatus == "ALL_DONE")
        #expect(exchange.withState { $0.orderList(symbol: "BTCUSDT", isolated: true, orderListId: 10)?.isDone } == true)
        // A second cancel now finds nothing: had bnc re-sent blindly, it would have drawn -2011.
        await #expect(throws: ClientError.self) {
            try await client.perform(CancelMarginOrderList(symbol: "BTCUSDT", isIsolated: true, orderListId: 10))
        }
    }

    @Test func theJudgementOfAListCheck() throws {
        let cancel = CancelMarginOrderList(symbol: "LTCBTC", orderListId: 7)
        func list(_ fields: String) throws -> OrderList {
            try OrderList(
                json: try JSONValue.parse(
                    Array(
                        (#"{"orderListId":7,"contingencyType":"OCO","listStatusType":"EXEC_STARTED","transactionTime":1,"#
                            + #""listClientOrderId":"ltcOco7","orders":[],"# + fields + "}").utf8)))
        }
        guard case .notApplied = cancel.judge(try list(#""listOrderStatus":"EXECUTING","symbol":"LTCBTC""#)) else {
            Issue.record("an executing list was not judged not applied")
            return
        }
        guard case .applied = cancel.judge(try list(#""listOrderStatus":"ALL_DONE","symbol":"LTCBTC""#)) else {
            Issue.record("an ALL_DONE list was not judged applied")
            return
        }
        guard case .unrelated = cancel.judge(try list(#""listOrderStatus":"ALL_DONE","symbol":"BTCUSDT""#)) else {
            Issue.record("another symbol's list was not judged unrelated")
            return
        }
        guard case .unrelated = cancel.judge(try list(#""listOrderStatus":"ALL_DONE","symbol":"LTCBTC","isIsolated":true"#))
        else {
            Issue.record("an isolated list was not judged unrelated to a cross cancel")
            return
        }
        guard case .unrelated = cancel.judge(try list(#""listOrderStatus":"\u001b[2J","symbol":"LTCBTC""#)) else {
            Issue.record("an unknown list status was not judged unknown")
            return
        }
    }
}
