import Testing

@testable import BinanceAPI

@Suite struct RateLimitStateTests {
    static func answer(_ status: Int, _ headers: [(String, String)]) -> TransportResponse {
        TransportResponse(status: status, headers: headers.map { HTTPHeader($0.0, $0.1) }, body: [])
    }

    @Test func pathsPickTheirLimit() {
        #expect(RateLimitState.Family(path: "/sapi/v1/margin/order") == .sapi)
        #expect(RateLimitState.Family(path: "/api/v3/time") == .api)
    }

    @Test func intervalsFromHeaderNames() {
        #expect(RateLimitState.interval("1m") == 60_000)
        #expect(RateLimitState.interval("10S") == 10_000)
        #expect(RateLimitState.interval("1H") == 3_600_000)
        #expect(RateLimitState.interval("1D") == 86_400_000)
        #expect(RateLimitState.interval("M") == nil)
        #expect(RateLimitState.interval("1X") == nil)
    }

    @Test func learnsUsedWeightAndWindowFromTheSapiHeader() {
        var state = RateLimitState(.init(sapiLimit: 100))
        state.willSend(path: "/sapi/v1/margin/order", weight: 10)
        state.didReceive(
            Self.answer(200, [("x-sapi-used-ip-weight-2s", "95"), ("X-SAPI-USED-UID-WEIGHT-1M", "1")]),
            path: "/sapi/v1/margin/order", weight: 10, now: 1000, wallNow: 0)
        #expect(state.budgets[.sapi]?.used == 95 && state.budgets[.sapi]?.window == 2000)
        #expect(state.admission(path: "/sapi/v1/margin/order", weight: 10, now: 1500) == .wait(1500))
        // The /api limit is separate.
        #expect(state.admission(path: "/api/v3/time", weight: 1, now: 1500) == .send)
    }

    @Test func aConfiguredWindowWinsOverTheHeaderName() {
        var state = RateLimitState(.init(sapiLimit: 100, window: 1000))
        state.didReceive(
            Self.answer(200, [("X-SAPI-USED-IP-WEIGHT-1M", "99")]), path: "/sapi/v1/margin/order", weight: 10,
            now: 0, wallNow: 0)
        #expect(state.budgets[.sapi]?.window == 1000)
        #expect(state.admission(path: "/sapi/v1/margin/order", weight: 10, now: 100) == .wait(900))
    }

    @Test func tooManyRequestsPausesEverySend() {
        var state = RateLimitState()
        state.didReceive(
            Self.answer(429, [("Retry-After", "7")]), path: "/sapi/v1/margin/order", weight: 10, now: 1000, wallNow: 0)
        #expect(state.admission(path: "/api/v3/time", weight: 1, now: 2000) == .wait(6000))
        #expect(state.admission(path: "/api/v3/time", weight: 1, now: 8000) == .send)
    }

    @Test func aBanRefusesEverythingUntilItEnds() {
        var state = RateLimitState()
        state.didReceive(
            Self.answer(418, [("Retry-After", "120")]), path: "/sapi/v1/margin/order", weight: 10, now: 1000,
            wallNow: 1_700_000_000_000)
        #expect(state.admission(path: "/api/v3/time", weight: 1, now: 50_000) == .banned(until: 1_700_000_120_000))
        #expect(state.admission(path: "/api/v3/time", weight: 1, now: 121_001) == .send)
    }

    @Test func retryAfterIsWholeSeconds() {
        #expect(RateLimitState.retryAfterMilliseconds(Self.answer(429, [("retry-after", " 3 ")])) == 3000)
        #expect(RateLimitState.retryAfterMilliseconds(Self.answer(429, [("Retry-After", "soon")])) == nil)
    }
}
