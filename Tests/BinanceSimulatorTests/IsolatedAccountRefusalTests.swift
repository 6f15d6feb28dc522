import BinanceAPI
import Testing

@testable import BinanceSimulator

/// What the exchange refuses before looking at the books: an isolated cancel where there is no
/// isolated margin account (-11001), and a key it does not know, on every route (-2015).
@Suite struct IsolatedAccountRefusalTests {
    @Test func anIsolatedCancelWithoutAnIsolatedAccountIs11001AndChangesNothing() {
        let client = TestClient()
        let before = client.exchange.withState { $0.stateJSON() }
        // ETHUSDT is listed and has cross margin, but the demo account has no isolated account on it.
        for response in [
            client.cancel("symbol=ETHUSDT&isIsolated=TRUE&orderId=1"),
            client.send("DELETE", "/sapi/v1/margin/openOrders", "symbol=ETHUSDT&isIsolated=TRUE")
        ] {
            #expect(response.status == 400)
            #expect(response.bodyText == #"{"code":-11001,"msg":"Isolated margin account does not exist."}"#)
        }
        #expect(client.exchange.withState { $0.stateJSON() } == before)
        // Parameters are judged first, and the cross book of the same symbol is unaffected.
        #expect(client.cancel("symbol=ETHUSDT&isIsolated=TRUE").code == -1102)
        #expect(client.cancel("symbol=ETHUSDT&orderId=1").code == -2011)
        // Where the account exists, an unknown order is still the classic -2011.
        #expect(client.cancel("symbol=LTCBTC&isIsolated=TRUE&orderId=999").code == -2011)
    }

    @Test func isolatedOrdersWithoutAWalletStillMakeAnAccount() throws {
        let client = TestClient()
        try client.exchange.withState { state in
            try state.add(
                SimulatedOrder(
                    symbol: "ETHUSDT", isIsolated: true, orderId: 77, clientOrderId: "seededIso", price: "2900.00",
                    origQty: "0.10000000", side: "BUY", time: ExchangeSeed.demoEpoch),
                account: SimulatorDemoKeys.accountName)
        }
        let response = client.cancel("symbol=ETHUSDT&isIsolated=TRUE&orderId=77")
        #expect(response.status == 200, "\(response.bodyText)")
        #expect(response.json?["status"]?.stringValue == "CANCELED")
    }

    @Test func anUnknownKeyIs2015OnEverySignedRouteAndEveryControl() {
        var client = TestClient()
        client.apiKey = String(repeating: "Z", count: 64)
        let signed = SimulatorRoute.table.filter(\.isSigned)
        #expect(signed.count >= 10)
        for route in signed {
            let response = client.send(route.method, route.path, "symbol=LTCBTC&orderId=28")
            #expect(response.status == 401, "\(route.method) \(route.path)")
            #expect(
                response.bodyText == #"{"code":-2015,"msg":"Invalid API-key, IP, or permissions for action."}"#,
                "\(route.method) \(route.path)")
        }
        for control in ["price", "step", "order"] {
            #expect(client.raw("POST", "/bnc-sim/v1/" + control, "symbol=LTCBTC&price=1").code == -2015, "\(control)")
        }
        client.apiKey = "short"
        for route in signed {
            #expect(client.send(route.method, route.path, "symbol=LTCBTC").code == -2014, "\(route.method) \(route.path)")
        }
    }
}
