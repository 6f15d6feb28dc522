import Testing

@testable import BinanceAPI

@Suite struct ClockSyncTests {
    @Test func offsetAssumesTheServerStampedMidFlight() {
        let sample = ClockSample(sentAt: 1000, receivedAt: 1100, serverTime: 4050)
        #expect(sample.roundTrip == 100 && sample.offset == 3000 && sample.uncertainty == 50)
    }

    @Test func theShortestRoundTripWins() {
        let samples = [
            ClockSample(sentAt: 0, receivedAt: 300, serverTime: 5000),
            ClockSample(sentAt: 1000, receivedAt: 1010, serverTime: 3005)
        ]
        #expect(ClockSync.best(samples)?.offset == 2000)
        #expect(ClockSync.best([]) == nil)
    }

    @Test func aSteppedBackClockNeverGivesANegativeRoundTrip() {
        #expect(ClockSample(sentAt: 1000, receivedAt: 900, serverTime: 1000).roundTrip == 0)
    }

    @Test func acceptanceMatchesTheExchangeRule() {
        let sample = ClockSample(sentAt: 10_000, receivedAt: 10_000, serverTime: 10_000)
        #expect(ClockSync.accepts(offset: 0, sample: sample))
        #expect(!ClockSync.accepts(offset: 1001, sample: sample))
        #expect(!ClockSync.accepts(offset: -5001, sample: sample))
    }
}
