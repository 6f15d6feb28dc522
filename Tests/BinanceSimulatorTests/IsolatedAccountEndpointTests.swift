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

    /// The balances are the isolated wallet's (they read zero before): LTCBTC holds 100 LTC and
    /// 1 BTC, and its three open isolated SELLs (#31, and the OCO's two legs) hold 7 LTC.
    @Test func theBalancesAreTheIsolatedWalletsWithWhatOpenOrdersHold() throws {
        let client = TestClient()
        let json = try #require(client.send("GET", Self.path, "symbols=LTCBTC").json)
        guard case .array(let accounts)? = json["assets"], let account = accounts.first else {
            Issue.record("no assets")
            return
        }
        let base = try #require(account["baseAsset"])
        #expect(base["asset"]?.stringValue == "LTC")
        #expect(base["totalAsset"]?.stringValue == "100.00000000")
        #expect(base["locked"]?.stringValue == "7.00000000")
        #expect(base["free"]?.stringValue == "93.00000000")
        #expect(base["borrowed"]?.stringValue == "0.00000000")
        #expect(base["netAssetOfBtc"]?.stringValue == "0.15500000") // 100 LTC at 0.00155
        #expect(account["quoteAsset"]?["free"]?.stringValue == "1.00000000")
        #expect(account["marginLevel"]?.stringValue == "999.00000000")
        #expect(account["marginLevelStatus"]?.stringValue == "EXCESSIVE")
        // Canceling #31 frees its 3 LTC.
        #expect(client.send("DELETE", "/sapi/v1/margin/order", "symbol=LTCBTC&isIsolated=TRUE&orderId=31").status == 200)
        let after = try #require(client.send("GET", Self.path, "symbols=LTCBTC").json)
        guard case .array(let accountsAfter)? = after["assets"] else {
            Issue.record("no assets after the cancel")
            return
        }
        #expect(accountsAfter.first?["baseAsset"]?["free"]?.stringValue == "96.00000000")
    }

    @Test func theTotalsAddUpTheAccountsInBTC() throws {
        let json = try #require(TestClient().send("GET", Self.path, "").json)
        var sum = SimDecimal.zero
        guard case .array(let accounts)? = json["assets"] else {
            Issue.record("no assets")
            return
        }
        for account in accounts {
            for side in ["baseAsset", "quoteAsset"] {
                let value = try #require(account[side]?["netAssetOfBtc"]?.stringValue.flatMap { SimDecimal($0) })
                sum = try #require(sum.adding(value))
            }
        }
        #expect(sum > .zero)
        #expect(json["totalAssetOfBtc"]?.stringValue == sum.description)
        #expect(json["totalLiabilityOfBtc"]?.stringValue == "0.00000000")
        #expect(json["totalNetAssetOfBtc"]?.stringValue == sum.description)
    }

    @Test func marginLevelsAndValuesInBTC() throws {
        #expect(ExchangeState.marginLevelStatus(nil) == "EXCESSIVE")
        #expect(ExchangeState.marginLevelStatus(SimDecimal("3")) == "EXCESSIVE")
        #expect(ExchangeState.marginLevelStatus(SimDecimal("1.6")) == "NORMAL")
        #expect(ExchangeState.marginLevelStatus(SimDecimal("1.3")) == "MARGIN_CALL")
        #expect(ExchangeState.marginLevelStatus(SimDecimal("1.15")) == "PRE_LIQUIDATION")
        #expect(ExchangeState.marginLevelStatus(SimDecimal("1.01")) == "FORCE_LIQUIDATION")
        let state = try ExchangeState()
        #expect(state.valueInBTC(SimDecimal("2")!, of: "BTC") == SimDecimal("2"))
        #expect(state.valueInBTC(SimDecimal("80000")!, of: "USDT") == SimDecimal("1")) // BTCUSDT at 80000
        #expect(state.valueInBTC(SimDecimal("10")!, of: "ETH") == SimDecimal("0.37")) // ETHBTC at 0.037
        #expect(state.valueInBTC(SimDecimal("10")!, of: "NOPRICE") == .zero)
    }
}
