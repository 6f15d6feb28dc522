/// Paces requests so a long loop never crosses the exchange's request-weight limit.
///
/// The exchange counts weight per fixed window (one minute for `X-SAPI-USED-IP-WEIGHT-1M`) and
/// reports the window's total on every response. The budget keeps the highest total seen in the
/// current window and an upper bound on when that window began — the receive time of the first
/// response seen in it — so the window surely ends by `windowStart + window`.
///
/// With several requests in flight (`parallel N for`) answers arrive out of order, and an answer
/// may report a total lower than one already seen in the same window. So a lower total means a
/// new window only when it is lower by more than the weight that was in flight at once; a smaller
/// drop keeps the highest total and moves `windowStart` to now (it may be either, and both
/// readings then err on the side of waiting). Pure value: the caller passes the time
/// (monotonic ms) and performs the waits. Totals come from the exchange's headers and limits
/// from the profile, so every sum saturates instead of trapping.
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
    /// The most weight in flight at once since the current window was recognised: how far
    /// reordered answers can make the reported total drop, for answers recorded without a ticket.
    public private(set) var peakInFlight: Int = 0
    /// All weight ever reserved: tickets are positions in it.
    public private(set) var reservedTotal: Int = 0

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
        return now >= windowStart.addingSaturated(window) ? 0 : used
    }

    /// How long to wait (ms) before a request of `weight` may go; 0 means send now.
    public func delay(for weight: Int, at now: Int64) -> Int64 {
        let projected = usedWeight(at: now).addingSaturated(inFlight).addingSaturated(weight)
        if projected <= capacity { return 0 }
        // A request heavier than the whole budget can only go into an empty window.
        if let windowStart, now < windowStart.addingSaturated(window) {
            return windowStart.addingSaturated(window).subtractingSaturated(now)
        }
        // The window has ended, or was never seen: only in-flight requests are in the way;
        // wait for their answers, which refresh the totals.
        return inFlight > 0 ? 1 : 0
    }

    /// Marks `weight` as sent and awaiting an answer. The ticket, given back to
    /// ``record(reported:weight:at:ticket:)``, tells how much weight could have overtaken this
    /// request: whatever was in flight when it left, and whatever left after it.
    @discardableResult
    public mutating func reserve(_ weight: Int) -> Int {
        let ticket = reservedTotal.subtractingSaturated(inFlight)
        inFlight = inFlight.addingSaturated(weight)
        reservedTotal = reservedTotal.addingSaturated(weight)
        peakInFlight = max(peakInFlight, inFlight)
        return ticket
    }

    /// Releases a reservation for a request that got no answer.
    public mutating func release(_ weight: Int) {
        inFlight = max(0, inFlight.subtractingSaturated(weight))
    }

    /// Records the total `reported` for the window on the answer to a request of `weight`,
    /// received at `now`; `ticket` is what ``reserve(_:)`` returned for it.
    public mutating func record(reported: Int, weight: Int, at now: Int64, ticket: Int? = nil) {
        // How far below the highest total seen this answer's total may be and still belong to
        // the same window: the weight that may have been counted between it and that one.
        let reorderAllowance = ticket.map { max(weight, reservedTotal.subtractingSaturated($0)) } ?? max(peakInFlight, weight)
        release(weight)
        guard let start = windowStart, now < start.addingSaturated(window) else {
            startWindow(at: now, used: reported)
            return
        }
        if reported >= used.addingSaturated(weight) {
            used = reported // in order: this answer's total includes everything seen before
        } else if reported.addingSaturated(reorderAllowance) >= used {
            // An answer overtaken by later ones, or a new window that began with little use:
            // keep the higher total and the later end.
            used = max(used, reported)
            windowStart = now
        } else {
            startWindow(at: now, used: reported)
        }
    }

    private mutating func startWindow(at now: Int64, used reported: Int) {
        windowStart = now
        used = reported
        peakInFlight = inFlight
    }
}
