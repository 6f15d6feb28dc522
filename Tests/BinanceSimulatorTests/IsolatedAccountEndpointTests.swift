import BinanceAPI
import Testing

@testable import BinanceSimulator

/// `GET /sapi/v1/margin/isolated/account`: the demo account's isolated accounts, filtered by
/// `symbols` (at most 5), decoded by the client's ``IsolatedMarginAccounts``.
@Suite struct IsolatedAccountEndpointTests {
    static let path = "/sapi/v1/margin/isolated/account"

    @Test func withoutSymbolsEveryIsolatedAccountAndTheTotals() throws {
        let response = TestClient().send("GET", Self.path, "")
        #expect(response.status == 200)
        let json = try #require(response.json)
        let accounts = try IsolatedMarginAccounts(json: json)
        // The demo holds isolated orders on these four symbols, and on no other.
        #expect(accounts.accounts.map(\.symbol) == ["BTCUSDT", "ETHBTC", "LTCBTC", "币安人生USDT"])
        #expect(accounts.accounts.allSatisfy { $0.isolatedCreated == true && $0.enabled == true })
        #expect(json["totalNetAssetOfBtc"] != nil)
        guard case .array(let assets)? = json["assets"] else {
            Issue.record("no assets array")
            return
        }
        #expect(assets.first?["baseAsset"]?["asset"]?.stringValue == "BTC")
        #expect(response.header("X-SAPI-USED-IP-WEIGHT-1M") == "10")
    }

    @Test func symbolsKeepsThoseNamedAndLeavesOutOnesWithoutAnAccount() throws {
        let response = TestClient().send("GET", Self.path, "symbols=LTCBTC%2CBNBBTC")
        #expect(response.status == 200)
        let json = try #require(response.json)
        let accounts = try IsolatedMarginAccounts(json: json)
        #expect(accounts.accounts.map(\.symbol) == ["LTCBTC"])
        #expect(accounts.account("BNBBTC") == nil)
        #expect(json["totalNetAssetOfBtc"] == nil)
    }

    @Test func sixSymbolsAnEmptyNameOrAnUnlistedSymbolAreRejected() {
        let six = "LTCBTC,ETHBTC,BNBBTC,BTCUSDT,ETHUSDT,LTCBTC"
        #expect(TestClient().send("GET", Self.path, "symbols=\(six)").code == -1130)
        #expect(TestClient().send("GET", Self.path, "symbols=LTCBTC,").code == -1130)
        #expect(TestClient().send("GET", Self.path, "symbols=NOSUCH").code == -1121)
    }
}
