import BinanceAPI

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The weight check: the request weight used and left in each limit's window, as the client
/// counted it from the exchange's `X-SAPI-USED-IP-WEIGHT-1M`, `X-SAPI-USED-UID-WEIGHT-1M` and
/// `X-MBX-USED-WEIGHT-1M` answers
/// (the doctor's own requests included), and any 429 pause or 418 ban it is under.
package enum WeightCheck {
    /// The share of a limit above which the check warns: a script's loop may run into a wait.
    package static let warningShare = 0.8

    /// The check for `state` at monotonic time `now` (ms).
    package static func check(_ state: RateLimitState, now: Int64) -> DoctorCheck {
        if let ban = state.ban, ban.monotonic > now {
            let seconds = ban.monotonic.subtractingSaturated(now) / 1000
            return DoctorCheck(
                "weight", .problem,
                "this IP is banned (HTTP 418) for \(seconds) s more, until \(LocalTime.format(milliseconds: ban.wall))",
                fix: "send nothing until then: every request extends the ban; lower weightLimit in the profile")
        }
        var parts: [String] = []
        var worst = DoctorStatus.ok
        for family in RateLimitState.Family.allCases {
            let budget = state.budget(family)
            let limit = budget.limit
            let used = budget.usedWeight(at: now)
            let left = max(0, limit.subtractingSaturated(used))
            parts.append("\(family.rawValue) \(used) used, \(left) left of \(limit)")
            if Double(used) > Double(limit) * warningShare { worst = max(worst, .warning) }
        }
        let window = state.budgets.values.first?.window ?? state.configuration.window ?? 60_000
        var detail = parts.joined(separator: "; ") + " in the \(windowText(window)) window"
        if let paused = state.pausedUntil, paused > now {
            worst = max(worst, .warning)
            detail += "; paused by a 429 for \(paused.subtractingSaturated(now) / 1000) s more"
        }
        return DoctorCheck(
            "weight", worst, detail,
            fix: worst == .ok ? nil : "wait for the window to end before a heavy script; every request counts against this IP")
    }

    /// The check against the client's state now.
    package static func check(_ state: RateLimitState) -> DoctorCheck {
        check(state, now: monotonicMilliseconds())
    }

    static func windowText(_ milliseconds: Int64) -> String {
        if milliseconds % 60_000 == 0 { return "\(milliseconds / 60_000)m" }
        if milliseconds % 1000 == 0 { return "\(milliseconds / 1000)s" }
        return "\(milliseconds)ms"
    }

    /// The clock the client's budgets run on.
    static func monotonicMilliseconds() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Int64(now.tv_sec) * 1000 + Int64(now.tv_nsec) / 1_000_000
    }

    /// This machine's wall clock, ms since the epoch.
    static func wallMilliseconds() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Int64(now.tv_sec) * 1000 + Int64(now.tv_nsec) / 1_000_000
    }
}
