import BNCTestSupport
import Foundation
import Testing

/// `bnc explain` run as a binary: each usual mistake, made on purpose with the documented example
/// key and signed independently by `openssl`, must be named in `--output json`; the good request
/// must be "valid"; unreadable input exits 2; the secret never appears.
@Suite(.serialized) struct ExplainCommandTests {
    static let secret = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j"
    static let apiKey = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A"
    static let timestamp = "1499827319559"
    static let serverTime = "1499827320000"
    static let cancel = "symbol=LTCBTC&orderId=28&timestamp=\(timestamp)"

    static func hmac(_ payload: String, secret: String = secret) throws -> String {
        try OpenSSL.hmac(payload, secret: secret)
    }

    /// The first confirmed finding's code, the exit code, and the JSON report.
    static func explain(_ input: String, environment: [String: String] = [:]) throws -> (String?, Int32, [String: Any]) {
        let result = try ExplainTool.bnc(
            ["explain", input, "--output", "json", "--server-time", serverTime], environment: environment)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let findings = json["findings"] as? [[String: Any]] ?? []
        let confirmed = findings.first { $0["confirmed"] as? Bool == true }?["code"] as? String
        return (confirmed, result.status, json)
    }

    @Test func theDocumentedExampleIsValid() throws {
        let input =
            "https://api.binance.com/api/v3/order?symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1"
            + "&price=0.1&recvWindow=5000&timestamp=1499827319559&signature=c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71"
        let (_, status, json) = try Self.explain(input)
        #expect(status == 0)
        #expect(json["valid"] as? Bool == true)
        #expect((json["signature"] as? [String: Any])?["matches"] as? Bool == true)
        #expect((json["key"] as? [String: Any])?["source"] as? String == "demo")
        let text = try ExplainTool.bnc(["explain", input, "--server-time", Self.serverTime])
        #expect(text.status == 0)
        #expect(text.stdout.contains("Result   valid"))
        #expect(
            text.stdout.contains(
                "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559"))
    }

    struct Mistake: CustomTestStringConvertible, Sendable {
        var name: String
        var sent: String
        var signing: String
        var secret: String = ExplainCommandTests.secret
        var code: String
        var testDescription: String { name }
    }

    static let ts = timestamp
    static let mistakes: [Mistake] = [
        Mistake(
            name: "values signed unencoded", sent: "symbol=LTCBTC&origClientOrderId=a%40b%2Fc&timestamp=\(ts)",
            signing: "symbol=LTCBTC&origClientOrderId=a@b/c&timestamp=\(ts)", code: "signature.valuesNotEncoded"),
        Mistake(
            name: "values encoded twice", sent: "symbol=LTCBTC&origClientOrderId=a%2540b&timestamp=\(ts)",
            signing: "symbol=LTCBTC&origClientOrderId=a%40b&timestamp=\(ts)", code: "signature.encodedTwice"),
        Mistake(
            name: "non-ASCII signed raw", sent: "symbol=%E5%B8%81%E5%AE%89%E4%BA%BA%E7%94%9FUSDT&orderId=28&timestamp=\(ts)",
            signing: "symbol=币安人生USDT&orderId=28&timestamp=\(ts)", code: "signature.nonASCII"),
        Mistake(
            name: "plus versus %20", sent: "symbol=LTCBTC&newClientOrderId=my+cancel&orderId=28&timestamp=\(ts)",
            signing: "symbol=LTCBTC&newClientOrderId=my%20cancel&orderId=28&timestamp=\(ts)",
            code: "signature.plusVersusPercent20"),
        Mistake(
            name: "lowercase escapes", sent: "symbol=LTCBTC&origClientOrderId=a%2fb&timestamp=\(ts)",
            signing: "symbol=LTCBTC&origClientOrderId=a%2Fb&timestamp=\(ts)", code: "signature.escapeCase"),
        Mistake(
            name: "sorted before signing", sent: "symbol=LTCBTC&orderId=28&recvWindow=5000&timestamp=\(ts)",
            signing: "orderId=28&recvWindow=5000&symbol=LTCBTC&timestamp=\(ts)", code: "signature.parametersReordered"),
        Mistake(
            name: "secret with a newline", sent: cancel, signing: cancel, secret: secret + "\n",
            code: "signature.secretWhitespace"),
        Mistake(
            name: "secret with a trailing space", sent: cancel, signing: cancel, secret: secret + " ",
            code: "signature.secretWhitespace"),
        Mistake(
            name: "API key as the secret", sent: cancel, signing: cancel, secret: apiKey, code: "signature.apiKeyAsSecret"),
        Mistake(
            name: "question mark signed", sent: cancel, signing: "?" + cancel, code: "signature.leadingQuestionMark")
    ]

    @Test(arguments: mistakes)
    func eachMistakeIsNamed(_ mistake: Mistake) throws {
        let input = mistake.sent + "&signature=" + (try Self.hmac(mistake.signing, secret: mistake.secret))
        let (code, status, json) = try Self.explain(input)
        #expect(code == mistake.code)
        #expect(status == 1)
        #expect(json["valid"] as? Bool == false)
    }

    @Test func signatureNotLast() throws {
        let signature = try Self.hmac(Self.cancel)
        let (code, status, json) = try Self.explain("symbol=LTCBTC&orderId=28&signature=\(signature)&timestamp=\(Self.timestamp)")
        #expect(code == "request.signatureNotLast")
        #expect(status == 1)
        #expect(json["signedPayload"] as? String == "symbol=LTCBTC&orderId=28")
    }

    @Test func hmacWrittenInBase64() throws {
        let hex = try Self.hmac(Self.cancel)
        let bytes = stride(from: 0, to: hex.count, by: 2).map {
            UInt8(hex[hex.index(hex.startIndex, offsetBy: $0)..<hex.index(hex.startIndex, offsetBy: $0 + 2)], radix: 16)!
        }
        let base64 = Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "%2B").replacingOccurrences(of: "/", with: "%2F")
            .replacingOccurrences(of: "=", with: "%3D")
        let (code, status, _) = try Self.explain(Self.cancel + "&signature=" + base64)
        #expect(code == "signature.hexVersusBase64")
        #expect(status == 1)
    }

    @Test func queryAndBodyJoinedWithAnAmpersandInACurlLine() throws {
        let query = "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC"
        let body = "quantity=1&price=0.1&recvWindow=5000&timestamp=\(Self.timestamp)"
        let signature = try Self.hmac(query + "&" + body)
        let curl =
            "curl -X POST -H 'X-MBX-APIKEY: \(Self.apiKey)' \\\n  'https://api.binance.com/api/v3/order?\(query)' \\\n"
            + "  --data '\(body)&signature=\(signature)'"
        let (code, status, json) = try Self.explain(curl)
        #expect(code == "signature.queryAndBody")
        #expect(status == 1)
        #expect((json["request"] as? [String: Any])?["method"] as? String == "POST")
        #expect((json["request"] as? [String: Any])?["apiKey"] as? String == "vmPU…Eh8A")
    }

    @Test func anEd25519SignatureWhereTheDemoHMACKeyIsConfigured() throws {
        let key = try OpenSSL.generateKey("ED25519").path
        defer { try? FileManager.default.removeItem(atPath: key) }
        let signature = try OpenSSL.ed25519Sign(Self.cancel, keyPath: key)
        let (_, status, json) = try Self.explain(Self.cancel + "&signature=" + ExplainTool.urlEncode(signature))
        let codes = (json["findings"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
        #expect(codes.contains("signature.wrongKeyType"))
        #expect(status == 1)
    }

    @Test(arguments: ["ED25519", "RSA"])
    func asymmetricKeysFromTheEnvironment(_ algorithm: String) throws {
        let key = try OpenSSL.generateKey(algorithm).path
        defer { try? FileManager.default.removeItem(atPath: key) }
        let environment = ["BINANCE_API_KEY": "testkey0123456789abcdef", "BINANCE_PRIVATE_KEY_FILE": key]
        let signature =
            algorithm == "RSA"
            ? try OpenSSL.rsaSign(Self.cancel, keyPath: key) : try OpenSSL.ed25519Sign(Self.cancel, keyPath: key)
        let good = try Self.explain(Self.cancel + "&signature=" + ExplainTool.urlEncode(signature), environment: environment)
        #expect(good.1 == 0)
        #expect((good.2["key"] as? [String: Any])?["type"] as? String == (algorithm == "RSA" ? "RSA" : "Ed25519"))
        #expect((good.2["key"] as? [String: Any])?["source"] as? String == "environment")
        let hmac = try Self.explain(Self.cancel + "&signature=" + (try Self.hmac(Self.cancel)), environment: environment)
        #expect(hmac.1 == 1)
        let codes = (hmac.2["findings"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
        #expect(codes.contains("signature.wrongKeyType"))
    }

    struct Timing: CustomTestStringConvertible, Sendable {
        var query: String
        var code: String
        var testDescription: String { code }
    }

    @Test(arguments: [
        Timing(query: "symbol=LTCBTC&orderId=28&recvWindow=5000&timestamp=1499827310000", code: "timing.outsideRecvWindow"),
        Timing(query: "symbol=LTCBTC&orderId=28&timestamp=1499827325000", code: "timing.aheadOfServer"),
        Timing(query: "symbol=LTCBTC&orderId=28&recvWindow=90000&timestamp=1499827319559", code: "timing.recvWindowTooLarge"),
        Timing(query: "symbol=LTCBTC&orderId=28&timestamp=1499827319", code: "timing.timestampInSeconds"),
        Timing(query: "symbol=LTCBTC&orderId=28", code: "timing.timestampMissing")
    ])
    func timingProblemsExitOne(_ timing: Timing) throws {
        let (_, status, json) = try Self.explain(timing.query + "&signature=" + (try Self.hmac(timing.query)))
        let codes = (json["findings"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
        #expect(codes.contains(timing.code))
        #expect(status == 1)
        #expect((json["signature"] as? [String: Any])?["matches"] as? Bool == true)
    }

    @Test func microsecondsOnAMarginEndpoint() throws {
        let query = "symbol=LTCBTC&orderId=28&timestamp=1499827319559000"
        let input = "https://api.binance.com/sapi/v1/margin/order?" + query + "&signature=" + (try Self.hmac(query))
        let (_, status, json) = try Self.explain(input)
        let codes = (json["findings"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
        #expect(codes.contains("timing.timestampInMicroseconds"))
        #expect(status == 1)
    }

    @Test(arguments: ["", "curl -X DELETE 'https://x/?a=1", "curl -X DELETE", "no parameters here", "price=10%&timestamp=1"])
    func unreadableInputExitsTwo(_ input: String) throws {
        let result = try ExplainTool.bnc(["explain", input])
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("bnc: error:"))
    }

    @Test func readsTheRequestFromStandardInput() throws {
        let input = Self.cancel + "&signature=" + (try Self.hmac(Self.cancel))
        let result = try ExplainTool.bnc(["explain", "-", "--server-time", Self.serverTime], stdin: input + "\n")
        #expect(result.status == 0)
        #expect(result.stdout.contains("=> matches"))
    }

    @Test func theSecretIsNeverPrintedAndTheKeyOnlyMasked() throws {
        let secret = "s3cr3tValueThatMustNeverAppear0123456789"
        let apiKey = "myOwnApiKeyABCDEFGHIJKLMNOPQRSTUVWXYZ"
        let environment = ["BINANCE_API_KEY": apiKey, "BINANCE_API_SECRET": secret]
        let inputs = [
            Self.cancel + "&signature=" + (try Self.hmac(Self.cancel, secret: secret)),
            Self.cancel + "&signature=" + (try Self.hmac(Self.cancel, secret: secret + "\n")),
            "curl -H 'X-MBX-APIKEY: \(apiKey)' 'https://x.test/p?\(Self.cancel)&signature=00'"
        ]
        for input in inputs {
            for format in ["text", "json"] {
                let result = try ExplainTool.bnc(
                    ["explain", input, "--output", format, "--server-time", Self.serverTime], environment: environment)
                #expect(!result.stdout.contains(secret) && !result.stderr.contains(secret))
                #expect(!result.stdout.contains(apiKey))
                #expect(result.stdout.contains("myOw…WXYZ"))
            }
        }
        let valid = try ExplainTool.bnc(["explain", inputs[0], "--server-time", Self.serverTime], environment: environment)
        #expect(valid.status == 0)
        let newline = try Self.explain(inputs[1], environment: environment)
        #expect(newline.0 == "signature.secretWhitespace")
    }

    @Test func theExchangeClockIsAskedWithEndpoint() throws {
        // The "exchange" is 20 s ahead of the request's timestamp, which this machine's clock made.
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        let server = try ExplainTool.TimeServer(serverTime: now + 20_000)
        defer { server.stop() }
        let query = "symbol=LTCBTC&orderId=28&timestamp=\(now)"
        let input = query + "&signature=" + (try Self.hmac(query))
        let result = try ExplainTool.bnc(["explain", input, "--output", "json", "--endpoint", server.baseURL])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let timing = try #require(json["timing"] as? [String: Any])
        #expect(timing["reference"] as? String == "server")
        #expect((timing["referenceMilliseconds"] as? NSNumber)?.int64Value == now + 20_000)
        let codes = (json["findings"] as? [[String: Any]] ?? []).compactMap { $0["code"] as? String }
        #expect(codes.contains("timing.outsideRecvWindow"))
        #expect(result.status == 1)
    }

    @Test func withoutAnEndpointTheLocalClockIsUsedAndSaid() throws {
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        let query = "symbol=LTCBTC&orderId=28&timestamp=\(now)"
        let result = try ExplainTool.bnc(["explain", query + "&signature=" + (try Self.hmac(query))])
        #expect(result.status == 0)
        #expect(result.stdout.contains("this machine's clock"))
        #expect(result.stdout.contains("timing.localClockOnly"))
    }
}
