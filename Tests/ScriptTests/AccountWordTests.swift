import BinanceAPI
import Testing

@testable import Script

/// The account a statement acts on is a word: none for cross margin, `isolated`, `spot`. One
/// command word reaches one operation per account, and an argument of one account is refused
/// on another before anything is signed.
@Suite struct AccountWordTests {
    @Test func spotChoosesTheSpotCancelWithItsRestriction() async throws {
        let harness = Harness()
        let outcome = await harness.run("cancel BTCUSDT id=2001 spot newcid=c1 only=partial recv=5000")
        #expect(outcome.diagnostics.isEmpty)
        let request = try #require(harness.output.requests.first)
        #expect(request.method == .delete && request.path == "/api/v3/order")
        #expect(
            request.query
                == "symbol=BTCUSDT&orderId=2001&newClientOrderId=c1&cancelRestrictions=ONLY_PARTIALLY_FILLED&recvWindow=5000&timestamp=1499827319559"
        )
        #expect(request.weight == RequestWeight(1, .ip) && request.limitFamily == .api)
    }

    @Test func withoutAnAccountWordTheMarginCancelIsSent() async throws {
        let harness = Harness()
        _ = await harness.run("cancel LTCBTC id=28")
        #expect(harness.output.requests.first?.path == "/sapi/v1/margin/order")
    }

    @Test func onlyWithoutSpotIsACheckError() {
        let text = Harness().checkText("cancel LTCBTC id=28 only=new")
        #expect(text.contains("'only=' is for the spot account only: add 'spot'"), "\(text)")
        #expect(text.contains("DELETE /sapi/v1/margin/order) has no cancelRestrictions parameter"), "\(text)")
        #expect(text.contains("1:21"), "points at only=: \(text)")
    }

    @Test func spotAndIsolatedAreTwoAccounts() {
        let text = Harness().checkText("cancel LTCBTC id=28 isolated spot")
        #expect(text.contains("'isolated' and 'spot' name two accounts; a statement acts on one"), "\(text)")
    }

    @Test func anUnknownRestrictionIsRefusedByName() {
        let text = Harness().checkText("cancel BTCUSDT id=1 spot only=filled")
        #expect(text.contains("cancelRestrictions 'filled' is not one of ONLY_NEW, ONLY_PARTIALLY_FILLED"), "\(text)")
    }

    @Test func aVariableAccountWordIsJudgedWhenItIsKnown() async {
        let harness = Harness(variables: ["s": .bool(false)])
        // Unknown at check time: nothing is said then; at run time spot=false is margin.
        #expect(harness.checkText("cancel BTCUSDT id=1 spot=$s only=new").isEmpty)
        let outcome = await harness.run("cancel BTCUSDT id=1 spot=$s only=new")
        #expect(harness.output.requests.isEmpty)
        #expect(outcome.failure?.message.contains("is for the spot account only") == true, "\(outcome)")
    }

    @Test func aLoopOfSpotCancelsTakesThePlansFastPathAndStaysSpot() async {
        let harness = Harness()
        _ = await harness.run("for i in [1, 2, 3] { cancel BTCUSDT id=$i spot only=new }")
        #expect(harness.output.requests.map(\.path) == Array(repeating: "/api/v3/order", count: 3))
        #expect(harness.output.requests.allSatisfy { $0.query.contains("cancelRestrictions=ONLY_NEW") })
    }

    @Test func helpNamesEveryEndpointOfTheCommand() throws {
        let entry = try #require(CommandCatalog.standard.entry(named: "cancel"))
        #expect(entry.operationEndpoints.map(\.line) == ["DELETE /sapi/v1/margin/order", "DELETE /api/v3/order"])
        #expect(CommandCatalog.standard.endpoints.contains { $0.line == "DELETE /api/v3/order" })
    }
}
