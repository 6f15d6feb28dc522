import BinanceAPI
import Foundation
import Testing

@testable import SignatureDebugger

/// Each usual mistake, made on purpose with the documented example key: the explainer must name
/// it (confirmed by re-signing) and call the good request valid.
@Suite struct MistakeTests {
    static let timestamp = "1499827319559"
    static let serverTime = TimeReference.given(1_499_827_320_000)
    static let cancel = "symbol=LTCBTC&orderId=28&timestamp=\(timestamp)"

    /// `sent` with `&signature=` of `signing`, HMAC-SHA256 by the demo secret (or `secret`).
    static func request(sent: String, signing: String, secret: String = DemoCredentials.secret) -> String {
        sent + "&signature=" + RequestSigner(hmacSecret: secret).sign(signing).text
    }

    /// The endpoints bnc's command table hands the explainer, in part: the margin order's query
    /// and cancel share a path, and the cancel's table (with newClientOrderId) must be chosen.
    static let endpoints = [QueryMarginOrder.endpoint, CancelMarginOrder.endpoint]

    static func explain(_ text: String, key: ExplainKey = .demo) throws -> Explanation {
        try SignatureExplainer(key: key, endpoints: endpoints).explain(text, at: serverTime)
    }

    /// The first confirmed cause.
    static func cause(_ text: String) throws -> FindingCode? {
        try explain(text).findings.first { $0.confirmed }?.code
    }

    @Test func theDocumentedExampleIsValid() throws {
        let text =
            "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000"
            + "&timestamp=1499827319559&signature=c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71"
        let explanation = try Self.explain(text)
        #expect(explanation.isValid)
        #expect(explanation.exitCode == 0)
        #expect(explanation.signatureMatches)
        #expect(explanation.findings.allSatisfy { $0.severity != .error })
        #expect(explanation.text.contains("Result   valid"))
    }

