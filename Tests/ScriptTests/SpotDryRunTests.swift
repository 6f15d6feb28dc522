import BNCTestSupport
import BinanceAPI
import Testing

@testable import Script

/// Each spot statement's dry run: the documented endpoint, parameters in the documented order,
/// `timestamp` last, signed with HMAC-SHA256 over exactly that text (checked with openssl, not
/// with bnc's signer).
@Suite struct SpotDryRunTests {
    static let cases: [(statement: String, line: String, query: String, weight: Int)] = [
        (
            "cancel BTCUSDT cid=spotBtcBuy1 spot id=2001 recv=5000 only=new newcid=c1", "DELETE /api/v3/order",
            "symbol=BTCUSDT&orderId=2001&origClientOrderId=spotBtcBuy1&newClientOrderId=c1&cancelRestrictions=ONLY_NEW"
                + "&recvWindow=5000&timestamp=1499827319559", 1
        ),
        (
            "order BTCUSDT spot cid=spotBtcFilled id=2000", "GET /api/v3/order",
            "symbol=BTCUSDT&orderId=2000&origClientOrderId=spotBtcFilled&timestamp=1499827319559", 4
        ),
        ("open LTCBTC spot recv=3000", "GET /api/v3/openOrders", "symbol=LTCBTC&recvWindow=3000&timestamp=1499827319559", 6),
        ("open spot", "GET /api/v3/openOrders", "timestamp=1499827319559", 80),
        (
            "orders BTCUSDT limit=1000 end=1700000001000 start=1700000000000 from=5 spot", "GET /api/v3/allOrders",
            "symbol=BTCUSDT&orderId=5&startTime=1700000000000&endTime=1700000001000&limit=1000&timestamp=1499827319559",
            20
        ),
        (
            "cancel-all LTCBTC spot recv=4000", "DELETE /api/v3/openOrders",
            "symbol=LTCBTC&recvWindow=4000&timestamp=1499827319559", 1
        ),
        (
            "cancel-list BTCUSDT recv=5000 newcid=c2 listcid=spotBtcOco12 spot listid=12", "DELETE /api/v3/orderList",
            "symbol=BTCUSDT&orderListId=12&listClientOrderId=spotBtcOco12&newClientOrderId=c2&recvWindow=5000"
                + "&timestamp=1499827319559", 1
        )
    ]

    @Test(arguments: cases.indices)
    func theDryRunPrintsTheDocumentedSignedRequest(_ index: Int) async throws {
        let expected = Self.cases[index]
        let harness = Harness()
        let outcome = await harness.run(expected.statement)
        #expect(outcome.diagnostics.isEmpty, "\(outcome.diagnostics.map(\.message))")
        let request = try #require(harness.output.requests.first)
        #expect("\(request.method.rawValue) \(request.path)" == expected.line)
        #expect(request.query == expected.query)
        #expect(request.weight == RequestWeight(expected.weight, .ip) && request.limitFamily == .api)
        let signature = try OpenSSL.hmac(expected.query, secret: DemoCredentials.secret)
        #expect(request.urlQuery == expected.query + "&signature=" + signature)
    }

    @Test func spotOrdersTakeUpTo1000AndMarginUpTo500() {
        let harness = Harness()
        #expect(harness.checkText("orders BTCUSDT spot limit=1000").isEmpty)
        #expect(harness.checkText("orders BTCUSDT spot limit=1001").contains("limit 1001 is out of range"))
        #expect(harness.checkText("orders BTCUSDT limit=1000").contains("limit 1000 is out of range"))
    }

    @Test func everySpotStatementRefusesIsolatedToo() {
        for statement in [
            "order BTCUSDT id=1 spot isolated", "open BTCUSDT isolated spot", "cancel-all BTCUSDT spot isolated",
            "cancel-list BTCUSDT listid=12 isolated spot"
        ] {
            #expect(Harness().checkText(statement).contains("name two accounts"), "\(statement)")
        }
    }
}
