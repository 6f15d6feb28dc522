import BinanceAPI
import Synchronization
import Testing

@testable import Script

/// `ClientHost`'s set-up step: once, before the first operation, and after that not even a hop
/// into its actor.
@Suite struct ClientHostSetUpTests {
    /// Answers every cancel as done and counts what it was sent.
    struct CanceledTransport: Transport {
        let sent = Counter()
        var endpointName: String { "test" }
        var baseURL: String { "http://127.0.0.1:1" }

        func send(_ request: PreparedRequest) async throws(TransportError) -> TransportResponse {
            sent.add()
            let body =
                #"{"symbol":"LTCBTC","orderId":28,"origClientOrderId":"a","clientOrderId":"b","price":"1","#
                + #""origQty":"1","executedQty":"0","cummulativeQuoteQty":"0","status":"CANCELED","#
                + #""timeInForce":"GTC","type":"LIMIT","side":"SELL","isIsolated":false}"#
            return TransportResponse(status: 200, headers: [], body: Array(body.utf8))
        }
    }

    final class Counter: Sendable {
        private let count = Mutex(0)
        func add() { count.withLock { $0 += 1 } }
        var value: Int { count.withLock { $0 } }
    }

    @Test func theStepRunsOnceBeforeTheFirstOperation() async throws {
        let transport = CanceledTransport()
        let client = ExchangeClient(transport: transport, credentials: DemoCredentials.hmac)
        let runs = Counter()
        let sentBeforeStep = Counter()
        let host = ClientHost(client: client) { _ in
            runs.add()
            if transport.sent.value > 0 { sentBeforeStep.add() }
        }
        for id in 1...3 {
            _ = try await host.perform(CancelMarginOrder(symbol: "LTCBTC", orderId: Int64(id)))
        }
        #expect(runs.value == 1)
        #expect(sentBeforeStep.value == 0)
        #expect(transport.sent.value == 3)
    }

    @Test func aTakenStepIsSeenWithoutEnteringTheActor() async {
        let once = SetUpOnce { _ in }
        #expect(!once.isTaken)
        await once.run(ExchangeClient(transport: CanceledTransport(), credentials: DemoCredentials.hmac))
        #expect(once.isTaken)
    }
}
