import Testing

@testable import BinanceAPI

/// The one live predicate (issue 13, item 2).
@Suite struct LiveEndpointTests {
    @Test(arguments: [
        "https://api.binance.com", "https://api1.binance.com", "https://api4.binance.com/", "https://api-gcp.binance.com",
        "https://API.Binance.COM:443", "https://api.binance.com.", "https://user:pw@api.binance.com/x?y=1",
        "https://binance.com", "https://api.binance.us", "http://api.binance.com", "https://future-name.binance.com#x",
    ])
    func hostsUnderTheExchangesDomainsAreLive(url: String) {
        #expect(LiveEndpoint.isLive(baseURL: url))
    }

    @Test(arguments: [
        "http://sim.bnc.invalid", "http://127.0.0.1:8080", "http://localhost:9", "http://[::1]:80",
        "https://testnet.binance.vision", "https://notbinance.com", "https://binance.com.evil.example",
        "https://api.binance.community", "https://evil.example/?https://api.binance.com", "https://evil.example#@api.binance.com",
        "sim", "live", "", "https://",
    ])
    func everythingElseIsNot(url: String) {
        #expect(!LiveEndpoint.isLive(baseURL: url))
    }

    @Test func theHostIsReadWithoutUserinfoPortOrTrailingDot() {
        #expect(LiveEndpoint.host(of: "https://a:b@API.binance.com.:443/path") == "api.binance.com")
        #expect(LiveEndpoint.host(of: "http://[::1]:8080") == "[::1]")
        #expect(LiveEndpoint.host(of: "ftp://api.binance.com") == nil)
    }
}
