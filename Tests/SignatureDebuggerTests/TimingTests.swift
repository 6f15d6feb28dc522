import BinanceAPI
import Testing

@testable import SignatureDebugger

@Suite struct TimingTests {
    static func signed(_ query: String) -> String {
        query + "&signature=" + RequestSigner(hmacSecret: DemoCredentials.secret).sign(query).text
    }

    static func codes(_ query: String, at reference: TimeReference) throws -> [FindingCode] {
        try SignatureExplainer(key: .demo).explain(signed(query), at: reference).findingCodes
    }

    @Test func withinTheWindowIsValid() throws {
        let explanation = try SignatureExplainer(key: .demo).explain(
            Self.signed("symbol=LTCBTC&orderId=28&recvWindow=5000&timestamp=1000000000000"), at: .given(1_000_000_004_999))
        #expect(explanation.isValid)
        #expect(explanation.timing.accepted == true)
        #expect(explanation.timing.ageMilliseconds == 4999)
    }

    @Test func olderThanRecvWindowIsRejected() throws {
        let query = "symbol=LTCBTC&orderId=28&recvWindow=5000&timestamp=1000000000000"
        #expect(try Self.codes(query, at: .given(1_000_000_005_001)).contains(.outsideRecvWindow))
        #expect(!(try Self.codes(query, at: .given(1_000_000_005_000)).contains(.outsideRecvWindow)))
    }

    @Test func theDefaultWindowIs5000() throws {
        let query = "symbol=LTCBTC&orderId=28&timestamp=1000000000000"
        #expect(try Self.codes(query, at: .given(1_000_000_005_001)).contains(.outsideRecvWindow))
    }

    @Test func aheadOfTheServerByASecondIsRejected() throws {
        let query = "symbol=LTCBTC&orderId=28&timestamp=1000000001000"
        #expect(try Self.codes(query, at: .given(1_000_000_000_000)).contains(.aheadOfServer))
        #expect(!(try Self.codes(query, at: .given(1_000_000_000_001)).contains(.aheadOfServer)))
    }

    @Test func recvWindowAbove60000() throws {
        let query = "symbol=LTCBTC&orderId=28&recvWindow=60001&timestamp=1000000000000"
        #expect(try Self.codes(query, at: .given(1_000_000_000_000)).contains(.recvWindowTooLarge))
        let limit = "symbol=LTCBTC&orderId=28&recvWindow=60000&timestamp=1000000000000"
        #expect(!(try Self.codes(limit, at: .given(1_000_000_000_000)).contains(.recvWindowTooLarge)))
    }

    @Test(arguments: ["0", "-5", "abc", "5000.1234"])
    func malformedRecvWindow(_ value: String) throws {
        let query = "symbol=LTCBTC&orderId=28&recvWindow=\(value)&timestamp=1000000000000"
        #expect(try Self.codes(query, at: .given(1_000_000_000_000)).contains(.recvWindowMalformed))
    }

    @Test func recvWindowMayCarryMicroseconds() throws {
        let query = "symbol=LTCBTC&orderId=28&recvWindow=5000.5&timestamp=1000000000000"
        let explanation = try SignatureExplainer(key: .demo).explain(Self.signed(query), at: .given(1_000_000_000_000))
        #expect(explanation.isValid)
        #expect(explanation.timing.recvWindowMilliseconds == 5000.5)
    }

    @Test func timestampInSeconds() throws {
        let query = "symbol=LTCBTC&orderId=28&timestamp=1000000000"
        let explanation = try SignatureExplainer(key: .demo).explain(Self.signed(query), at: .given(1_000_000_000_000))
        #expect(explanation.findingCodes.contains(.timestampInSeconds))
        #expect(explanation.timing.unit == .seconds)
        #expect(explanation.exitCode == 1)
    }

