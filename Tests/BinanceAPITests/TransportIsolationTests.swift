import Synchronization
import Testing

@testable import BinanceAPI

/// `Transport.send` and `warmUp` are `nonisolated(nonsending)`: a transport that is too runs on
/// the client's actor, with no hop off it and back for each request (docs/performance.md,
/// "Fourth pass: the wire").
@Suite struct TransportIsolationTests {
    final class Seen: Sendable {
        let sendOnClient = Mutex<Bool?>(nil)
        let warmUpOnClient = Mutex<Bool?>(nil)
    }

    struct IsolationRecordingTransport: Transport {
        let seen: Seen
        var endpointName: String { "test" }
        var baseURL: String { "http://127.0.0.1:1" }

        nonisolated(nonsending) func send(_ request: PreparedRequest) async throws(TransportError) -> TransportResponse {
            let onClient = Self.onClient(#isolation) // read here: inside a closure it is the closure's
            seen.sendOnClient.withLock { $0 = onClient }
            let body =
                #"{"symbol":"LTCBTC","orderId":28,"origClientOrderId":"a","clientOrderId":"b","price":"1","#
                + #""origQty":"1","executedQty":"0","cummulativeQuoteQty":"0","status":"CANCELED","#
                + #""timeInForce":"GTC","type":"LIMIT","side":"SELL","isIsolated":false}"#
            return TransportResponse(status: 200, headers: [], body: Array(body.utf8))
        }

        static func onClient(_ isolation: (any Actor)?) -> Bool {
            guard let isolation else { return false }
            return isolation is ExchangeClient
        }

        nonisolated(nonsending) func warmUp() async {
            let onClient = Self.onClient(#isolation)
            seen.warmUpOnClient.withLock { $0 = onClient }
        }
    }

    @Test func aNonsendingTransportRunsOnTheClientsActor() async throws {
        let seen = Seen()
        let client = ExchangeClient(transport: IsolationRecordingTransport(seen: seen), credentials: DemoCredentials.hmac)
        _ = try await client.perform(CancelMarginOrder(symbol: "LTCBTC", orderId: 28))
        #expect(seen.sendOnClient.withLock { $0 } == true)
        #expect(seen.warmUpOnClient.withLock { $0 } == true)
    }
}
