import Foundation
import Testing

@testable import BinanceAPI

/// `perform` over a scripted transport: what is sent, in what order, after each answer.
@Suite struct ExchangeClientPerformTests {
    /// Answers from a closure that sees every request; records what was sent.
    final class FakeTransport: Transport, @unchecked Sendable {
        let endpointName = "fake"
        let baseURL = "http://127.0.0.1:9"
        private let lock = NSLock()
        private var requests: [PreparedRequest] = []
        private let answer: @Sendable (PreparedRequest, Int) -> Result<TransportResponse, TransportError>

        init(_ answer: @escaping @Sendable (PreparedRequest, Int) -> Result<TransportResponse, TransportError>) {
            self.answer = answer
        }

        var sent: [PreparedRequest] { lock.withLock { requests } }

        func send(_ request: PreparedRequest) async throws(TransportError) -> TransportResponse {
            let index = lock.withLock {
                requests.append(request)
                return requests.count - 1
            }
            return try answer(request, index).get()
        }
    }

    static func json(_ status: Int, _ body: String, _ headers: [HTTPHeader] = []) -> Result<TransportResponse, TransportError> {
        .success(TransportResponse(status: status, headers: headers, body: Array(body.utf8)))
    }

    static func order(_ status: String) -> String {
        #"{"symbol":"LTCBTC","orderId":28,"origClientOrderId":"myOrder1","status":"\#(status)"}"#
    }

    func client(_ transport: FakeTransport) -> ExchangeClient {
        ExchangeClient(transport: transport, credentials: DemoCredentials.hmac)
    }

    @Test func aServerErrorAfterTheCancelIsResolvedByQueryingTheOrder() async throws {
        let transport = FakeTransport { request, index in
            index == 0 ? Self.json(503, "") : Self.json(200, Self.order("CANCELED"))
        }
        let result = try await client(transport).perform(CancelMarginOrder(symbol: "LTCBTC", isIsolated: true, orderId: 28))
        #expect(transport.sent.map(\.method) == [.delete, .get])
        #expect(transport.sent[1].path == "/sapi/v1/margin/order")
        #expect(transport.sent[1].query.hasPrefix("symbol=LTCBTC&isIsolated=TRUE&orderId=28&timestamp="))
        #expect(result.response.status == "CANCELED")
        #expect(result.request.method == .delete)
        #expect(result.events.map(\.kind) == [.outcomeUnknown, .checked])
        #expect(result.events[1].message.contains("the cancel took effect"))
    }

    @Test func aLostAnswerWithTheOrderStillOpenSendsTheCancelOnceMore() async throws {
        let transport = FakeTransport { _, index in
            switch index {
            case 0: return .failure(.timedOut("no answer"))
            case 1: return Self.json(200, Self.order("NEW"))
            default: return Self.json(200, Self.order("CANCELED"))
            }
        }
        let result = try await client(transport).perform(CancelMarginOrder(symbol: "LTCBTC", origClientOrderId: "myOrder1"))
        #expect(transport.sent.map(\.method) == [.delete, .get, .delete])
        #expect(transport.sent[1].query.hasPrefix("symbol=LTCBTC&origClientOrderId=myOrder1&timestamp="))
        #expect(result.response.status == "CANCELED")
        #expect(result.events.map(\.kind) == [.outcomeUnknown, .checked])
    }

