import Testing

@testable import BinanceAPI

/// Numbers from outside (headers, bodies, profile limits) never meet a trapping operator: each
/// of these stopped the process with an overflow trap (exit 132) before it was saturated.
@Suite struct HostileArithmeticTests {
    static let sapi = "/sapi/v1/margin/order"

    static func answer(_ status: Int, _ headers: [(String, String)], body: String = "") -> TransportResponse {
        TransportResponse(status: status, headers: headers.map { HTTPHeader($0.0, $0.1) }, body: Array(body.utf8))
    }

    @Test func aHugeRetryAfterOnA200DoesNotTrap() {
        var state = RateLimitState()
        for value in ["9999999999999999", "99999999999999999999999", "9223372036854775807"] {
            state.willSend(path: Self.sapi, weight: 1)
            state.didReceive(Self.answer(200, [("Retry-After", value)]), path: Self.sapi, weight: 1, now: 1000, wallNow: 1000)
            #expect(RateLimitState.retryAfterMilliseconds(Self.answer(200, [("Retry-After", value)])) == .max)
        }
        #expect(state.pausedUntil == nil)
    }

    @Test func aHugeRetryAfterOnA429Or418SaturatesTheEndTimes() {
        var state = RateLimitState()
        state.didReceive(Self.answer(429, [("Retry-After", "99999999999999999")]), path: Self.sapi, weight: 1, now: 5, wallNow: 5)
        #expect(state.pausedUntil == .max)
        state.didReceive(Self.answer(418, [("Retry-After", "99999999999999999")]), path: Self.sapi, weight: 1, now: 5, wallNow: 5)
        #expect(state.ban?.monotonic == .max && state.ban?.wall == .max)
        #expect(state.admission(path: Self.sapi, weight: 1, now: 6) == .banned(until: .max))
    }

    @Test func anOverflowingIntervalIsNotBelieved() {
        #expect(RateLimitState.interval("999999999999999M") == nil)
        #expect(RateLimitState.interval("9223372036854775807S") == nil)
        #expect(RateLimitState.interval("2D") == nil) // longer than any window the exchange has
        var state = RateLimitState(.init(sapiLimit: 100))
        state.willSend(path: Self.sapi, weight: 1)
        state.didReceive(
            Self.answer(200, [("X-SAPI-USED-IP-WEIGHT-999999999999999M", "5")]), path: Self.sapi, weight: 1, now: 1, wallNow: 1)
        #expect(state.budgets[.sapi]?.window == 60_000)
    }

    @Test func aUsedWeightOfInt64MaxDoesNotTrap() {
        var state = RateLimitState(.init(sapiLimit: 100, window: 1000))
        for value in ["9223372036854775807", "99999999999999999999999"] {
            let ticket = state.willSend(path: Self.sapi, weight: 10)
            state.didReceive(
                Self.answer(200, [("X-SAPI-USED-IP-WEIGHT-1M", value)]), path: Self.sapi, weight: 10, now: 10, wallNow: 10,
                ticket: ticket)
        }
        #expect(state.budgets[.sapi]?.used == RateLimitState.maximumReportedWeight)
        // Over the limit: wait for the window to end, not for ever.
        #expect(state.admission(path: Self.sapi, weight: 10, now: 20) == .wait(990))
    }

    @Test func aBudgetWithExtremeLimitsDoesNotTrap() {
        var budget = WeightBudget(limit: .max, window: .max)
        let ticket = budget.reserve(.max)
        budget.reserve(.max)
        budget.record(reported: .max, weight: .max, at: .max, ticket: ticket)
        budget.record(reported: .max, weight: .max, at: .max - 1)
        _ = budget.delay(for: .max, at: .min)
        _ = budget.usedWeight(at: .max)
        budget.release(.min)
    }

    @Test func aServerTimeOfInt64MinIsNotAnOffset() {
        let sample = ClockSample(sentAt: 1_700_000_000_000, receivedAt: 1_700_000_000_010, serverTime: .min)
        #expect(sample.offset == .min)
        #expect(!sample.isPlausible)
        #expect(!ClockSync.accepts(offset: sample.offset, sample: sample))
        let ahead = ClockSample(sentAt: .min, receivedAt: .max, serverTime: .max)
        #expect(ahead.roundTrip == .max && ahead.uncertainty > 0 && !ahead.isPlausible)
        #expect(ExchangeClock(offset: .max).now() == .max)
        #expect(ExchangeClock(offset: .min).now() == .min + ExchangeClock.localMilliseconds())
    }

    @Test func aResyncAnsweredWithInt64MinKeepsTheOffsetAndReportsTheMinus1021() async throws {
        let transport = ExchangeClientPerformTests.FakeTransport { request, _ in
            if request.path == "/api/v3/time" {
                return ExchangeClientPerformTests.json(200, #"{"serverTime":-9223372036854775808}"#)
            }
            return ExchangeClientPerformTests.json(
                400, #"{"code":-1021,"msg":"Timestamp for this request is outside of the recvWindow."}"#)
        }
        let client = ExchangeClient(transport: transport, credentials: DemoCredentials.hmac)
        await #expect {
            try await client.perform(CancelMarginOrder(symbol: "LTCBTC", orderId: 28))
        } throws: { error in
            guard case .exchange(let exchange, _) = error as? ClientError else { return false }
            return exchange.code == -1021
        }
        #expect(await client.clock.offset == 0)
        #expect(transport.sent.map(\.path) == [Self.sapi, "/api/v3/time"])
    }

    @Test func saturatingOperationsClampAtTheBounds() {
        #expect(Int64.max.addingSaturated(1) == .max)
        #expect(Int64.min.addingSaturated(-1) == .min)
        #expect(Int64.min.subtractingSaturated(1) == .min)
        #expect(Int64.max.subtractingSaturated(-1) == .max)
        #expect(Int64.max.multipliedSaturated(by: 2) == .max)
        #expect(Int64.min.multipliedSaturated(by: 2) == .min)
        #expect(Int64(-3).multipliedSaturated(by: .max) == .min)
        #expect(UInt64(1).subtractingSaturated(2) == 0)
        #expect(Int64(40).addingSaturated(2) == 42)
    }
}
