/// How the simulated exchange behaves: limits, clock, faults and request parsing.
public struct SimulatorConfiguration: Sendable, Hashable {
    /// The `/sapi` request-weight limit per window and IP (the exchange's is 12,000 per minute).
    public var sapiWeightLimit: Int = 12_000
    /// The `/sapi` UID request-weight limit per window and account (the exchange's is 180,000 per minute).
    public var sapiUIDWeightLimit: Int = 180_000
    /// The `/api` request-weight limit per window and IP (the exchange's is 6,000 per minute).
    public var apiWeightLimit: Int = 6_000
    /// The window length in ms (60,000 on the exchange); shorter makes tests fast.
    public var weightWindowMilliseconds: Int64 = 60_000
    /// Requests sent during a 429's Retry-After period before the client is banned (418).
    public var strikesBeforeBan: Int = 3
    /// The first ban's length in ms (the exchange starts at 2 minutes); it doubles per repeat.
    public var banMilliseconds: Int64 = 120_000
    /// The server clock's offset from the caller's clock, in ms (clock skew).
    public var clockSkewMilliseconds: Int64 = 0
    /// Injected faults.
    public var faults = FaultPlan()
    /// What a DELETE's body parameters do.
    public var deleteBody: BodyParameters = .ignored
    /// When the HTTP server closes a connection whose client is too slow or idle.
    public var connectionTimeouts = ConnectionTimeouts()
    /// What every key may do (`--key-permissions`): all granted unless told.
    public var keyPermissions = KeyPermissions()

    public init() {}

    /// How parameters in a request body are treated.
    public enum BodyParameters: String, Sendable, Hashable, CaseIterable {
        /// Not read: only the URL query counts, as bnc's design notes say the exchange does for
        /// margin DELETEs since 2026. A cancel with its parameters in the body then lacks them
        /// (-1102).
        case ignored = "ignore"
        /// Read as the exchange's general documentation describes: the signature covers the query
        /// followed by the body, and a parameter in both takes the query's value. This is what
        /// python-binance sends for DELETE.
        case merged = "merge"
    }
}

/// Faults injected on demand, reproducible from `seed`.
public struct FaultPlan: Sendable, Hashable {
    /// The share of signed requests answered with a 5XX (0...1).
    public var serverErrorRate: Double = 0
    /// Of the 5XX answers to cancels, the share given after the cancel took effect (the order is
    /// canceled, the client is told 5XX).
    public var afterEffectShare: Double = 0.5
    /// The share of signed requests whose connection is closed without a response; half of them
    /// after the request took effect.
    public var dropRate: Double = 0
    /// The share of signed requests the exchange's WAF blocks with HTTP 403 before they reach the
    /// API (nothing done, no weight counted): see ``WAFBlock``.
    public var wafBlockRate: Double = 0
    /// Latency added to every response, in ms.
    public var latencyMilliseconds: Int = 0
    /// Up to this much more latency, drawn per request, in ms.
    public var latencyJitterMilliseconds: Int = 0
    /// The seed of the fault generator: the same seed and requests give the same faults.
    public var seed: UInt64 = 1

    /// The most latency one response gets (latency plus jitter), in ms: one hour. Timers take
    /// nanoseconds, so a larger value from an option would overflow them.
    public static let maximumLatencyMilliseconds = 3_600_000

    public init(
        serverErrorRate: Double = 0, afterEffectShare: Double = 0.5, dropRate: Double = 0,
        latencyMilliseconds: Int = 0, latencyJitterMilliseconds: Int = 0, seed: UInt64 = 1
    ) {
        self.serverErrorRate = serverErrorRate
        self.afterEffectShare = afterEffectShare
        self.dropRate = dropRate
        self.latencyMilliseconds = latencyMilliseconds
        self.latencyJitterMilliseconds = latencyJitterMilliseconds
        self.seed = seed
    }
}

/// SplitMix64: a small, fast generator whose sequence depends only on its seed.
struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// True with probability `share`.
    mutating func chance(_ share: Double) -> Bool {
        guard share > 0 else { return false }
        guard share < 1 else { return true }
        return Double(next() >> 11) * 0x1.0p-53 < share
    }
}
