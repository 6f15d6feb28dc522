import BinanceAPI

/// Request-weight accounting per client, as the exchange does it: fixed windows (a 1-minute
/// window starts on every minute), 429 with `Retry-After` when a request would pass the limit,
/// and a 418 ban, growing for repeat offenders, for a client that keeps sending after 429s.
struct WeightLimiter: Sendable {
    /// Limits for one family of endpoints (`/sapi` or `/api`).
    struct Limits: Sendable, Hashable {
        var limit: Int
        var windowMilliseconds: Int64
    }

    /// What the limiter decided.
    enum Decision: Sendable, Hashable {
        /// Go ahead; `used` is the weight used in the window including this request.
        case allowed(used: Int)
        /// 429: `used` stays as it was, retry after `retryAfterSeconds`.
        case tooMuchWeight(used: Int, retryAfterSeconds: Int)
        /// 418: banned until `until` (ms).
        case banned(used: Int, until: Int64, retryAfterSeconds: Int)
    }

    private struct ClientState: Sendable {
        var windowStart: Int64 = .min
        var used = 0
        /// The end of the Retry-After period of the last 429; sending before it is a strike.
        var backOffUntil: Int64 = .min
        var strikes = 0
        var bannedUntil: Int64 = .min
        var bans = 0
    }

    /// Strikes (requests sent while told to back off) that earn a ban.
    var strikesBeforeBan: Int
    /// The first ban's length; each later ban doubles, up to three days.
    var banMilliseconds: Int64
    static let maximumBanMilliseconds: Int64 = 3 * 24 * 3_600_000

    private var clients: [String: ClientState] = [:]

    init(strikesBeforeBan: Int, banMilliseconds: Int64) {
        self.strikesBeforeBan = strikesBeforeBan
        self.banMilliseconds = banMilliseconds
    }

    /// Accounts for a request of `weight` from `client` at `now` (ms).
    mutating func admit(client: String, family: String, weight: Int, limits: Limits, now: Int64) -> Decision {
        let id = family + " " + client
        var state = clients[id] ?? ClientState()
        defer { clients[id] = state }
        let windowStart = now.subtractingSaturated(Self.floorMod(now, limits.windowMilliseconds))
        if windowStart != state.windowStart {
            state.windowStart = windowStart
            state.used = 0
        }
        if state.bannedUntil > now {
            return .banned(
                used: state.used, until: state.bannedUntil,
                retryAfterSeconds: Self.seconds(state.bannedUntil.subtractingSaturated(now)))
        }
        if now < state.backOffUntil {
            state.strikes += 1
            if state.strikes >= strikesBeforeBan {
                let doubled = max(1, banMilliseconds).multipliedSaturated(by: Int64(1) << min(state.bans, 20))
                let length = min(doubled, Self.maximumBanMilliseconds)
                state.bans += 1
                state.strikes = 0
                state.bannedUntil = now.addingSaturated(length)
                state.backOffUntil = .min
                return .banned(used: state.used, until: state.bannedUntil, retryAfterSeconds: Self.seconds(length))
            }
        }
        let windowEnd = windowStart.addingSaturated(limits.windowMilliseconds)
        if state.used.addingSaturated(weight) > limits.limit {
            state.backOffUntil = windowEnd
            return .tooMuchWeight(used: state.used, retryAfterSeconds: Self.seconds(windowEnd.subtractingSaturated(now)))
        }
        if now >= state.backOffUntil { state.strikes = 0 }
        state.used = state.used.addingSaturated(weight)
        return .allowed(used: state.used)
    }

    /// The weight `client` has used in the current window.
    func used(client: String, family: String, limits: Limits, now: Int64) -> Int {
        guard let state = clients[family + " " + client] else { return 0 }
        let windowStart = now.subtractingSaturated(Self.floorMod(now, limits.windowMilliseconds))
        return state.windowStart == windowStart ? state.used : 0
    }

    /// Whole seconds, rounded up, at least 1: `Retry-After` is in seconds.
    static func seconds(_ milliseconds: Int64) -> Int {
        Int(max(1, milliseconds.addingSaturated(999) / 1000))
    }

    static func floorMod(_ value: Int64, _ modulus: Int64) -> Int64 {
        let remainder = value % modulus
        return remainder < 0 ? remainder + modulus : remainder
    }
}
