import Testing

@testable import BinanceAPI

@Suite struct DryRunTextTests {
    @Test func textShowsQuerySignatureURLAndMaskedKey() throws {
        let request = try RequestBuilder(credentials: DemoCredentials.hmac).prepare(
            CancelMarginOrder(symbol: "LTCBTC", isIsolated: true, orderId: 28), timestamp: 1_499_827_319_559)
        let signature = try #require(request.signature?.text)
        let expected = """
            DELETE /sapi/v1/margin/order  (margin cancel, weight 10(IP), isolated)
              query      symbol=LTCBTC&isIsolated=TRUE&orderId=28&timestamp=1499827319559
              signature  \(signature)  (HMAC-SHA256, hex)
              url        https://api.binance.com/sapi/v1/margin/order?symbol=LTCBTC&isIsolated=TRUE&orderId=28&timestamp=1499827319559&signature=\(signature)
              header     X-MBX-APIKEY: vmPU…Eh8A
            """
        #expect(request.dryRunText(baseURL: "https://api.binance.com") == expected)
        #expect(!request.dryRunText(baseURL: "x").contains(DemoCredentials.secret))
    }

    @Test func jsonHasTheAgreedKeys() throws {
        let request = try RequestBuilder(credentials: DemoCredentials.hmac).prepare(
            CancelMarginOrder(symbol: "LTCBTC", orderId: 28), timestamp: 1_499_827_319_559)
        let json = request.dryRunJSON(baseURL: "https://api.binance.com")
        #expect(json["method"] == "DELETE")
        #expect(json["path"] == "/sapi/v1/margin/order")
        #expect(json["query"] == "symbol=LTCBTC&orderId=28&timestamp=1499827319559")
        #expect(json["signature"]?.stringValue?.count == 64)
        #expect(json["marginMode"] == "cross")
        #expect(json["url"]?.stringValue?.hasSuffix("&signature=\(request.signature!.text)") == true)
    }
}
