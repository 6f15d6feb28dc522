/// The identity of the session-log format (see docs/session-log.md).
package enum SessionLogFormat {
    /// The value of the header's `format` field.
    package static let name = "bnc-session-log"
    /// The version this build writes. Readers accept every version up to this one.
    package static let version = 1
    /// The file name extension of session logs.
    package static let fileExtension = "jsonl"

    /// Whether a response header is one of the rate-limit headers a log keeps.
    ///
    /// Only these (and `Retry-After`) are kept: they are what a user needs to explain a 429/418,
    /// and anything else (cookies, trace ids) is noise or worse.
    package static func isRateLimitHeader(_ name: String) -> Bool {
        let lowered = name.lowercased()
        return lowered.hasPrefix("x-mbx-used-weight") || lowered.hasPrefix("x-mbx-order-count")
            || lowered.hasPrefix("x-sapi-used-") || lowered == "retry-after"
    }
}
