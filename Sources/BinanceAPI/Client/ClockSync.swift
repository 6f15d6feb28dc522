/// Learns the offset between this machine's clock and the exchange's from `GET /api/v3/time`.
///
/// The exchange stamps `serverTime` somewhere between our send and our receive; assuming the
/// middle, the error is at most half the round trip. With several samples, the one with the
/// shortest round trip is the most precise.
public struct ClockSample: Sendable, Hashable {
    /// Local wall clock (ms since the epoch) just before the request was sent.
    public var sentAt: Int64
    /// Local wall clock just after the answer arrived.
    public var receivedAt: Int64
    /// The exchange's `serverTime`.
    public var serverTime: Int64

    public init(sentAt: Int64, receivedAt: Int64, serverTime: Int64) {
        self.sentAt = sentAt
        self.receivedAt = receivedAt
        self.serverTime = serverTime
    }

    /// The round-trip time in ms (never negative, even if the wall clock stepped back).
    public var roundTrip: Int64 { max(0, receivedAt.subtractingSaturated(sentAt)) }

    /// Exchange time minus local time, in ms, taking the server's stamp as mid-flight.
    public var offset: Int64 { serverTime.subtractingSaturated(sentAt.addingSaturated(roundTrip / 2)) }

    /// The largest offset believed: a clock a day away from the exchange's is a broken answer
    /// (a `serverTime` of 0 or `Int64.min`), not a skew to stamp requests with.
    public static let maximumOffset: Int64 = 86_400_000

    /// Whether ``offset`` is one to use (within ``maximumOffset``).
    public var isPlausible: Bool { offset.magnitude <= UInt64(Self.maximumOffset) }

    /// How far ``offset`` may be off: half the round trip, rounded up.
    public var uncertainty: Int64 { roundTrip / 2 + roundTrip % 2 }
}

/// Picks the clock offset from samples: the shortest round trip wins.
public enum ClockSync {
    /// The sample to trust, or nil without samples.
    public static func best(_ samples: [ClockSample]) -> ClockSample? {
        samples.min { $0.roundTrip < $1.roundTrip }
    }

    /// Whether a timestamp stamped with `offset` lands inside the exchange's acceptance window:
    /// not more than 1000 ms ahead of the server, and not older than `recvWindow`.
    public static func accepts(offset: Int64, sample: ClockSample, recvWindow: Int64 = 5000) -> Bool {
        let stamped = sample.sentAt.addingSaturated(offset)
        return stamped.subtractingSaturated(sample.serverTime) <= 1000
            && sample.serverTime.subtractingSaturated(stamped) <= recvWindow
    }
}
