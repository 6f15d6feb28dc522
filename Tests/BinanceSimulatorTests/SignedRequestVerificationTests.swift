import BinanceAPI
import Testing

@testable import BinanceSimulator

/// The gateway checks, each verdict with the exchange's code, message and HTTP status.
@Suite struct SignedRequestVerificationTests {
    @Test func aValidHMACCancelIsAccepted() {
        let response = TestClient().cancel("symbol=LTCBTC&orderId=29")
        #expect(response.status == 200)
        #expect(response.json?["status"]?.stringValue == "CANCELED")
    }

    @Test func theDocumentedHMACExampleVerifies() {
        // The exchange documentation's worked example: this exact signature over this exact string
        // with the demo secret. An independent known answer for the simulator's verifier.
        let payload = Array(
            "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559"
                .utf8)
        let key = VerificationKey(hmacSecret: SimulatorDemoKeys.hmacSecret)
        #expect(key.verify("c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71", over: payload))
        #expect(key.verify("C8DB56825AE71D6D79447849E617115F4A920FA2ACDCAB2B053C4B2838BD6B71", over: payload))
        #expect(!key.verify("c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b72", over: payload))
        #expect(!key.verify("not hex", over: payload))
    }

    @Test func missingKeyIs2014With401() {
        var client = TestClient()
        client.apiKey = nil
        let response = client.cancel("symbol=LTCBTC&orderId=29")
        #expect(response.status == 401)
        #expect(response.code == -2014)
        #expect(response.message == "API-key format invalid.")
    }

    @Test func malformedKeyIs2014AndUnknownKeyIs2015() {
        var client = TestClient()
        client.apiKey = "short"
        #expect(client.cancel("symbol=LTCBTC&orderId=29").code == -2014)
        client.apiKey = String(repeating: "A", count: 64)
        let response = client.cancel("symbol=LTCBTC&orderId=29")
        #expect(response.status == 401)
        #expect(response.code == -2015)
        #expect(response.message == "Invalid API-key, IP, or permissions for action.")
    }

    @Test func wrongSecretIs1022AndChangesNothing() {
        var client = TestClient()
        client.signer = RequestSigner(hmacSecret: "not the secret")
        let response = client.cancel("symbol=LTCBTC&orderId=29")
        #expect(response.status == 400)
        #expect(response.code == -1022)
        #expect(response.message == "Signature for this request is not valid.")
        let order = client.exchange.withState { $0.order(symbol: "LTCBTC", isolated: false, orderId: 29) }
        #expect(order?.status == .new)
    }

    @Test func theSignatureCoversTheRawBytesNotAReencodedCopy() {
        let client = TestClient()
        client.exchange.withState { state in
            try? state.add(
                SimulatedOrder(
                    symbol: "LTCBTC", isIsolated: false, orderId: 90, clientOrderId: "a b@c", price: "1.0",
                    origQty: "1.0", side: "BUY", time: testNow),
                account: "demo")
        }
        // Signed over `%20`; the same parameters re-encoded with `+` for the space decode to the
        // same values but are different bytes: the exchange rejects them.
        let signed = client.signedQuery("symbol=LTCBTC&origClientOrderId=a%20b%40c", timestamp: testNow)
        let reencoded = signed.replacingOccurrences(of: "a%20b%40c", with: "a+b%40c")
        let rejected = client.raw("DELETE", "/sapi/v1/margin/order", reencoded)
        #expect(rejected.code == -1022)
        // Lowercase hex in an escape decodes to the same symbol but is not the signed byte string.
        let symbolSigned = client.signedQuery("symbol=\(PercentEncoding.encode("币安人生USDT"))&orderId=7001", timestamp: testNow)
        let lowercased = symbolSigned.replacingOccurrences(of: "%E5%B8%81", with: "%e5%b8%81")
        #expect(lowercased != symbolSigned)
        #expect(client.raw("DELETE", "/sapi/v1/margin/order", lowercased).code == -1022)
        let decodedAt = signed.replacingOccurrences(of: "%40", with: "@")
        #expect(client.raw("DELETE", "/sapi/v1/margin/order", decodedAt).code == -1022)
        let accepted = client.raw("DELETE", "/sapi/v1/margin/order", signed)
        #expect(accepted.status == 200)
        #expect(accepted.json?["origClientOrderId"]?.stringValue == "a b@c")
    }

