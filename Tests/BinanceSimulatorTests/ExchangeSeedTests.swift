import BinanceAPI
import Testing

@testable import BinanceSimulator

/// Seed files: accounts and orders from JSON, with clear errors for bad ones.
@Suite struct ExchangeSeedTests {
    @Test func aSeedFileReplacesTheDemoOrdersAndAddsAccounts() throws {
        let aliceKey = String(repeating: "a", count: 64)
        let seed = try ExchangeSeed.fromJSON(
            Array(
                """
                {
                  "symbols": ["XRPBTC"],
                  "accounts": [
                    {"name": "alice", "apiKey": "\(aliceKey)", "secret": "alice-secret"},
                    {"name": "bob", "apiKey": "\(String(repeating: "B", count: 64))",
                     "publicKey": "\(SimulatorDemoKeys.ed25519PublicKeyPEM.replacingOccurrences(of: "\n", with: "\\n"))"}
                  ],
                  "orders": [
                    {"account": "alice", "symbol": "LTCBTC", "isIsolated": true, "orderId": 5, "clientOrderId": "a5",
                     "price": "0.00200000", "origQty": 3, "status": "NEW", "side": "SELL"},
                    {"symbol": "ETHBTC", "orderId": 9, "price": "0.05", "origQty": "1"}
                  ],
                  "bulk": [{"account": "alice", "symbol": "LTCBTC", "isIsolated": true, "count": 3}]
                }
                """.utf8))
        let exchange = try Exchange(seed: seed)
        #expect(exchange.withState { $0.openOrders(isolated: false).map(\.orderId) } == [9])
        #expect(exchange.withState { $0.openOrders(account: "alice", isolated: true).map(\.orderId) } == [5, 6, 7, 8])
        // The demo margin lists went with the demo orders; the spot lists stay with the spot orders.
        #expect(exchange.withState { $0.orderList(symbol: "LTCBTC", isolated: false, orderListId: 7) } == nil)
        #expect(exchange.withState { $0.spotOrderList(symbol: "LTCBTC", orderListId: 11)?.orderIds } == [103, 104])
        var alice = TestClient(exchange)
        alice.apiKey = aliceKey
        alice.signer = RequestSigner(hmacSecret: "alice-secret")
        let response = alice.cancel("symbol=LTCBTC&isIsolated=TRUE&origClientOrderId=a5")
        #expect(response.status == 200, "\(response.bodyText)")
        #expect(response.json?["origQty"]?.stringValue == "3")
        // Listed without orders: a valid symbol with nothing to cancel.
        #expect(TestClient(exchange).cancel("symbol=XRPBTC&orderId=1").code == -2011)
        // The demo keys are still there.
        #expect(TestClient(exchange).cancel("symbol=ETHBTC&orderId=9").status == 200)
    }

    @Test(arguments: [
        ("[]", "must be a JSON object"),
        (#"{"order": []}"#, "unknown key"),
        (#"{"orders": [{"symbol": "LTCBTC"}]}"#, "orderId"),
        (#"{"orders": [{"symbol": "LTCBTC", "orderId": 1, "status": "OPEN"}]}"#, "status"),
        (#"{"orders": [{"symbol": "LTCBTC", "orderId": 1, "price": "one"}]}"#, "price"),
        (#"{"accounts": [{"name": "x", "apiKey": "k"}]}"#, "secret"),
        (#"{"bulk": [{"symbol": "LTCBTC", "count": 0}]}"#, "count"),
        ("{", "invalid JSON")
    ])
    func badSeedsAreRefusedWithTheReason(json: String, reason: String) {
        do {
            _ = try ExchangeSeed.fromJSON(Array(json.utf8))
            Issue.record("accepted \(json)")
        } catch {
            #expect(error.message.contains(reason), "\(error.message)")
        }
    }

    @Test func duplicateOpenClientIdsAndBadKeysFailAtStart() throws {
        let clash = try ExchangeSeed.fromJSON(
            Array(
                #"{"orders": [{"symbol": "LTCBTC", "orderId": 1, "clientOrderId": "x"}, {"symbol": "LTCBTC", "orderId": 2, "clientOrderId": "x"}]}"#
                    .utf8))
        #expect(throws: SimulatorSetupError.self) { try Exchange(seed: clash) }
        let shortKey = try ExchangeSeed.fromJSON(Array(#"{"accounts": [{"name": "x", "apiKey": "short", "secret": "s"}]}"#.utf8))
        #expect(throws: SimulatorSetupError.self) { try Exchange(seed: shortKey) }
    }

    @Test func anUnreadableFileNamesThePath() {
        do {
            _ = try ExchangeSeed.fromFile("/nonexistent/seed.json")
            Issue.record("read a missing file")
        } catch {
            #expect(error.message.contains("/nonexistent/seed.json"))
        }
    }
}
