/// Everything the client knows about the exchange's rate limits: a weight budget per limit,
/// a pause after 429 and a ban after 418. Pure value; times are passed in (monotonic ms for
/// waiting, wall-clock ms for telling the user until when).
public struct RateLimitState: Sendable, Hashable {
    /// The request-weight limits of the REST API, told apart by path and header. An operation
    /// names its family through ``EndpointDescription/limitFamily`` (path and weight scope), and
    /// every method here takes the family, so a new limit is one case here and its header.
    public enum Family: String, Sendable, Hashable, CaseIterable {
        /// `/sapi/...` weighed per IP: `X-SAPI-USED-IP-WEIGHT-1M`, 12,000 per minute.
        case sapi
        /// `/sapi/...` weighed per account (UID): `X-SAPI-USED-UID-WEIGHT-1M`, 180,000 per minute.
        case sapiUID
        /// `/api/...` (spot, time, exchangeInfo): `X-MBX-USED-WEIGHT-1M`, 6,000 per minute.
        case api

        /// The family a request path counts against, for IP weight.
        public init(path: String) {
            self.init(path: path, scope: .ip)
        }

        /// The family a request to `path` whose weight is counted per `scope` counts against:
        /// the exchange keeps the `/sapi` IP and UID weights and the `/api` weight apart, each
        /// with its own limit and header.
        public init(path: String, scope: RequestWeight.Scope) {
            if path.hasPrefix("/sapi/") {
                self = scope == .uid ? .sapiUID : .sapi
            } else {
                self = .api
            }
        }

        /// The response header's name up to the interval, lower-cased.
        var headerPrefix: String {
            switch self {
            case .sapi: return "x-sapi-used-ip-weight-"
            case .sapiUID: return "x-sapi-used-uid-weight-"
            case .api: return "x-mbx-used-weight-"
            }
        }

        /// The header reporting the family's used weight, as the exchange writes it for its
        /// one-minute window: `X-SAPI-USED-IP-WEIGHT-1M`.
        public var usedWeightHeader: String {
            switch self {
            case .sapi: return "X-SAPI-USED-IP-WEIGHT-1M"
            case .sapiUID: return "X-SAPI-USED-UID-WEIGHT-1M"
            case .api: return "X-MBX-USED-WEIGHT-1M"
            }
        }

        /// The profile key that sets the family's limit per window.
        public var profileKey: String {
            switch self {
            case .sapi: return "weightLimit"
            case .sapiUID: return "uidWeightLimit"
            case .api: return "apiWeightLimit"
            }
        }

        /// What counts against it, for the shell's `weight` and `bnc doctor`.
        public var scope: String {
            switch self {
            case .sapi: return "/sapi/… per IP (margin orders, margin symbol lists)"
            case .sapiUID: return "/sapi/… per account (margin order lists)"
            case .api: return "/api/… per IP (spot orders, time, exchangeInfo)"
            }
        }
    }

    /// Limits as configured (profile or defaults).
    public struct Configuration: Sendable, Hashable {
        /// Weight per window for `/sapi` per IP (profile `weightLimit`; the exchange's 12,000 per minute).
        public var sapiLimit: Int
        /// Weight per window for `/sapi` per account (profile `uidWeightLimit`; 180,000 per minute).
        public var sapiUIDLimit: Int
        /// Weight per window for `/api` (profile `apiWeightLimit`; 6,000 per minute).
        public var apiLimit: Int
        /// The window in ms when it is known better than the header says (a simulator with a
        /// short window that still names its header `-1M`); nil learns it from the header name.
        public var window: Int64?
        /// Weight kept free below each limit; nil means 2%.
        public var headroom: Int?

        public init(
            sapiLimit: Int = 12_000, sapiUIDLimit: Int = 180_000, apiLimit: Int = 6_000, window: Int64? = nil,
            headroom: Int? = nil
        ) {
            self.sapiLimit = sapiLimit
            self.sapiUIDLimit = sapiUIDLimit
            self.apiLimit = apiLimit
            self.window = window
            self.headroom = headroom
        }