    @Test func theDocumentedMixedQueryAndBodyExampleIsValid() throws {
        let text = """
            curl -H "X-MBX-APIKEY: vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A" -X POST \
            'https://api.binance.com/api/v3/order?symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC' \
            -d 'quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559&signature=0fd168b8ddb4876a0358a8d14d0c9f3da0e9b20c5d52b2a00fcf7d1c602f9a77'
            """
        let explanation = try Self.explain(text)
        #expect(
            explanation.signedPayload
                == "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTCquantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559"
        )
        #expect(explanation.isValid)
    }

    @Test func uppercaseHexIsValidWithANote() throws {
        let text =
            Self.cancel + "&signature=" + RequestSigner(hmacSecret: DemoCredentials.secret).sign(Self.cancel).text.uppercased()
        let explanation = try Self.explain(text)
        #expect(explanation.isValid)
        #expect(explanation.findingCodes.contains(.uppercaseHex))
    }

    @Test func aWrongSecretIsUnexplainedNotValid() throws {
        let explanation = try Self.explain(Self.request(sent: Self.cancel, signing: Self.cancel, secret: "another-secret"))
        #expect(!explanation.isValid)
        #expect(explanation.exitCode == 1)
        #expect(explanation.findingCodes.contains(.signatureMismatch))
        #expect(explanation.findingCodes.contains(.unexplained))
    }

    @Test func valuesSignedUnencoded() throws {
        let sent = "symbol=LTCBTC&origClientOrderId=a%40b%2Fc&timestamp=\(Self.timestamp)"
        let signing = "symbol=LTCBTC&origClientOrderId=a@b/c&timestamp=\(Self.timestamp)"
        #expect(try Self.cause(Self.request(sent: sent, signing: signing)) == .valuesNotEncoded)
    }

    @Test func valuesSentUnencoded() throws {
        let sent = "symbol=LTCBTC&origClientOrderId=a@b/c&timestamp=\(Self.timestamp)"
        let signing = "symbol=LTCBTC&origClientOrderId=a%40b%2Fc&timestamp=\(Self.timestamp)"
        let explanation = try Self.explain(Self.request(sent: sent, signing: signing))
        let cause = try #require(explanation.findings.first { $0.confirmed })
        #expect(cause.code == .valuesNotEncoded)
        #expect(cause.reproducedWith == signing)
    }

    @Test func valuesEncodedTwiceOnTheWire() throws {
        let sent = "symbol=LTCBTC&origClientOrderId=a%2540b&timestamp=\(Self.timestamp)"
        let signing = "symbol=LTCBTC&origClientOrderId=a%40b&timestamp=\(Self.timestamp)"
        #expect(try Self.cause(Self.request(sent: sent, signing: signing)) == .encodedTwice)
    }

    @Test func valuesEncodedTwiceBeforeSigning() throws {
        let sent = "symbol=LTCBTC&origClientOrderId=a%40b&timestamp=\(Self.timestamp)"
        let signing = "symbol=LTCBTC&origClientOrderId=a%2540b&timestamp=\(Self.timestamp)"
        #expect(try Self.cause(Self.request(sent: sent, signing: signing)) == .encodedTwice)
    }

    @Test func nonASCIISymbolSignedAsRawUTF8() throws {
        let encoded = PercentEncoding.encode("币安人生USDT")
        #expect(encoded == "%E5%B8%81%E5%AE%89%E4%BA%BA%E7%94%9FUSDT")
        let sent = "symbol=\(encoded)&orderId=28&timestamp=\(Self.timestamp)"
        let signing = "symbol=币安人生USDT&orderId=28&timestamp=\(Self.timestamp)"
        #expect(try Self.cause(Self.request(sent: sent, signing: signing)) == .nonASCII)
    }

    @Test func nonASCIISymbolSentAsRawUTF8() throws {
        let sent = "symbol=币安人生USDT&orderId=28&timestamp=\(Self.timestamp)"
        let signing = "symbol=\(PercentEncoding.encode("币安人生USDT"))&orderId=28&timestamp=\(Self.timestamp)"
        #expect(try Self.cause(Self.request(sent: sent, signing: signing)) == .nonASCII)
    }

    @Test func plusSentPercent20Signed() throws {
        let sent = "symbol=LTCBTC&newClientOrderId=my+order&orderId=28&timestamp=\(Self.timestamp)"
        let signing = "symbol=LTCBTC&newClientOrderId=my%20order&orderId=28&timestamp=\(Self.timestamp)"
        #expect(try Self.cause(Self.request(sent: sent, signing: signing)) == .plusVersusPercent20)
    }

    @Test func percent20SentPlusSigned() throws {
        let sent = "symbol=LTCBTC&newClientOrderId=my%20order&orderId=28&timestamp=\(Self.timestamp)"
        let signing = "symbol=LTCBTC&newClientOrderId=my+order&orderId=28&timestamp=\(Self.timestamp)"
        #expect(try Self.cause(Self.request(sent: sent, signing: signing)) == .plusVersusPercent20)
    }

    @Test func lowercaseEscapesSentUppercaseSigned() throws {
        let sent = "symbol=LTCBTC&origClientOrderId=a%2fb&timestamp=\(Self.timestamp)"
        let signing = "symbol=LTCBTC&origClientOrderId=a%2Fb&timestamp=\(Self.timestamp)"
        #expect(try Self.cause(Self.request(sent: sent, signing: signing)) == .escapeCase)
    }

    @Test func uppercaseEscapesSentLowercaseSigned() throws {
        let sent = "symbol=LTCBTC&origClientOrderId=a%2Fb&timestamp=\(Self.timestamp)"
        let signing = "symbol=LTCBTC&origClientOrderId=a%2fb&timestamp=\(Self.timestamp)"
        #expect(try Self.cause(Self.request(sent: sent, signing: signing)) == .escapeCase)
    }

    @Test func signedSortedSentInDocumentedOrder() throws {
        let sent =
            "https://api.binance.com/sapi/v1/margin/order?symbol=LTCBTC&isIsolated=TRUE&orderId=28"
            + "&recvWindow=5000&timestamp=\(Self.timestamp)"
        let sorted = "isIsolated=TRUE&orderId=28&recvWindow=5000&symbol=LTCBTC&timestamp=\(Self.timestamp)"
        let explanation = try Self.explain(Self.request(sent: sent, signing: sorted))
        let cause = try #require(explanation.findings.first { $0.confirmed })
        #expect(cause.code == .parametersReordered)
        #expect(cause.message.contains("alphabetical"))
    }

    @Test func signedInDocumentedOrderSentInAnother() throws {
        let path = "https://api.binance.com/sapi/v1/margin/order?"
        let sent = "orderId=28&symbol=LTCBTC&isIsolated=TRUE&timestamp=\(Self.timestamp)&recvWindow=5000"
        let documented = "symbol=LTCBTC&isIsolated=TRUE&orderId=28&recvWindow=5000&timestamp=\(Self.timestamp)"
        let explanation = try Self.explain(path + Self.request(sent: sent, signing: documented))
        let cause = try #require(explanation.findings.first { $0.confirmed })
        #expect(cause.code == .parametersReordered)
        #expect(cause.message.contains("documented order"))
    }

    @Test func documentedOrderIsTheEndpointsWhoseTableListsWhatWasSent() throws {
        // GET and DELETE /sapi/v1/margin/order share the path; only the cancel lists newClientOrderId.
        let path = "https://api.binance.com/sapi/v1/margin/order?"
        let sent = "newClientOrderId=x1&orderId=28&symbol=LTCBTC&timestamp=\(Self.timestamp)"
        let documented = "symbol=LTCBTC&orderId=28&newClientOrderId=x1&timestamp=\(Self.timestamp)"
        let explanation = try Self.explain(path + Self.request(sent: sent, signing: documented))
        let cause = try #require(explanation.findings.first { $0.confirmed })
        #expect(cause.code == .parametersReordered)
        #expect(cause.message.contains("documented order"))
        // Without the endpoints, the same request is not compared with any documented order.
        let unknown = try SignatureExplainer(key: .demo).explain(
            path + Self.request(sent: sent, signing: documented), at: Self.serverTime)
        #expect(unknown.findings.first { $0.confirmed }?.message.contains("documented order") != true)
    }

    @Test func anyReorderingOfAFewParametersIsFound() throws {
        let sent = "symbol=LTCBTC&orderId=28&newClientOrderId=x1&recvWindow=5000&timestamp=\(Self.timestamp)"
        let signing = "newClientOrderId=x1&timestamp=\(Self.timestamp)&symbol=LTCBTC&recvWindow=5000&orderId=28"
        #expect(try Self.cause(Self.request(sent: sent, signing: signing)) == .parametersReordered)
    }

    @Test func signatureNotLast() throws {
        let all = "symbol=LTCBTC&orderId=28&timestamp=\(Self.timestamp)"
        let signature = RequestSigner(hmacSecret: DemoCredentials.secret).sign(all).text
        let text = "symbol=LTCBTC&orderId=28&signature=\(signature)&timestamp=\(Self.timestamp)"
        let explanation = try Self.explain(text)
        #expect(explanation.signedPayload == "symbol=LTCBTC&orderId=28")
        #expect(explanation.findings.first { $0.confirmed }?.code == .signatureNotLast)
        #expect(!explanation.isValid)
    }

    @Test(arguments: ["\n", "\r\n", " "])
    func secretWithTrailingWhitespace(_ suffix: String) throws {
        let text = Self.request(sent: Self.cancel, signing: Self.cancel, secret: DemoCredentials.secret + suffix)
        #expect(try Self.cause(text) == .secretWhitespace)
    }

    @Test func apiKeyUsedAsTheSecret() throws {
        let text = Self.request(sent: Self.cancel, signing: Self.cancel, secret: DemoCredentials.apiKey)
        #expect(try Self.cause(text) == .apiKeyAsSecret)
    }

    @Test func hmacSignatureSentAsBase64() throws {
        let bytes = SignatureShape(RequestSigner(hmacSecret: DemoCredentials.secret).sign(Self.cancel).text).bytes ?? []
        let text = Self.cancel + "&signature=" + PercentEncoding.encode(Data(bytes).base64EncodedString())
        let explanation = try Self.explain(text)
        #expect(explanation.findings.first { $0.confirmed }?.code == .hexVersusBase64)
        #expect(!explanation.isValid)
    }

    @Test func ed25519SignatureWhereAnHMACKeyIsConfigured() throws {
        let signature = Data(repeating: 7, count: 64).base64EncodedString()
        let explanation = try Self.explain(Self.cancel + "&signature=" + PercentEncoding.encode(signature))
        let finding = try #require(explanation.findings.first { $0.code == .wrongKeyType })
        #expect(finding.message.contains("Ed25519"))
    }

    @Test func queryAndBodyJoinedWithAmpersand() throws {
        let query = "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC"
        let body = "quantity=1&price=0.1&recvWindow=5000&timestamp=\(Self.timestamp)"
        let signature = RequestSigner(hmacSecret: DemoCredentials.secret).sign(query + "&" + body).text
        let text =
            "curl -H 'X-MBX-APIKEY: \(DemoCredentials.apiKey)' -X POST 'https://api.binance.com/api/v3/order?\(query)'"
            + " -d '\(body)&signature=\(signature)'"
        #expect(try Self.cause(text) == .queryAndBody)
    }

    @Test func queryAndBodyWithOnlyTheBodySigned() throws {
        let query = "symbol=LTCBTC&side=BUY"
        let body = "quantity=1&timestamp=\(Self.timestamp)"
        let signature = RequestSigner(hmacSecret: DemoCredentials.secret).sign(body).text
        let text = "curl -X POST 'https://x.test/api/v3/order?\(query)' -d '\(body)&signature=\(signature)'"
        #expect(try Self.cause(text) == .queryAndBody)
    }

    @Test func missingSignatureShowsTheExpectedOne() throws {
        let explanation = try Self.explain(Self.cancel)
        #expect(explanation.findingCodes.contains(.signatureMissing))
        #expect(explanation.expectedSignature == RequestSigner(hmacSecret: DemoCredentials.secret).sign(Self.cancel))
        #expect(explanation.exitCode == 1)
    }

    @Test func curlRequestWithAnotherAPIKeyIsFlagged() throws {
        let text =
            "curl -X DELETE -H 'X-MBX-APIKEY: AAAAbbbbccccddddeeee' 'https://api.binance.com/sapi/v1/margin/order?"
            + Self.request(sent: Self.cancel, signing: Self.cancel) + "'"
        let explanation = try Self.explain(text)
        let finding = try #require(explanation.findings.first { $0.code == .apiKeyDiffers })
        #expect(finding.severity == .error)
        #expect(finding.message.contains("AAAA…eeee"))
    }

    @Test func duplicateAndEmptyParametersAndDeleteBodyAreWarned() throws {
        let body = "symbol=LTCBTC&orderId=&orderId=28&timestamp=\(Self.timestamp)"
        let signature = RequestSigner(hmacSecret: DemoCredentials.secret).sign(body).text
        let text =
            "curl -X DELETE -H 'X-MBX-APIKEY: \(DemoCredentials.apiKey)' https://x.test/sapi/v1/margin/order"
            + " -d '\(body)&signature=\(signature)'"
        let codes = try Self.explain(text).findingCodes
        #expect(codes.contains(.duplicateParameter))
        #expect(codes.contains(.emptyValue))
        #expect(codes.contains(.deleteParametersInBody))
    }

    @Test func nothingRenderedContainsTheSecretOrTheFullAPIKey() throws {
        let texts = [
            Self.request(sent: Self.cancel, signing: Self.cancel),
            Self.request(sent: Self.cancel, signing: Self.cancel, secret: DemoCredentials.secret + "\n"),
            Self.request(sent: Self.cancel, signing: Self.cancel, secret: DemoCredentials.apiKey),
            "curl -H 'X-MBX-APIKEY: \(DemoCredentials.apiKey)' 'https://x.test/p?\(Self.cancel)'"
        ]
        for text in texts {
            let explanation = try Self.explain(text)
            for rendered in [explanation.text, explanation.json.serialized] {
                #expect(!rendered.contains(DemoCredentials.secret))
                #expect(!rendered.contains(DemoCredentials.apiKey))
            }
        }
    }
}

extension MistakeTests {
    @Test func aConfiguredSecretWithWhitespaceIsTriedTrimmed() throws {
        let key = ExplainKey(
            credentials: Credentials(
                apiKey: DemoCredentials.apiKey, signer: RequestSigner(hmacSecret: DemoCredentials.secret + "\n"),
                source: "test"),
            hmacSecret: DemoCredentials.secret + "\n")
        let text = Self.request(sent: Self.cancel, signing: Self.cancel)
        let explanation = try SignatureExplainer(key: key).explain(text, at: Self.serverTime)
        let cause = try #require(explanation.findings.first { $0.confirmed })
        #expect(cause.code == .secretWhitespace)
        #expect(cause.message.contains("unlike the configured secret"))
    }
}
