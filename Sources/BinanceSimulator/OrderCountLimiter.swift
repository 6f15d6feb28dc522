import BinanceAPI

/// The spot unfilled order count, per account: what `POST /api/v3/order` reports in
/// `X-MBX-ORDER-COUNT-10S` and `X-MBX-ORDER-COUNT-1D` and refuses past with 429 -1015.
///
/// As the exchange's "Spot Unfilled Order Count Rules" describe it: every placed order adds one
/// to the count of each interval, an order's first fill (at once or later) takes one off, the
/// count is the (sub)account's across keys and addresses, and intervals are fixed windows of the
/// server clock (10 seconds, one day) that start again at zero. Margin placement has no such
/// count. Not kept in a state file, like request weight.
struct OrderCountLimiter: Sendable {
    /// One interval's limit, as `exchangeInfo`'s `ORDERS` rate limits state them.
    struct Interval: Sendable {
        /// The header's suffix and the -1015 text's interval: `10S` and `10 SECOND`.
        var headerSuffix: String
        var name: String
        var milliseconds: Int64
        var limit: Int
    }

    /// The intervals in force. The values are inferred: the exchange's pages show examples
    /// (100 per 10 s in the count rules, 50 and 160,000 in `rateLimit/order`), and 100 per 10 s
    /// with 200,000 per day is what production `exchangeInfo` answers (Tests/Fidelity/spot-new-order.json).
    var intervals = [
        Interval(headerSuffix: "10S", name: "10 SECOND", milliseconds: 10_000, limit: 100),
        Interval(headerSuffix: "1D", name: "1 DAY", milliseconds: 86_400_000, limit: 200_000)
    ]

    /// account → per interval: the window's start and its count. Accounts are the registered
    /// keys' (bounded); each holds one entry per interval.
    private var counts: [String: [(windowStart: Int64, count: Int)]] = [:]

    /// The interval that is full for `account` at `time`, if any (a new order would pass it).
    func fullInterval(account: String, at time: Int64) -> Interval? {
        for (index, interval) in intervals.enumerated() where current(account, index, at: time) >= interval.limit {
            return interval
        }
        return nil
    }

    /// Counts a placed order; returns the headers the answer carries (the counts after it).
    mutating func place(account: String, at time: Int64) -> [HTTPHeader] {
        adjust(account, at: time, by: 1)
        return intervals.indices.map { index in
            HTTPHeader("X-MBX-ORDER-COUNT-" + intervals[index].headerSuffix, String(current(account, index, at: time)))
        }
    }

    /// An order's first fill: one off each interval's count (never below zero).
    mutating func firstFill(account: String, at time: Int64) {
        adjust(account, at: time, by: -1)
    }

    /// The count of interval `index` in the window holding `time` (zero in a window not yet counted).
    private func current(_ account: String, _ index: Int, at time: Int64) -> Int {
        guard let entries = counts[account], index < entries.count else { return 0 }
        return entries[index].windowStart == windowStart(index, time) ? entries[index].count : 0
    }

    private mutating func adjust(_ account: String, at time: Int64, by change: Int) {
        var entries = counts[account] ?? intervals.map { _ in (windowStart: Int64.min, count: 0) }
        for index in intervals.indices where index < entries.count {
            let start = windowStart(index, time)
            let count = entries[index].windowStart == start ? entries[index].count : 0
            // The count is bounded by the limit for increments (a full interval refuses first) and
            // by zero for decrements; clamped all the same, since the clock is the caller's.
            entries[index] = (start, max(0, min(count + change, Int(Int32.max))))
        }
        counts[account] = entries
    }

    /// The start of the fixed window of interval `index` holding `time`; any Int64 `time` (the
    /// server clock carries a client-chosen skew) stays in range.
    private func windowStart(_ index: Int, _ time: Int64) -> Int64 {
        let length = max(1, intervals[index].milliseconds)
        let remainder = time % length
        return Int64(clamping: Int128(time) - Int128(remainder < 0 ? remainder + length : remainder))
    }
}
