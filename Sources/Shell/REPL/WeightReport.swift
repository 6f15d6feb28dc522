import BinanceAPI
import Script

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The request weight used in the current window, as the client counted it from the exchange's
/// `X-SAPI-USED-IP-WEIGHT-1M` / `X-MBX-USED-WEIGHT-1M` answers: for the `weight` command and
/// the prompt (`set weight on`).
enum WeightReport {
    /// The rate-limit state of the session's client; nil for a dry run (nothing is sent).
    static func state(of session: ScriptSession) async -> RateLimitState? {
        guard let host = session.host as? ClientHost else { return nil }
        return await host.client.rateLimitState
    }

    /// `120/12000`: the `/sapi` window's used weight of its limit (the margin endpoints').
    static func promptText(_ state: RateLimitState) -> String {
        let budget = state.budgets[.sapi]
        let used = budget?.usedWeight(at: monotonicMilliseconds()) ?? 0
        return "\(used)/\(budget?.limit ?? state.configuration.sapiLimit)"
    }

    /// One line per limit: `sapi  120/12000 of the 1m window  (/sapi/…: margin orders, symbol lists)`.
    static func lines(_ state: RateLimitState) -> String {
        let now = monotonicMilliseconds()
        return RateLimitState.Family.allCases.map { family in
            let budget = state.budgets[family]
            let used = budget?.usedWeight(at: now) ?? 0
            let limit = budget?.limit ?? (family == .sapi ? state.configuration.sapiLimit : state.configuration.apiLimit)
            let window = budget?.window ?? state.configuration.window ?? 60_000
            let scope = family == .sapi ? "/sapi/… (margin orders, margin symbol lists)" : "/api/… (time, exchangeInfo)"
            return
                "\(family.rawValue.padded(to: 4))  \("\(used)/\(limit)".padded(to: 12)) used in the \(windowText(window)) window  \(scope)"
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
