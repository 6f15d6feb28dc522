/// Paces requests so a long loop never crosses the exchange's request-weight limit.
///
/// The exchange counts weight per fixed window (one minute for `X-SAPI-USED-IP-WEIGHT-1M`) and
/// reports the window's total on every response. The budget keeps the last total and an upper
/// bound on when the current window began — the receive time of the first response seen in it —
/// so the window surely ends by `windowStart + window`. A new window is recognised when the
/// reported total is less than the previous total plus this request's weight. Pure value: the
/// caller passes the time (monotonic ms) and performs the waits.
public struct WeightBudget: Sendable, Hashable {
    /// The most weight the exchange allows per window.
    public var limit: Int
    /// The window length in ms.
    public var window: Int64
    /// Weight kept free below the limit, for requests the budget does not see.
    public var headroom: Int
    /// The total the exchange last reported for the current window.
    public private(set) var used: Int = 0
    /// Upper bound on when the current window began (monotonic ms); nil before any response.
    public private(set) var windowStart: Int64?
    /// Weight of requests sent but not yet answered.
    public private(set) var inFlight: Int = 0

    /// `limit` per `window` ms; `headroom` defaults to 2% of the limit.
    public init(limit: Int, window: Int64, headroom: Int? = nil) {
        self.limit = max(1, limit)
        self.window = max(1, window)
        self.headroom = max(0, headroom ?? limit / 50)
    }

    /// The weight the budget lets through per window.
    public var capacity: Int { max(1, limit - headroom) }

    /// The weight counted against the current window at `now`: zero once it has surely ended.
    public func usedWeight(at now: Int64) -> Int {
        guard let windowStart else { return used }
        return now >= windowStart + window ? 0 : used
    }

    /// How long to wait (ms) before a request of `weight` may go; 0 means send now.
    public func delay(for weight: Int, at now: Int64) -> Int64 {
        let projected = usedWeight(at: now) + inFlight + weight
        if projected <= capacity { return 0 }
        // A request heavier than the whole budget can only go into an empty window.
        if let windowStart, now < windowStart + window {
            return windowStart + window - now
        }
        // The window has ended, or was never seen: only in-flight requests are in the way;
        // wait for their answers, which refresh the totals.
        return inFlight > 0 ? 1 : 0
    }

    /// Marks `weight` as sent and awaiting an answer.
    public mutating func reserve(_ weight: Int) {
        inFlight += weight
    }

    /// Releases a reservation for a request that got no answer.
    public mutating func release(_ weight: Int) {
        inFlight = max(0, inFlight - weight)
    }

    /// Records the total `reported` for the window on the answer to a request of `weight`,
    /// received at `now`.
    public mutating func record(reported: Int, weight: Int, at now: Int64) {
        release(weight)
        if let start = windowStart {
            let sameWindow = reported >= used + weight && now < start + window
            if !sameWindow { windowStart = now }
        } else {
            windowStart = now
        }
        used = reported
    }
}