    @Test func timestampInMicrosecondsIsAnErrorOnSapiAndAWarningOnSpot() throws {
        let query = "symbol=LTCBTC&orderId=28&timestamp=1000000000000123"
        let sapi = try SignatureExplainer(key: .demo).explain(
            "https://api.binance.com/sapi/v1/margin/order?" + Self.signed(query), at: .given(1_000_000_000_000))
        #expect(sapi.findings.first { $0.code == .timestampInMicroseconds }?.severity == .error)
        let spot = try SignatureExplainer(key: .demo).explain(
            "https://api.binance.com/api/v3/order?" + Self.signed(query), at: .given(1_000_000_000_000))
        #expect(spot.findings.first { $0.code == .timestampInMicroseconds }?.severity == .warning)
        #expect(spot.timing.timestampMilliseconds == 1_000_000_000_000)
        #expect(spot.isValid)
    }

    @Test func missingAndMalformedTimestamps() throws {
        #expect(try Self.codes("symbol=LTCBTC&orderId=28", at: .given(1)).contains(.timestampMissing))
        #expect(try Self.codes("symbol=LTCBTC&timestamp=12ab", at: .given(1)).contains(.timestampMalformed))
        #expect(try Self.codes("symbol=LTCBTC&timestamp=1000000000000000000", at: .given(1)).contains(.timestampMalformed))
    }

    @Test func theLocalClockIsUsedAndSaidWhenNoEndpointIsGiven() throws {
        let now = ExchangeClock.localMilliseconds()
        let explanation = try SignatureExplainer(key: .demo).explain(
            Self.signed("symbol=LTCBTC&orderId=28&timestamp=\(now)"), at: .localClock())
        #expect(explanation.timing.reference.source == .local)
        #expect(explanation.findingCodes.contains(.localClockOnly))
        #expect(explanation.isValid)
    }

    struct FixedServer: ServerTimeSource {
        var time: Int64?
        var endpointName: String { "http://127.0.0.1:9" }
        func serverTime() async throws(ServerTimeError) -> Int64 {
            guard let time else { throw ServerTimeError("connection refused") }
            return time
        }
    }

    @Test func theServerTimeIsAskedThroughTheInjectedSource() async throws {
        let local = ExchangeClock.localMilliseconds()
        // The exchange is 30 s ahead of this machine; the client stamped with this machine's clock.
        let server = FixedServer(time: local + 30_000)
        let explanation = try await SignatureExplainer(key: .demo).explain(
            Self.signed("symbol=LTCBTC&orderId=28&timestamp=\(local)"), timeSource: server)
        #expect(explanation.timing.reference.source == .server)
        #expect(explanation.timing.reference.endpoint == "http://127.0.0.1:9")
        #expect(explanation.findingCodes.contains(.outsideRecvWindow))
        #expect(explanation.findingCodes.contains(.localClockSkew))
        #expect(!explanation.findingCodes.contains(.localClockOnly))
    }

    @Test func anUnreachableServerFallsBackToTheLocalClockAndSaysSo() async throws {
        let now = ExchangeClock.localMilliseconds()
        let explanation = try await SignatureExplainer(key: .demo).explain(
            Self.signed("symbol=LTCBTC&orderId=28&timestamp=\(now)"), timeSource: FixedServer(time: nil))
        #expect(explanation.findingCodes.contains(.serverTimeUnavailable))
        #expect(explanation.findingCodes.contains(.localClockOnly))
        #expect(explanation.isValid)
    }

    struct RecordingTransport: Transport {
        var endpointName: String { "test" }
        var baseURL: String { "http://127.0.0.1:9" }
        func send(_ request: PreparedRequest) async throws(TransportError) -> TransportResponse {
            guard request.method == .get, request.path == "/api/v3/time", request.signature == nil else {
                return TransportResponse(status: 404, headers: [], body: [])
            }
            return TransportResponse(status: 200, headers: [], body: Array(#"{"serverTime":1499827319559}"#.utf8))
        }
    }

    @Test func transportServerTimeSendsGetApiV3Time() async throws {
        #expect(try await TransportServerTime(transport: RecordingTransport()).serverTime() == 1_499_827_319_559)
    }
}
