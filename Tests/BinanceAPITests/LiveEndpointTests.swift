import Testing

@testable import BinanceAPI

/// The one live predicate (issue 13, item 2).
@Suite struct LiveEndpointTests {
    @Test(arguments: [
        "https://api.binance.com", "https://api1.binance.com", "https://api4.binance.com/", "https://api-gcp.binance.com",
        "https://API.Binance.COM:443", "https://api.binance.com.", "https://user:pw@api.binance.com/x?y=1",
        "https://binance.com", "https://api.binance.us", "http://api.binance.com", "https://future-name.binance.com#x"
    ])
    func hostsUnderTheExchangesDomainsAreLive(url: String) {
        #expect(LiveEndpoint.isLive(baseURL: url))
    }

    @Test(arguments: [
        "http://sim.bnc.invalid", "http://127.0.0.1:8080", "http://localhost:9", "http://[::1]:80",
        "https://testnet.binance.vision", "https://notbinance.com", "https://binance.com.evil.example",
        "https://api.binance.community", "https://evil.example/?https://api.binance.com", "https://evil.example#@api.binance.com",
        "sim", "live", "", "https://"
    ])
    func everythingElseIsNot(url: String) {
        #expect(!LiveEndpoint.isLive(baseURL: url))
    }

    @Test func theHostIsReadWithoutUserinfoPortOrTrailingDot() {
        #expect(LiveEndpoint.host(of: "https://a:b@API.binance.com.:443/path") == "api.binance.com")
        #expect(LiveEndpoint.host(of: "http://[::1]:8080") == "[::1]")
        #expect(LiveEndpoint.host(of: "ftp://api.binance.com") == nil)
    }

    /// A host the URL parser would decode into another name (percent escapes, a full-width dot)
    /// is refused, so what `isLive` reads is what the transport connects to.
    @Test(arguments: [
        "https://api%2Ebinance%2Ecom", "https://api\u{3002}binance.com", "https://ApI.bInAnCe.cOm\u{FF0E}",
        "https://user:pw@api.binance.com", "https://@api.binance.com", "https://", "https://:443",
        "https://api.binance.com:0", "https://api.binance.com:65536", "https://api.binance.com:x", "https://[::1",
        "https://[zz]:1", "ftp://api.binance.com"
    ])
    func aHostThatIsNotWrittenPlainlyIsNoEndpoint(url: String) {
        #expect(LiveEndpoint.problem(with: url) != nil)
    }

    @Test(arguments: [
        "https://api.binance.com", "https://API.Binance.com:443/", "http://127.0.0.1:8080", "http://[::1]:8080",
        "https://api-gcp.binance.com/path", "http://localhost", "https://testnet.binance.vision"
    ])
    func aPlainHostIsAnEndpoint(url: String) {
        #expect(LiveEndpoint.problem(with: url) == nil)
    }

    @Test func credentialsAreNeverShown() {
        #expect(LiveEndpoint.redacted("https://alice:s3cret@gw.example/x") == "https://***@gw.example/x")
        #expect(LiveEndpoint.redacted("https://gw.example/\u{1B}]0;x\u{07}") == "https://gw.example/\\x1B]0;x\\x07")
        #expect(!LiveEndpoint.problem(with: "https://alice:s3cret@gw.example")!.contains("s3cret"))
    }
}