        /// The configured limit of `family`.
        public func limit(_ family: Family) -> Int {
            switch family {
            case .sapi: return sapiLimit
            case .sapiUID: return sapiUIDLimit
            case .api: return apiLimit
            }
        }
    }

    /// What the client may do with a request now.
    public enum Admission: Sendable, Hashable {
        /// Send it.
        case send
        /// Wait this many ms, then ask again.
        case wait(Int64)
        /// The exchange banned this IP (418) until this wall-clock time (ms): send nothing.
        case banned(until: Int64)
    }

    public private(set) var configuration: Configuration
    /// One budget per family.
    public private(set) var budgets: [Family: WeightBudget]
    /// No request goes before this monotonic time (after a 429's `Retry-After`).
    public private(set) var pausedUntil: Int64?
    /// After a 418: the monotonic and wall-clock times the ban ends.
    public private(set) var ban: (monotonic: Int64, wall: Int64)?

    public init(_ configuration: Configuration = Configuration()) {
        self.configuration = configuration
        let window = configuration.window ?? 60_000
        var budgets: [Family: WeightBudget] = [:]
        for family in Family.allCases {
            budgets[family] = WeightBudget(
                limit: configuration.limit(family), window: window, headroom: configuration.headroom)
        }
        self.budgets = budgets
    }

    /// The family of the request sent last: the limit the shell's prompt shows.
    public private(set) var lastFamily: Family?

    /// The budget of `family` (every family has one).
    public func budget(_ family: Family) -> WeightBudget {
        budgets[family] ?? WeightBudget(limit: configuration.limit(family), window: configuration.window ?? 60_000)
    }

    /// Whether a request of `weight` counted against `family` may be sent at `now` (monotonic ms).
    public func admission(family: Family, weight: Int, now: Int64) -> Admission {
        if let ban, now < ban.monotonic { return .banned(until: ban.wall) }
        if let pausedUntil, now < pausedUntil { return .wait(pausedUntil.subtractingSaturated(now)) }
        let delay = budgets[family]?.delay(for: weight, at: now) ?? 0
        return delay > 0 ? .wait(delay) : .send
    }

    /// ``admission(family:weight:now:)`` for an IP-weighted request to `path`.
    public func admission(path: String, weight: Int, now: Int64) -> Admission {
        admission(family: Family(path: path), weight: weight, now: now)
    }

    /// Counts a request as in flight; pass the ticket to ``didReceive(_:family:weight:now:wallNow:ticket:)``
    /// (see ``WeightBudget/reserve(_:)``: with several requests in flight it tells an overtaken
    /// answer from a new window).
    @discardableResult
    public mutating func willSend(family: Family, weight: Int) -> Int? {
        lastFamily = family
        return budgets[family]?.reserve(weight)
    }

    /// ``willSend(family:weight:)`` for an IP-weighted request to `path`.
    @discardableResult
    public mutating func willSend(path: String, weight: Int) -> Int? {
        willSend(family: Family(path: path), weight: weight)
    }

    /// Forgets an in-flight request that got no answer.
    public mutating func noAnswer(family: Family, weight: Int) {
        budgets[family]?.release(weight)
    }

    /// ``noAnswer(family:weight:)`` for an IP-weighted request to `path`.
    public mutating func noAnswer(path: String, weight: Int) {
        noAnswer(family: Family(path: path), weight: weight)
    }

    /// ``didReceive(_:family:weight:now:wallNow:ticket:)`` for an IP-weighted request to `path`.
    public mutating func didReceive(
        _ response: TransportResponse, path: String, weight: Int, now: Int64, wallNow: Int64, ticket: Int? = nil
    ) {
        didReceive(response, family: Family(path: path), weight: weight, now: now, wallNow: wallNow, ticket: ticket)
    }

