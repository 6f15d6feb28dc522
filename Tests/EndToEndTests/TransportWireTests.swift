import BinanceAPI
import Foundation
import Testing

/// The HTTP transport and client against the real `bnc sim --port` server on 127.0.0.1.
@Suite(.serialized) struct TransportWireTests {
    static func client(_ sim: SimulatorProcess, credentials: Credentials = DemoCredentials.hmac) throws -> ExchangeClient {
        ExchangeClient(transport: try HTTPTransport(baseURL: sim.baseURL), credentials: credentials)
    }

    @Test func cancelByIdAndByClientIdCrossAndIsolated() async throws {
        let sim = try SimulatorProcess()
        defer { sim.stop() }
        let client = try Self.client(sim)
        let byId = try await client.perform(CancelMarginOrder(symbol: "LTCBTC", orderId: 28))
        #expect(byId.response.orderId == 28 && byId.response.status == "CANCELED")
        let byClientId = try await client.perform(CancelMarginOrder(symbol: "LTCBTC", origClientOrderId: "myOrder2"))
        #expect(byClientId.response.orderId == 29 && byClientId.response.status == "CANCELED")
        let isolated = try await client.perform(CancelMarginOrder(symbol: "LTCBTC", isIsolated: true, orderId: 31))
        #expect(isolated.response.status == "CANCELED")
        // The isolated order is not on the cross account: -2011, exactly as the exchange says.
        await #expect {
            try await client.perform(CancelMarginOrder(symbol: "BTCUSDT", orderId: 1003))
        } throws: { error in
            guard case .exchange(let exchange, _) = error as? ClientError else { return false }
            return exchange.code == -2011 && exchange.message == "Unknown order sent."
        }
        let open = try await client.perform(MarginOpenOrders(symbol: "LTCBTC"))
        #expect(!open.response.orders.contains { [28, 29].contains($0.orderId) })
        let all = try await client.perform(MarginAllOrders(symbol: "LTCBTC"))
        #expect(all.response.orders.first { $0.orderId == 28 }?.status == "CANCELED")
        let time = try await client.perform(ServerTime())
        #expect(abs(time.response.serverTime - ExchangeClock.localMilliseconds()) < 5000)
    }

    @Test func aBadSecretIsRejectedWithInvalidSignature() async throws {
        let sim = try SimulatorProcess()
        defer { sim.stop() }
        let wrong = Credentials(
            apiKey: DemoCredentials.apiKey, signer: RequestSigner(hmacSecret: "not-the-secret"), source: "test")
        await #expect {
            try await Self.client(sim, credentials: wrong).perform(CancelMarginOrder(symbol: "LTCBTC", orderId: 28))
        } throws: { error in
            guard case .exchange(let exchange, _) = error as? ClientError else { return false }
            return exchange.code == -1022
        }
    }

    @Test func aSkewedClockIsResyncedOnceAndTheCancelGoesThrough() async throws {
        let sim = try SimulatorProcess(["--skew-ms", "30000"])
        defer { sim.stop() }
        let client = try Self.client(sim)
        let result = try await client.perform(CancelMarginOrder(symbol: "LTCBTC", orderId: 28))
        #expect(result.response.status == "CANCELED")
        #expect(result.events.map(\.kind) == [.clockResynced])
        let offset = await client.clock.offset
        // The offset is known to within half the time request's round trip, which the event
        // states (±U ms). On a loaded machine that round trip can take seconds; the bound is
        // what the sample itself guarantees, not a fixed figure.
        let message = result.events.first?.message ?? ""
        let uncertainty = message.split(separator: "±").last.flatMap { Int64($0.prefix { $0.isNumber }) }
        let bound = try #require(uncertainty, "no ±uncertainty in '\(message)'")
        #expect(abs(offset - 30_000) <= bound + 50, "offset \(offset), \(message)")
        #expect(sim.log.contains("-1021"))
    }

    /// Sequential cancels over one keep-alive connection; prints the rate for the report.
    @Test func wireRate() async throws {
        let count = 2000
        let sim = try SimulatorProcess(["--bulk", "WIREBTC=\(count)", "--weight-limit", "100000000"])
        defer { sim.stop() }
        let client = try Self.client(sim)
        // Both sides' budgets out of the way: this measures the wire, not the pacing.
        await client.configureRateLimits(.init(sapiLimit: 100_000_000))
        let open = try await client.perform(MarginOpenOrders(symbol: "WIREBTC"))
        let ids = open.response.orders.map(\.orderId)
        #expect(ids.count == count)
        let started = ContinuousClock.now
        for id in ids { _ = try await client.perform(CancelMarginOrder(symbol: "WIREBTC", orderId: id)) }
        let elapsed = ContinuousClock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        print("wire rate: \(count) sequential cancels in \(seconds) s = \(Int(Double(count) / seconds)) cancels/s")
        #expect(try await client.perform(MarginOpenOrders(symbol: "WIREBTC")).response.orders.isEmpty)
    }
}
