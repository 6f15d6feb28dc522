import Testing

@testable import BinanceAPI

@Suite struct WeightBudgetTests {
    @Test func sendsWhileUnderTheCapacity() {
        var budget = WeightBudget(limit: 100, window: 1000, headroom: 0)
        #expect(budget.delay(for: 10, at: 0) == 0)
        budget.reserve(10)
        budget.record(reported: 10, weight: 10, at: 5)
        #expect(budget.used == 10 && budget.windowStart == 5 && budget.inFlight == 0)
        #expect(budget.delay(for: 90, at: 6) == 0)
        #expect(budget.delay(for: 91, at: 6) == 999)
    }

    @Test func waitsUntilTheWindowSurelyEnded() {
        var budget = WeightBudget(limit: 100, window: 1000, headroom: 0)
        budget.record(reported: 95, weight: 10, at: 200)
        #expect(budget.delay(for: 10, at: 300) == 900)
        // At the bound the window has surely ended: the old total no longer counts.
        #expect(budget.usedWeight(at: 1200) == 0)
        #expect(budget.delay(for: 10, at: 1200) == 0)
    }

    @Test func aSmallerTotalMeansANewWindowBegan() {
        var budget = WeightBudget(limit: 100, window: 1000, headroom: 0)
        budget.record(reported: 50, weight: 10, at: 100)
        budget.record(reported: 60, weight: 10, at: 150)
        #expect(budget.windowStart == 100)
        budget.record(reported: 10, weight: 10, at: 400)
        #expect(budget.windowStart == 400 && budget.used == 10)
    }

    @Test func otherClientsWeightKeepsTheWindow() {
        var budget = WeightBudget(limit: 100, window: 1000, headroom: 0)
        budget.record(reported: 20, weight: 10, at: 100)
        budget.record(reported: 45, weight: 10, at: 200)
        #expect(budget.windowStart == 100 && budget.used == 45)
    }

    @Test func aWindowThatDidNotResetWhenExpectedRestartsTheBound() {
        var budget = WeightBudget(limit: 100, window: 1000, headroom: 0)
        budget.record(reported: 90, weight: 10, at: 0)
        budget.record(reported: 100, weight: 10, at: 1500)
        #expect(budget.windowStart == 1500)
        #expect(budget.delay(for: 10, at: 1600) == 900)
    }

    @Test func inFlightWeightCounts() {
        var budget = WeightBudget(limit: 100, window: 1000, headroom: 0)
        budget.record(reported: 80, weight: 10, at: 0)
        budget.reserve(10)
        #expect(budget.delay(for: 10, at: 10) == 0)
        budget.reserve(10)
        #expect(budget.delay(for: 10, at: 10) == 990)
        budget.release(10)
        #expect(budget.inFlight == 10)
    }

    @Test func headroomDefaultsToTwoPercent() {
        let budget = WeightBudget(limit: 12_000, window: 60_000)
        #expect(budget.capacity == 11_760)
    }

    /// A simulated exchange with fixed windows at an unknown phase: a long sequential loop paced
    /// by the budget never passes the limit.
    @Test(arguments: [0, 137, 999])
    func aLongLoopNeverPassesTheLimit(phase: Int64) {
        let limit = 200
        let window: Int64 = 1000
        let weight = 10
        var budget = WeightBudget(limit: limit, window: window)
        var now: Int64 = 0
        var serverWindow: Int64 = -1
        var serverUsed = 0
        var sent = 0
        while sent < 500 {
            let wait = budget.delay(for: weight, at: now)
            now += wait
            budget.reserve(weight)
            now += 3 // one-way latency
            let current = (now + phase) / window
            if current != serverWindow {
                serverWindow = current
                serverUsed = 0
            }
            serverUsed += weight
            #expect(serverUsed <= limit, "429 at request \(sent)")
            now += 3
            budget.record(reported: serverUsed, weight: weight, at: now)
            sent += 1
        }
        // 500 requests of 10 at <= 196 per second: at least 24 windows.
        #expect(now >= 24 * window)
    }

    /// Up to eight requests in flight with random latencies each way, so answers arrive out of
    /// order and overtaken answers report totals lower than ones already seen (a `parallel 8
    /// for`): the budget must still never let the server's window pass the limit, and must not
    /// mistake a reordered answer for a new window.
    @Test(arguments: [(Int64(0), UInt64(1)), (137, 2), (999, 3), (500, 4), (250, 5)])
    func concurrentRequestsWithReorderedAnswersNeverPassTheLimit(phase: Int64, seed: UInt64) {
        struct InFlight {
            var arrival: Int64
            var answer: Int64
            var reported: Int?
            var ticket: Int
        }
        let limit = 200
        let window: Int64 = 1000
        let weight = 10
        let width = 8
        let total = 600
        var budget = WeightBudget(limit: limit, window: window)
        var random = seed &* 0x9E37_79B9_7F4A_7C15
        func latency() -> Int64 {
            random ^= random << 13
            random ^= random >> 7
            random ^= random << 17
            return Int64(random % 60) + 1
        }
        var flying: [InFlight] = []
        var now: Int64 = 0
        var sent = 0
        var answered = 0
        var serverWindow: Int64 = -1
        var serverUsed = 0
        var peak = 0
        while answered < total {
            while flying.count < width && sent < total && budget.delay(for: weight, at: now) == 0 {
                let ticket = budget.reserve(weight)
                let up = latency()
                flying.append(InFlight(arrival: now + up, answer: now + up + latency(), reported: nil, ticket: ticket))
                sent += 1
            }
            var next = flying.map { $0.reported == nil ? $0.arrival : $0.answer }.min() ?? Int64.max
            if flying.count < width && sent < total { next = min(next, now + max(1, budget.delay(for: weight, at: now))) }
            now = next
            // The server counts requests in the order they arrive.
            for index in flying.indices.sorted(by: { flying[$0].arrival < flying[$1].arrival })
            where flying[index].reported == nil && flying[index].arrival <= now {
                let current = (flying[index].arrival + phase) / window
                if current != serverWindow {
                    serverWindow = current
                    serverUsed = 0
                }
                serverUsed += weight
                peak = max(peak, serverUsed)
                flying[index].reported = serverUsed
            }
            // Answers reach the client in the order they arrive, not the order they were sent.
            for index in flying.indices.sorted(by: { flying[$0].answer < flying[$1].answer })
            where flying[index].answer <= now {
                budget.record(
                    reported: flying[index].reported!, weight: weight, at: flying[index].answer, ticket: flying[index].ticket)
                answered += 1
            }
            flying.removeAll { $0.answer <= now }
        }
        #expect(peak <= limit, "the server counted \(peak) > \(limit) in one window")
        // 6,000 weight at <= 196 per window needs 31 windows; pacing should not waste many more.
        #expect(now >= 30 * window)
        #expect(now <= 45 * window, "took \(now) ms: the budget waited far more than needed")
    }

}