    /// Learns from an answer: the used-weight header, and 429/418 with `Retry-After` (seconds).
    /// `now` is monotonic ms, `wallNow` wall-clock ms.
    public mutating func didReceive(
        _ response: TransportResponse, family: Family, weight: Int, now: Int64, wallNow: Int64, ticket: Int? = nil
    ) {
        var reported: (used: Int, window: Int64?)?
        let prefix = family.headerPrefix
        for header in response.headers
        where header.name.utf8.count > prefix.utf8.count && HTTPHeader.hasPrefix(header.name, prefix) {
            guard let used = Self.reportedWeight(header.value) else { continue }
            reported = (used, Self.interval(String(decoding: header.name.utf8.dropFirst(prefix.utf8.count), as: UTF8.self)))
            break
        }
        if let reported {
            if configuration.window == nil, let learned = reported.window, budgets[family]?.window != learned {
                budgets[family]?.window = learned
            }
            budgets[family]?.record(reported: reported.used, weight: weight, at: now, ticket: ticket)
        } else {
            budgets[family]?.release(weight)
        }
        let retryAfter = Self.retryAfterMilliseconds(response)
        switch response.status {
        case 429:
            // Default to the rest of a window when the exchange gives no Retry-After.
            let wait = retryAfter ?? (budgets[family]?.window ?? 60_000)
            pausedUntil = max(pausedUntil ?? 0, now.addingSaturated(wait))
        case 418:
            let wait = retryAfter ?? 120_000
            ban = (now.addingSaturated(wait), wallNow.addingSaturated(wait))
        default:
            break
        }
    }

    /// `Retry-After` in ms (the exchange sends whole seconds). A number too large for ms
    /// saturates at `Int64.max` (the wait cap then refuses it); digits beyond Int64 saturate too.
    public static func retryAfterMilliseconds(_ response: TransportResponse) -> Int64? {
        guard let text = response.header("Retry-After") else { return nil }
        let trimmed = text.trimmingSpaces
        guard !trimmed.isEmpty, trimmed.utf8.allSatisfy({ (48...57).contains($0) }) else { return nil }
        guard let seconds = Int64(trimmed) else { return .max } // more digits than Int64 holds
        return seconds.multipliedSaturated(by: 1000)
    }

    /// The longest window a used-weight header may name: the exchange's are 1M (weight) up to
    /// 1D (orders); a longer one is not believed.
    public static let maximumWindow: Int64 = 86_400_000

    /// The largest used weight believed from a header: far above any real limit, far below
    /// where sums of it could overflow.
    public static let maximumReportedWeight = 1 << 40

    /// A used-weight header's value, clamped to `0...maximumReportedWeight`; nil when not a number.
    static func reportedWeight(_ text: String) -> Int? {
        let trimmed = text.trimmingSpaces
        guard !trimmed.isEmpty, trimmed.utf8.allSatisfy({ (48...57).contains($0) }) else { return nil }
        guard let value = Int(trimmed) else { return maximumReportedWeight }
        return min(value, maximumReportedWeight)
    }

    /// `1M` → 60000, `10S` → 10000, `1H`, `1D`; nil for anything else, and for anything longer
    /// than ``maximumWindow`` (`999999999999999M` would overflow; it is simply not believed).
    public static func interval(_ suffix: String) -> Int64? {
        guard let unit = suffix.last, let count = Int64(suffix.dropLast()), count > 0 else { return nil }
        let scale: Int64
        switch unit {
        case "s", "S": scale = 1000
        case "m", "M": scale = 60_000
        case "h", "H": scale = 3_600_000
        case "d", "D": scale = 86_400_000
        default: return nil
        }
        let (window, overflow) = count.multipliedReportingOverflow(by: scale)
        guard !overflow, window <= maximumWindow else { return nil }
        return window
    }

    public static func == (lhs: RateLimitState, rhs: RateLimitState) -> Bool {
        lhs.configuration == rhs.configuration && lhs.budgets == rhs.budgets && lhs.pausedUntil == rhs.pausedUntil
            && lhs.lastFamily == rhs.lastFamily
            && lhs.ban?.monotonic == rhs.ban?.monotonic && lhs.ban?.wall == rhs.ban?.wall
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(configuration)
        hasher.combine(pausedUntil)
        hasher.combine(ban?.wall)
    }
}

extension String {
    /// The text without leading and trailing spaces and tabs.
    var trimmingSpaces: Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return self[first...last]
    }
}
