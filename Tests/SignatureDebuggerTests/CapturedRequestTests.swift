import BinanceAPI
import Testing

@testable import SignatureDebugger

@Suite struct CapturedRequestTests {
    @Test func bareQueryStringWithOrWithoutQuestionMark() throws {
        let plain = try CapturedRequest.parse("symbol=LTCBTC&orderId=28")
        #expect(plain.form == .queryString)
        #expect(plain.query == "symbol=LTCBTC&orderId=28")
        #expect(plain.body == nil)
        #expect(try CapturedRequest.parse("  ?symbol=LTCBTC&orderId=28\n").query == "symbol=LTCBTC&orderId=28")
    }

    @Test func fullURLWithMethodAndFragment() throws {
        let request = try CapturedRequest.parse("DELETE https://api.binance.com/sapi/v1/margin/order?symbol=LTCBTC#x")
        #expect(request.form == .url)
        #expect(request.method == .delete)
        #expect(request.origin == "https://api.binance.com")
        #expect(request.path == "/sapi/v1/margin/order")
        #expect(request.query == "symbol=LTCBTC")
    }

    @Test func curlWithQuotesHeadersMethodAndContinuations() throws {
        let text = """
            curl -s -X DELETE \\
              -H 'X-MBX-APIKEY: vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A' \\
              "https://api.binance.com/sapi/v1/margin/order?symbol=LTCBTC&orderId=28"
            """
        let request = try CapturedRequest.parse(text)
        #expect(request.form == .curl)
        #expect(request.method == .delete)
        #expect(request.path == "/sapi/v1/margin/order")
        #expect(request.query == "symbol=LTCBTC&orderId=28")
        #expect(request.apiKeyHeader == DemoCredentials.apiKey)
    }

    @Test func curlDataIsTheBodyAndImpliesPost() throws {
        let request = try CapturedRequest.parse(
            "curl 'https://api.binance.com/api/v3/order?symbol=LTCBTC' -d 'quantity=1' --data price=0.1")
        #expect(request.method == .post)
        #expect(request.query == "symbol=LTCBTC")
        #expect(request.body == "quantity=1&price=0.1")
    }

    @Test func curlGetMovesDataIntoTheQueryAndDataURLEncodeEncodes() throws {
        let request = try CapturedRequest.parse(
            "curl -G https://x.test/api --data-urlencode 'signature=a+b/c=' -d 'symbol=LTCBTC'")
        #expect(request.method == .get)
        #expect(request.body == nil)
        #expect(request.query == "signature=a%2Bb%2Fc%3D&symbol=LTCBTC")
    }

    @Test func attachedOptionValuesAndDoubleQuoteEscapes() throws {
        let request = try CapturedRequest.parse(#"curl -XPOST -H"X-MBX-APIKEY: k" "https://x.test/p" -d "a=\"q\"""#)
        #expect(request.method == .post)
        #expect(request.apiKeyHeader == "k")
        #expect(request.body == "a=\"q\"")
    }

    @Test func unreadableInputIsATypedError() {
        #expect(throws: ExplainInputError.empty) { try CapturedRequest.parse("  \n ") }
        #expect(throws: ExplainInputError.unterminatedQuote("'")) { try CapturedRequest.parse("curl 'https://x.test/?a=1") }
        #expect(throws: ExplainInputError.curlWithoutURL) { try CapturedRequest.parse("curl -X DELETE") }
        #expect(throws: ExplainInputError.curlOptionWithoutValue("-H")) { try CapturedRequest.parse("curl https://x/?a=1 -H") }
        #expect(throws: ExplainInputError.unsupportedCurlOption("-d @file")) {
            try CapturedRequest.parse("curl https://x/ -d @body.txt")
        }
        #expect(throws: ExplainInputError.multipleURLs) { try CapturedRequest.parse("curl https://x/?a=1 https://y/?b=2") }
        #expect(throws: ExplainInputError.noParameters("hello")) { try CapturedRequest.parse("hello") }
    }

    @Test func malformedEscapesAreReportedWhenExplaining() {
        let explainer = SignatureExplainer(key: .demo)
        #expect(throws: ExplainInputError.malformedEscape(parameter: "price")) {
            try explainer.explain("price=10%&timestamp=1", at: .given(1))
        }
    }
}