    @Test func parameterOrderIsPartOfTheSignedBytes() {
        let client = TestClient()
        let signed = client.signedQuery("symbol=LTCBTC&orderId=29", timestamp: testNow)
        let swapped = signed.replacingOccurrences(of: "symbol=LTCBTC&orderId=29", with: "orderId=29&symbol=LTCBTC")
        #expect(client.raw("DELETE", "/sapi/v1/margin/order", swapped).code == -1022)
    }

    @Test func signatureAnywhereInTheQueryIsCutOutOfThePayload() {
        let client = TestClient()
        let payload = "symbol=LTCBTC&orderId=29&timestamp=\(testNow)"
        let signature = client.signer.sign(payload).urlValue
        let first = "signature=\(signature)&" + payload
        #expect(client.raw("DELETE", "/sapi/v1/margin/order", first).status == 200)
    }

    @Test func ed25519AndRSADemoKeysAreAccepted() throws {
        for (apiKey, pem, id) in [
            (SimulatorDemoKeys.ed25519APIKey, SimulatorDemoKeys.ed25519PrivateKeyPEM, Int64(29)),
            (SimulatorDemoKeys.rsaAPIKey, SimulatorDemoKeys.rsaPrivateKeyPEM, Int64(30))
        ] {
            var client = TestClient()
            client.apiKey = apiKey
            client.signer = try RequestSigner(pem: pem)
            let response = client.cancel("symbol=LTCBTC&orderId=\(id)")
            #expect(response.status == 200, "\(response.bodyText)")
            // Base64 signatures travel percent-encoded; a raw `+` decodes to a space and fails.
            let signed = client.signedQuery("symbol=LTCBTC&orderId=28", timestamp: testNow)
            let unescaped = signed.replacingOccurrences(of: "%2B", with: "+").replacingOccurrences(of: "%2F", with: "/")
            if unescaped.contains("+") {
                #expect(client.raw("DELETE", "/sapi/v1/margin/order", unescaped).code == -1022)
            }
        }
    }

