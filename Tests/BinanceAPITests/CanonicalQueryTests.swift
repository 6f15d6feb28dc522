import BNCTestSupport
import Testing

@testable import BinanceAPI

@Suite struct CanonicalQueryTests {
    @Test func nonASCIIIsUTF8ThenPercentEncoded() {
        #expect(PercentEncoding.encode("币安人生USDT") == "%E5%B8%81%E5%AE%89%E4%BA%BA%E7%94%9FUSDT")
        // The exchange's own Unicode example (fullwidth digits).
        #expect(
            CanonicalQuery([QueryParameter("symbol", "１２３４５６")]).encoded
                == "symbol=%EF%BC%91%EF%BC%92%EF%BC%93%EF%BC%94%EF%BC%95%EF%BC%96")
    }

    @Test func reservedCharactersAreEncoded() {
        #expect(PercentEncoding.encode("@") == "%40")
        #expect(PercentEncoding.encode("&") == "%26")
        #expect(PercentEncoding.encode("=") == "%3D")
        #expect(PercentEncoding.encode("+") == "%2B")
        #expect(PercentEncoding.encode(" ") == "%20")
        #expect(PercentEncoding.encode("/") == "%2F")
        #expect(PercentEncoding.encode("?") == "%3F")
        #expect(PercentEncoding.encode("%") == "%25")
        #expect(PercentEncoding.encode("a b&c=d") == "a%20b%26c%3Dd")
    }

    @Test func escapesUseUppercaseHex() {
        let encoded = PercentEncoding.encode("\u{FF}:;<>[]{}|\\^`\"'\n")
        #expect(encoded == "%C3%BF%3A%3B%3C%3E%5B%5D%7B%7D%7C%5C%5E%60%22%27%0A")
        #expect(encoded == encoded.uppercased())
    }

    @Test func unreservedCharactersAreKept() {
        let unreserved = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~"
        #expect(PercentEncoding.encode(unreserved) == unreserved)
        for byte in UInt8(0)...UInt8(127) {
            let character = String(UnicodeScalar(byte))
            #expect((PercentEncoding.encode(character) == character) == unreserved.contains(character))
        }
    }

    @Test func namesAndValuesAreEncodedInTheGivenOrder() {
        let query = CanonicalQuery([
            QueryParameter("symbol", "LTCBTC"), QueryParameter("newClientOrderId", "my id/1"),
            QueryParameter("a b", "x"), QueryParameter("timestamp", "1499827319559")
        ])
        #expect(query.encoded == "symbol=LTCBTC&newClientOrderId=my%20id%2F1&a%20b=x&timestamp=1499827319559")
        #expect(CanonicalQuery([]).encoded == "")
    }

    @Test func decodingTakesEitherCaseAndOptionallyPlus() {
        #expect(PercentEncoding.decode("a%2fb%2F") == "a/b/")
        #expect(PercentEncoding.decode("a+b") == "a+b")
        #expect(PercentEncoding.decode("a+b", plusIsSpace: true) == "a b")
        #expect(PercentEncoding.decode("100%") == nil)
        #expect(PercentEncoding.decode("%zz") == nil)
        #expect(PercentEncoding.decode("%FF") == nil)
    }

    @Test func rawPairsKeepTheBytesAsSent() {
        let pairs = CanonicalQuery.rawPairs(of: "a=1&b=x%2By&c&d=")
        #expect(pairs.map { "\($0.name)|\($0.value)" } == ["a|1", "b|x%2By", "c|", "d|"])
        #expect(CanonicalQuery.rawPairs(of: "").isEmpty)
    }

    /// A signed operation with arbitrary parameters, for the property test.
    struct AnyParameters: DocumentedOperation {
        typealias Response = MarginOrder
        static let endpoint = EndpointDescription(
            .delete, "/test", weight: RequestWeight(1, .ip), security: .trade, title: "test", effect: .write, parameters: [])
        var parameters: [QueryParameter]
        func validate() throws(ValidationError) {}
    }

    static let alphabet: [Character] = Array(
        "abcXYZ019-._~ !\"#$%&'()*+,/:;<=>?@[\\]^`{|}\n\té币安人生🚀１")

    @Test func theSignedStringIsTheSentStringBeforeSignature() throws {
        let signer = RequestSigner(hmacSecret: DemoCredentials.secret)
        let builder = RequestBuilder(credentials: DemoCredentials.hmac)
        var random = SplitMix64(seed: 20_261_125)
        for round in 0..<500 {
            let count = Int.random(in: 1...6, using: &random)
            let parameters = (0..<count).map { index in
                let length = Int.random(in: 0...12, using: &random)
                let value = String((0..<length).map { _ in Self.alphabet.randomElement(using: &random)! })
                return QueryParameter("p\(index)", value)
            }
            let request = try builder.prepare(AnyParameters(parameters: parameters), timestamp: 1_499_827_319_559 + Int64(round))
            let sent = request.urlQuery
            let marker = try #require(sent.range(of: "&signature=", options: .backwards))
            let beforeSignature = String(sent[..<marker.lowerBound])
            let signatureValue = String(sent[marker.upperBound...])
            #expect(beforeSignature == request.query, "round \(round)")
            #expect(signer.sign(beforeSignature) == request.signature, "round \(round)")
            #expect(signatureValue == request.signature?.urlValue)
            // What was sent decodes back to exactly the values given, timestamp last.
            let decoded = CanonicalQuery.rawPairs(of: Substring(beforeSignature)).map {
                QueryParameter(PercentEncoding.decode($0.name) ?? "?", PercentEncoding.decode($0.value) ?? "?")
            }
            #expect(decoded == parameters + [QueryParameter("timestamp", String(1_499_827_319_559 + Int64(round)))])
        }
    }
}
