import BinanceAPI
import Script

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The request weight used in the current window, as the client counted it from the exchange's
/// `X-SAPI-USED-IP-WEIGHT-1M`, `X-SAPI-USED-UID-WEIGHT-1M` and `X-MBX-USED-WEIGHT-1M` answers: for the `weight` command and
/// the prompt (`set weight on`).
enum WeightReport {
    /// The rate-limit state of the session's client; nil for a dry run (nothing is sent).
    static func state(of session: ScriptSession) async -> RateLimitState? {
        guard let host = session.host as? ClientHost else { return nil }
        return await host.client.rateLimitState
    }

    /// `120/12000`: the used weight of the limit the last request counted against, with its
    /// family's name when that is not the `/sapi` IP limit (`api 4/6000`, `sapiUID 1/180000`):
    /// after a spot statement the prompt shows the `/api` budget, not an untouched `/sapi` one.
    static func promptText(_ state: RateLimitState) -> String {
        let family = state.lastFamily ?? .sapi
        let budget = state.budget(family)
        let used = budget.usedWeight(at: monotonicMilliseconds())
        let numbers = "\(used)/\(budget.limit)"
        return family == .sapi ? numbers : "\(family.rawValue) \(numbers)"
    }

    /// One line per limit, within 80 columns: `sapi     120/12000 in 1m  /sapi/… per IP (…)` —
    /// the weight used in the current window, of the limit, and what counts against it.
    static func lines(_ state: RateLimitState) -> String {
        let now = monotonicMilliseconds()
        return RateLimitState.Family.allCases.map { family in
            let budget = state.budget(family)
            let used = budget.usedWeight(at: now)
            let numbers = "\(used)/\(budget.limit) in \(windowText(budget.window))"
            return "\(family.rawValue.padded(to: 7))  \(numbers.padded(to: 17)) \(family.scope)"
        }.joined(separator: "\n")
    }

    static func windowText(_ milliseconds: Int64) -> String {
        if milliseconds % 60_000 == 0 { return "\(milliseconds / 60_000)m" }
        if milliseconds % 1000 == 0 { return "\(milliseconds / 1000)s" }
        return "\(milliseconds)ms"
    }

    /// The clock the client's budget runs on.
    static func monotonicMilliseconds() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Int64(now.tv_sec) * 1000 + Int64(now.tv_nsec) / 1_000_000
    }
}
