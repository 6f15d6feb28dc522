import BinanceAPI
import Testing

@testable import BinanceSimulator

/// `GET /sapi/v1/account/apiRestrictions` and `--key-permissions`: the permissions are reported as
/// the exchange's fields, and a request they forbid answers -2015 like an unknown key.
@Suite struct KeyPermissionsTests {
    static func client(_ list: String) throws -> TestClient {
        var configuration = SimulatorConfiguration()
        configuration.keyPermissions = try KeyPermissions(list: list)
        return TestClient(.demo(configuration))
    }

    @Test func apiRestrictionsReportsEveryPermissionGrantedByDefault() throws {
        let response = TestClient().send("GET", "/sapi/v1/account/apiRestrictions", "")
        #expect(response.status == 200)
        let permissions = try APIKeyPermissions(json: try #require(response.json))
        #expect(!permissions.ipRestrict && permissions.enableReading && permissions.enableMargin)
        #expect(permissions.enableSpotAndMarginTrading && permissions.enableWithdrawals == false)
        #expect(permissions.createTime == ExchangeSeed.demoEpoch)
        #expect(response.header("X-SAPI-USED-IP-WEIGHT-1M") == "1")
        // Signed: without a signature it is -1102, as every USER_DATA endpoint.
        #expect(TestClient().raw("GET", "/sapi/v1/account/apiRestrictions", "timestamp=\(testNow)").code == -1102)
    }

    @Test func eachWordTurnsItsPermissionOff() throws {
        let permissions = try KeyPermissions(list: "no-margin, no-trading,ip-restricted")
        #expect(!permissions.margin && !permissions.spotAndMarginTrading && permissions.reading)
        #expect(permissions.ipRestricted && permissions.callerWhitelisted)
        #expect(permissions.summary == "no-trading,no-margin,ip-restricted")
        #expect(try KeyPermissions(list: "").summary == "all granted")
        #expect(throws: KeyPermissionsError(word: "no-futures")) { try KeyPermissions(list: "no-margin,no-futures") }
        #expect(throws: KeyPermissionsError(word: "")) { try KeyPermissions(list: "no-margin,") }
        let reported = try APIKeyPermissions(
            json: try #require(
                try Self.client("no-margin,ip-restricted").send("GET", "/sapi/v1/account/apiRestrictions", "").json))
        #expect(reported.ipRestrict && !reported.enableMargin && reported.enableSpotAndMarginTrading)
    }

    @Test func noMarginRefusesEveryMarginEndpointWithMinus2015() throws {
        let client = try Self.client("no-margin")
        let query = client.send("GET", "/sapi/v1/margin/order", "symbol=LTCBTC&orderId=28")
        #expect(query.status == 401 && query.code == -2015)
        #expect(query.message == "Invalid API-key, IP, or permissions for action.")
        #expect(client.cancel("symbol=LTCBTC&orderId=28").code == -2015)
        // Nothing changed: the order is still open.
        #expect(client.exchange.withState { $0.order(symbol: "LTCBTC", isolated: false, orderId: 28)?.status.isOpen } == true)
        #expect(client.send("GET", "/sapi/v1/account/apiRestrictions", "").status == 200)
    }

    @Test func noTradingRefusesWritesButNotReads() throws {
        let client = try Self.client("no-trading")
        #expect(client.cancel("symbol=LTCBTC&orderId=28").code == -2015)
        #expect(client.send("GET", "/sapi/v1/margin/order", "symbol=LTCBTC&orderId=28").status == 200)
        let reading = try Self.client("no-reading")
        #expect(reading.send("GET", "/sapi/v1/margin/order", "symbol=LTCBTC&orderId=28").code == -2015)
        #expect(reading.send("GET", "/sapi/v1/account/apiRestrictions", "").status == 200)
    }

    @Test func aCallerOffTheWhitelistGetsMinus2015EvenForApiRestrictions() throws {
        let client = try Self.client("not-whitelisted")
        #expect(client.send("GET", "/sapi/v1/account/apiRestrictions", "").code == -2015)
        #expect(client.send("GET", "/sapi/v1/margin/order", "symbol=LTCBTC&orderId=28").code == -2015)
        // Unsigned endpoints carry no key the whitelist could apply to.
        #expect(client.raw("GET", "/api/v3/time", "").status == 200)
        // The whitelist is judged with the key, before the signature; a permission after it.
        var forged = client
        forged.signer = RequestSigner(hmacSecret: "not the secret")
        #expect(forged.send("GET", "/sapi/v1/account/apiRestrictions", "").code == -2015)
        var noMargin = try Self.client("no-margin")
        noMargin.signer = forged.signer
        #expect(noMargin.send("GET", "/sapi/v1/margin/order", "symbol=LTCBTC&orderId=28").code == -1022)
    }
}