    @Test func aFilledOrderIsReportedNotCanceledAgain() async throws {
        let transport = FakeTransport { _, index in index == 0 ? Self.json(500, "") : Self.json(200, Self.order("FILLED")) }
        await #expect {
            try await client(transport).perform(CancelMarginOrder(symbol: "LTCBTC", orderId: 28))
        } throws: { error in
            guard case .moot(let detail, _) = error as? ClientError else { return false }
            return detail.contains("FILLED")
        }
        #expect(transport.sent.count == 2)
    }

    @Test func aPendingCancelIsAskedAgainNeitherReportedNorSentAgain() async throws {
        // 503, then the check sees PENDING_CANCEL (the first DELETE is being applied), then CANCELED.
        let transport = FakeTransport { _, index in
            switch index {
            case 0: return Self.json(503, "")
            case 1: return Self.json(200, Self.order("PENDING_CANCEL"))
            default: return Self.json(200, Self.order("CANCELED"))
            }
        }
        let client = client(transport)
        await client.configureSendPolicy(.init(backoff: [1]))
        let result = try await client.perform(CancelMarginOrder(symbol: "LTCBTC", orderId: 28))
        #expect(transport.sent.map(\.method) == [.delete, .get, .get])
        #expect(result.response.status == "CANCELED")
    }

    @Test func aWaitRefusedAfterAnUnknownSendLeavesTheOutcomeUnknown() async throws {
        // 503 (unknown), the check sees NEW, the resent DELETE draws a 429 asking for 10 minutes:
        // bnc does not wait that long, but the first DELETE may still have acted.
        let transport = FakeTransport { _, index in
            switch index {
            case 0: return Self.json(503, "")
            case 1: return Self.json(200, Self.order("NEW"))
            default: return Self.json(429, #"{"code":-1003,"msg":"Too many requests."}"#, [HTTPHeader("Retry-After", "600")])
            }
        }
        await #expect {
            try await client(transport).perform(CancelMarginOrder(symbol: "LTCBTC", orderId: 28))
        } throws: { error in
            guard let error = error as? ClientError, case .unresolved(let story, _) = error else { return false }
            return error.outcomeUnknown && error.reachedExchange && story.contains("503") && story.contains("still NEW")
        }
        #expect(transport.sent.map(\.method) == [.delete, .get, .delete])
    }

    @Test func invalidTimestampResyncsTheClockAndSendsAgain() async throws {
        let skew: Int64 = 7_000
        let transport = FakeTransport { request, _ in
            if request.path == "/api/v3/time" {
                return Self.json(200, #"{"serverTime":\#(ExchangeClock.localMilliseconds() + skew)}"#)
            }
            let stamp = request.timestamp ?? 0
            let server = ExchangeClock.localMilliseconds() + skew
            if server - stamp > 5000 {
                return Self.json(400, #"{"code":-1021,"msg":"Timestamp for this request is outside of the recvWindow."}"#)
            }
            return Self.json(200, Self.order("CANCELED"))
        }
        let client = client(transport)
        let result = try await client.perform(CancelMarginOrder(symbol: "LTCBTC", orderId: 28))
        #expect(transport.sent.map(\.path) == ["/sapi/v1/margin/order", "/api/v3/time", "/sapi/v1/margin/order"])
        #expect(result.events.map(\.kind) == [.clockResynced])
        let offset = await client.clock.offset
        #expect(abs(offset - skew) < 1000)
    }

    @Test func tooManyRequestsWaitsRetryAfter() async throws {
        let transport = FakeTransport { _, index in
            index == 0
                ? Self.json(429, #"{"code":-1003,"msg":"Too much request weight used."}"#, [HTTPHeader("Retry-After", "1")])
                : Self.json(200, Self.order("CANCELED"))
        }
        let started = ContinuousClock.now
        let result = try await client(transport).perform(CancelMarginOrder(symbol: "LTCBTC", orderId: 28))
        #expect(ContinuousClock.now - started >= .milliseconds(990))
        #expect(result.events.first?.kind == .rateLimited)
    }

    @Test func aBanStopsThisAndEveryLaterRequest() async throws {
        let transport = FakeTransport { _, _ in
            Self.json(
                418, #"{"code":-1003,"msg":"Way too much request weight used; IP banned."}"#, [HTTPHeader("Retry-After", "120")])
        }
        let client = client(transport)
        await #expect(throws: ClientError.self) { try await client.perform(CancelMarginOrder(symbol: "LTCBTC", orderId: 28)) }
        await #expect {
            try await client.perform(ServerTime())
        } throws: { error in
            guard case .banned(let until, _) = error as? ClientError else { return false }
            return until > ExchangeClock.localMilliseconds() + 100_000
        }
        #expect(transport.sent.count == 1)
    }

    @Test func exchangeErrorsPassThroughUnchanged() async throws {
        let transport = FakeTransport { _, _ in Self.json(400, #"{"code":-2011,"msg":"Unknown order sent."}"#) }
        await #expect {
            try await client(transport).perform(CancelMarginOrder(symbol: "LTCBTC", orderId: 28))
        } throws: { error in
            guard case .exchange(let exchange, _) = error as? ClientError else { return false }
            return exchange.code == -2011
        }
        #expect(transport.sent.count == 1)
    }

    @Test func refusedConnectionsAreNotRetried() async throws {
        let transport = FakeTransport { _, _ in .failure(.connectFailed("connection refused")) }
        await #expect(throws: ClientError.self) { try await client(transport).perform(MarginOpenOrders(symbol: "LTCBTC")) }
        #expect(transport.sent.count == 1)
    }

    @Test func readsAreRetriedAfterServerErrors() async throws {
        let transport = FakeTransport { _, index in index < 2 ? Self.json(502, "") : Self.json(200, "[\(Self.order("NEW"))]") }
        let result = try await client(transport).perform(MarginOpenOrders(symbol: "LTCBTC"))
        #expect(result.response.orders.count == 1 && transport.sent.count == 3)
    }

    @Test func validationErrorsSendNothing() async throws {
        let transport = FakeTransport { _, _ in Self.json(200, "{}") }
        await #expect {
            try await client(transport).perform(CancelMarginOrder(symbol: "LTCBTC"))
        } throws: { error in
            (error as? ClientError)?.isUsageError == true
        }
        #expect(transport.sent.isEmpty)
    }

    @Test func pacingKeepsUnderAConfiguredWindow() async throws {
        // A fixed-window exchange double: 50 weight per 200 ms window.
        let window: Int64 = 200
        let state = NSLock()
        nonisolated(unsafe) var counter = (window: Int64(-1), used: 0, rejected: 0)
        let transport = FakeTransport { request, _ in
            state.withLock {
                let now = ExchangeClient.monotonicMilliseconds() / window
                if now != counter.window { counter = (now, 0, counter.rejected) }
                if counter.used + 10 > 50 {
                    counter.rejected += 1
                    return Self.json(
                        429, #"{"code":-1003,"msg":"Too much request weight used."}"#, [HTTPHeader("Retry-After", "1")])
                }
                counter.used += 10
                return Self.json(200, Self.order("CANCELED"), [HTTPHeader("X-SAPI-USED-IP-WEIGHT-1M", String(counter.used))])
            }
        }
        let client = client(transport)
        await client.configureRateLimits(.init(sapiLimit: 50, window: window, headroom: 0))
        for id in 1...30 { _ = try await client.perform(CancelMarginOrder(symbol: "LTCBTC", orderId: Int64(id))) }
        #expect(state.withLock { counter.rejected } == 0)
        #expect(transport.sent.count == 30)
    }
}
