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
        let limit = 200, window: Int64 = 1000, weight = 10
        var budget = WeightBudget(limit: limit, window: window)
        var now: Int64 = 0
        var serverWindow: Int64 = -1
        var serverUsed = 0
        var sent = 0
        while sent < 500 {
            let wait = budget.delay(for: weight, at: now)
            now += wait
            budget.reserve(weight)
            now += 3  // one-way latency
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
}
