import Synchronization
import Testing

@testable import BinanceAPI

/// The spot testnet (`--endpoint testnet`): spot requests are built as anywhere else; margin
/// ones, and the documentation's demo key, are refused before anything is signed. Nothing here
/// reaches the network.
@Suite struct SpotTestnetTests {
    static let ownKey = Credentials(
        apiKey: String(repeating: "T", count: 64), signer: RequestSigner(hmacSecret: "testnet-secret"), source: "test")

    @Test func theTestnetIsRecognisedByItsHostAndIsNotLive() {
        #expect(LiveEndpoint.isSpotTestnet(baseURL: LiveEndpoint.spotTestnetURL))
        #expect(LiveEndpoint.isSpotTestnet(baseURL: "https://TESTNET.binance.vision:443/"))
        #expect(!LiveEndpoint.isSpotTestnet(baseURL: "https://api.binance.com"))
        #expect(!LiveEndpoint.isSpotTestnet(baseURL: "http://127.0.0.1:8080"))
        #expect(!LiveEndpoint.isLive(baseURL: LiveEndpoint.spotTestnetURL))
        #expect(RequestBuilder(credentials: nil, baseURL: "https://testnet.binance.vision").spotTestnet)
        #expect(!RequestBuilder(credentials: nil, baseURL: "http://sim.bnc.invalid").spotTestnet)
    }

    @Test func aSpotCancelIsSignedWithTheUsersOwnKey() throws {
        let builder = RequestBuilder(credentials: Self.ownKey, baseURL: LiveEndpoint.spotTestnetURL)
        let request = try builder.prepare(CancelSpotOrder(symbol: "BTCUSDT", orderId: 5), timestamp: 1)
        #expect(request.path == "/api/v3/order" && request.signature != nil)
    }

    @Test(arguments: [
        CancelMarginOrder.endpoint, QueryMarginOrder.endpoint, MarginOpenOrders.endpoint, MarginAllPairs.endpoint
    ])
    func aMarginRequestIsRefusedBeforeItIsSigned(endpoint: EndpointDescription) {
        let builder = RequestBuilder(credentials: Self.ownKey, baseURL: LiveEndpoint.spotTestnetURL)
        #expect(throws: RequestError.marginOnSpotTestnet(endpoint.title, endpoint.line)) {
            try builder.checkEndpoint(endpoint)
        }
        let error = RequestError.marginOnSpotTestnet(endpoint.title, endpoint.line)
        #expect(error.message.contains("the spot testnet has no margin endpoints"))
        #expect(error.hint?.contains("bnc sim") == true)
    }

    @Test func theMarginCancelItselfIsNotSigned() {
        let builder = RequestBuilder(credentials: Self.ownKey, baseURL: LiveEndpoint.spotTestnetURL)
        #expect(throws: RequestError.marginOnSpotTestnet("margin cancel", "DELETE /sapi/v1/margin/order")) {
            try builder.prepare(CancelMarginOrder(symbol: "LTCBTC", orderId: 28), timestamp: 1)
        }
    }

    @Test func theDemoKeyIsRefusedThereButPublicRequestsNeedNoKey() throws {
        let builder = RequestBuilder(credentials: DemoCredentials.hmac, baseURL: LiveEndpoint.spotTestnetURL)
        #expect(throws: RequestError.demoKeyOnSpotTestnet) {
            try builder.prepare(CancelSpotOrder(symbol: "BTCUSDT", orderId: 5), timestamp: 1)
        }
        #expect(RequestError.demoKeyOnSpotTestnet.hint?.contains("https://testnet.binance.vision") == true)
        #expect(try builder.prepare(ServerTime(), timestamp: 1).path == "/api/v3/time")
        // Elsewhere the demo key signs as before.
        let sim = RequestBuilder(credentials: DemoCredentials.hmac, baseURL: "http://sim.bnc.invalid")
        #expect(try sim.prepare(CancelSpotOrder(symbol: "BTCUSDT", orderId: 5), timestamp: 1).signature != nil)
    }

    @Test func theClientRefusesBeforeItConnects() async {
        let transport = RefusingTransport()
        let client = ExchangeClient(transport: transport, credentials: Self.ownKey)
        await #expect(throws: ClientError.self) { _ = try await client.perform(CancelMarginOrder(symbol: "LTCBTC", orderId: 28)) }
        #expect(transport.touched.withLock { $0 } == false)
    }
}

/// A transport on the testnet's address that records whether anything asked it to connect or send.
final class RefusingTransport: Transport, Sendable {
    let endpointName = "testnet"
    let baseURL = LiveEndpoint.spotTestnetURL
    let touched = Mutex(false)

    func warmUp() async { touched.withLock { $0 = true } }

    func send(_ request: PreparedRequest) async throws(TransportError) -> TransportResponse {
        touched.withLock { $0 = true }
        throw .connectFailed("a test transport never sends")
    }
}
