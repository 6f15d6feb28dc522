import Foundation
import Testing

@testable import BinanceAPI

/// Waits are capped and said, and what is sent after a wait is stamped and signed after it.
@Suite struct ClientWaitTests {
    typealias Fake = ExchangeClientPerformTests.FakeTransport

    static let canceled = #"{"symbol":"LTCBTC","orderId":28,"status":"CANCELED"}"#

    /// Collects what the client announces.
    final class Notices: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: [ClientEvent] = []
        func add(_ event: ClientEvent) { lock.withLock { stored.append(event) } }
        var all: [ClientEvent] { lock.withLock { stored } }
    }

    @Test func aRetryAfterOfYearsIsAnErrorNotAWait() async throws {
        let transport = Fake { _, _ in
            ExchangeClientPerformTests.json(
                429, #"{"code":-1003,"msg":"Too much request weight used."}"#, [HTTPHeader("Retry-After", "100000000")])
        }
        let client = ExchangeClient(transport: transport, credentials: DemoCredentials.hmac)
        let started = ContinuousClock.now
        await #expect {
            try await client.perform(CancelMarginOrder(symbol: "LTCBTC", orderId: 28))
        } throws: { error in
            guard let error = error as? ClientError, case .waitRefused(let refusal, _) = error else { return false }
            return refusal.milliseconds == 100_000_000_000 && refusal.reason.contains("429")
                && error.message.contains("until") && error.message.contains("1157 days") && !error.reachedExchange
        }
        #expect(ContinuousClock.now - started < .seconds(5))
        #expect(transport.sent.count == 1)
        // The pause stands for later requests too: refused at once, nothing sent.
        await #expect(throws: ClientError.self) { try await client.perform(CancelMarginOrder(symbol: "LTCBTC", orderId: 29)) }
        #expect(transport.sent.count == 1)
    }

    @Test func aPacingWaitAboveTheCapIsAnErrorThatSaysSo() async throws {
        let transport = Fake { _, _ in
            ExchangeClientPerformTests.json(200, Self.canceled, [HTTPHeader("X-SAPI-USED-IP-WEIGHT-1M", "100")])
        }
        let client = ExchangeClient(transport: transport, credentials: DemoCredentials.hmac)
        await client.configureRateLimits(.init(sapiLimit: 100, window: 60_000, headroom: 0))
        await client.configureSendPolicy(.init(maximumWait: 30_000))
        _ = try await client.perform(CancelMarginOrder(symbol: "LTCBTC", orderId: 28))
        await #expect {
            try await client.perform(CancelMarginOrder(symbol: "LTCBTC", orderId: 28))
        } throws: { error in
            guard let error = error as? ClientError, case .waitRefused(let refusal, _) = error else { return false }
            return refusal.reason == "the request-weight budget" && refusal.milliseconds > 30_000
        }
        #expect(transport.sent.count == 1)
    }

    @Test func aWaitIsAnnouncedBeforeItBeginsAndTheRequestIsSignedAfterIt() async throws {
        let notices = Notices()
        let window: Int64 = 1200
        let stampAges = Notices()
        let transport = Fake { request, _ in
            // How old the timestamp is when the bytes go out: fresh means signed after the wait.
            let age = ExchangeClock.localMilliseconds() - (request.timestamp ?? 0)
            stampAges.add(ClientEvent(.paced, String(age)))
            return ExchangeClientPerformTests.json(200, Self.canceled, [HTTPHeader("X-SAPI-USED-IP-WEIGHT-1M", "20")])
        }
        let client = ExchangeClient(transport: transport, credentials: DemoCredentials.hmac)
        await client.configureRateLimits(.init(sapiLimit: 20, window: window, headroom: 0))
        await client.configureSendPolicy(.init(announcedWait: 500))
        await client.configureWaitNotice { notices.add($0) }
        _ = try await client.perform(CancelMarginOrder(symbol: "LTCBTC", orderId: 28))
        let result = try await client.perform(CancelMarginOrder(symbol: "LTCBTC", orderId: 28))
        #expect(result.events.map(\.kind) == [.paced])
        #expect(notices.all.count == 1)
        #expect(notices.all.first?.message.contains("for the request-weight budget (until ") == true)
        let ages = stampAges.all.compactMap { Int64($0.message) }
        #expect(ages.count == 2)
        #expect(ages.allSatisfy { $0 < 300 }, "timestamps were \(ages) ms old when sent")
    }

    @Test func theLogRecordsTheRequestThatIsSentAfterAWait() async throws {
        final class Recorder: RequestObserver, @unchecked Sendable {
            let lock = NSLock()
            var recorded: [PreparedRequest] = []
            func willSend(_ request: PreparedRequest, attempt: Int) throws { lock.withLock { recorded.append(request) } }
            func didReceive(_ response: TransportResponse, for request: PreparedRequest, latency: Duration) {}
            func didFail(_ error: TransportError, for request: PreparedRequest, latency: Duration) {}
        }
        let recorder = Recorder()
        let transport = Fake { _, index in
            index == 0
                ? ExchangeClientPerformTests.json(429, #"{"code":-1003,"msg":"Too much."}"#, [HTTPHeader("Retry-After", "1")])
                : ExchangeClientPerformTests.json(200, Self.canceled)
        }
        let client = ExchangeClient(transport: transport, credentials: DemoCredentials.hmac, observer: recorder)
        _ = try await client.perform(CancelMarginOrder(symbol: "LTCBTC", orderId: 28))
        let recorded = recorder.lock.withLock { recorder.recorded }
        #expect(recorded == transport.sent) // one record per send, each exactly what went out
        #expect(recorded.count == 2)
        let gap = (recorded[1].timestamp ?? 0) - (recorded[0].timestamp ?? 0)
        #expect(gap >= 990, "the resent request was stamped \(gap) ms after the first: before the 1 s Retry-After")
        #expect(recorded[0].signature != recorded[1].signature)
    }

    @Test func waitsAreDescribedForPeople() {
        #expect(WaitRefusal.describe(250) == "250 ms")
        #expect(WaitRefusal.describe(42_000) == "42 s")
        #expect(WaitRefusal.describe(200_000) == "3 min 20 s")
        #expect(WaitRefusal.describe(100_000_000) == "27 h 46 min")
        #expect(WaitRefusal.describe(.max) == "106751991167 days")
    }
}