    @Test func registeredAccountsHaveTheirOwnBooks() throws {
        let exchange = Exchange.demo()
        let apiKey = String(repeating: "b", count: 64)
        try exchange.register(apiKey: apiKey, key: VerificationKey(hmacSecret: "bob-secret"), account: "bob")
        var client = TestClient(exchange)
        client.apiKey = apiKey
        client.signer = RequestSigner(hmacSecret: "bob-secret")
        #expect(client.cancel("symbol=LTCBTC&orderId=29").code == -2011)
        #expect(throws: SimulatorSetupError.self) {
            try exchange.register(apiKey: apiKey, key: VerificationKey(hmacSecret: "x"), account: "bob")
        }
        #expect(throws: SimulatorSetupError.self) {
            try exchange.register(apiKey: "bad key", key: VerificationKey(hmacSecret: "x"), account: "bob")
        }
    }

    @Test func staleTimestampIs1021() {
        let client = TestClient()
        let response = client.send("DELETE", "/sapi/v1/margin/order", "symbol=LTCBTC&orderId=29", timestamp: testNow - 5_001)
        #expect(response.status == 400)
        #expect(response.code == -1021)
        #expect(response.message == "Timestamp for this request is outside of the recvWindow.")
        let edge = client.send("DELETE", "/sapi/v1/margin/order", "symbol=LTCBTC&orderId=29", timestamp: testNow - 5_000)
        #expect(edge.status == 200)
    }

    @Test func aWiderRecvWindowAcceptsAnOlderTimestamp() {
        let client = TestClient()
        let response = client.send(
            "DELETE", "/sapi/v1/margin/order", "symbol=LTCBTC&orderId=29&recvWindow=20000", timestamp: testNow - 15_000)
        #expect(response.status == 200)
    }

    @Test func timestampAheadBy1000msIs1021() {
        let client = TestClient()
        let ahead = client.send("DELETE", "/sapi/v1/margin/order", "symbol=LTCBTC&orderId=29", timestamp: testNow + 1_000)
        #expect(ahead.code == -1021)
        #expect(ahead.message == "Timestamp for this request was 1000ms ahead of the server's time.")
        let justInside = client.send("DELETE", "/sapi/v1/margin/order", "symbol=LTCBTC&orderId=29", timestamp: testNow + 999)
        #expect(justInside.status == 200)
    }

    @Test func recvWindowOver60000IsRejected() {
        let response = TestClient().cancel("symbol=LTCBTC&orderId=29&recvWindow=60001")
        #expect(response.status == 400)
        #expect(response.code == -1131)
        #expect(TestClient().cancel("symbol=LTCBTC&orderId=29&recvWindow=60000").status == 200)
        #expect(TestClient().cancel("symbol=LTCBTC&orderId=29&recvWindow=5s").code == -1100)
    }

    @Test func missingTimestampOrSignatureIs1102() {
        let client = TestClient()
        let noTimestamp = client.raw("DELETE", "/sapi/v1/margin/order", "symbol=LTCBTC&orderId=29")
        #expect(noTimestamp.code == -1102)
        #expect(noTimestamp.message == "Mandatory parameter 'timestamp' was not sent, was empty/null, or malformed.")
        let noSignature = client.raw("DELETE", "/sapi/v1/margin/order", "symbol=LTCBTC&orderId=29&timestamp=\(testNow)")
        #expect(noSignature.code == -1102)
        #expect(noSignature.message == "Mandatory parameter 'signature' was not sent, was empty/null, or malformed.")
    }

    @Test func missingSymbolIs1102() {
        let response = TestClient().cancel("orderId=29")
        #expect(response.status == 400)
        #expect(response.code == -1102)
        #expect(response.message == "Mandatory parameter 'symbol' was not sent, was empty/null, or malformed.")
    }

    @Test func neitherOrderIdNorClientIdIs1102() {
        let response = TestClient().cancel("symbol=LTCBTC")
        #expect(response.code == -1102)
        #expect(response.message == "Param 'origClientOrderId' or 'orderId' must be sent, but both were empty/null!")
    }

    @Test func repeatedParameterIs1101() {
        let response = TestClient().cancel("symbol=LTCBTC&orderId=29&orderId=30")
        #expect(response.status == 400)
        #expect(response.code == -1101)
        #expect(response.message == "Duplicate values for a parameter detected.")
        let order = TestClient().exchange.withState { $0.order(symbol: "LTCBTC", isolated: false, orderId: 29) }
        #expect(order?.status == .new)
    }

    @Test func malformedOrderIdIs1100AndUnknownSymbolIs1121() {
        #expect(TestClient().cancel("symbol=LTCBTC&orderId=2x9").code == -1100)
        let unknown = TestClient().cancel("symbol=NOPEBTC&orderId=29")
        #expect(unknown.code == -1121)
        #expect(unknown.message == "Invalid symbol.")
        #expect(TestClient().cancel("symbol=LTCBTC&orderId=29&isIsolated=MAYBE").code == -1130)
    }

    @Test func deleteBodyParametersAreIgnoredByDefault() {
        let client = TestClient()
        let body = client.signedQuery("symbol=LTCBTC&orderId=29", timestamp: testNow)
        let response = client.raw("DELETE", "/sapi/v1/margin/order", "", body: body)
        #expect(response.code == -1102)
        let order = client.exchange.withState { $0.order(symbol: "LTCBTC", isolated: false, orderId: 29) }
        #expect(order?.status == .new)
    }

    @Test func deleteBodyParametersCanBeMergedAsTheGeneralDocsDescribe() {
        var configuration = SimulatorConfiguration()
        configuration.deleteBody = .merged
        let client = TestClient(.demo(configuration))
        // Everything in the body (python-binance's DELETE): signed over the body bytes.
        let body = client.signedQuery("orderId=29&symbol=LTCBTC", timestamp: testNow)
        #expect(client.raw("DELETE", "/sapi/v1/margin/order", "", body: body).status == 200)
        // Split: the signature covers the query followed directly by the body.
        let query = "symbol=LTCBTC"
        let rest = "orderId=30&timestamp=\(testNow)"
        let signature = client.signer.sign(query + rest).urlValue
        let split = client.raw("DELETE", "/sapi/v1/margin/order", query, body: rest + "&signature=" + signature)
        #expect(split.status == 200, "\(split.bodyText)")
    }

    @Test func unknownRoutesAre404And405() {
        let client = TestClient()
        #expect(client.raw("GET", "/sapi/v1/margin/nothing", "").status == 404)
        #expect(client.raw("POST", "/sapi/v1/margin/openOrders", "").status == 405)
    }
}
