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
        // ASCII names (all of them, in practice) are compared without a lowercased copy; the
        // answer is the one below, which other names still take (Unicode lowercasing and
        // `hasPrefix`'s character comparison are not byte comparisons).
        if let answer = isRateLimitHeaderASCII(name) { return answer }
        let lowered = name.lowercased()
        return lowered.hasPrefix("x-mbx-used-weight") || lowered.hasPrefix("x-mbx-order-count")
            || lowered.hasPrefix("x-sapi-used-") || lowered == "retry-after"
    }

    private static let rateLimitPrefixes: [[UInt8]] = [
        Array("x-mbx-used-weight".utf8), Array("x-mbx-order-count".utf8), Array("x-sapi-used-".utf8)
    ]
    private static let retryAfter = Array("retry-after".utf8)

    /// ``isRateLimitHeader(_:)`` for a name of ASCII bytes; nil for any other name.
    static func isRateLimitHeaderASCII(_ name: String) -> Bool? {
        var name = name
        return name.withUTF8 { bytes -> Bool? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            func lowered(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
            func hasPrefix(_ prefix: [UInt8]) -> Bool {
                bytes.count >= prefix.count && zip(bytes, prefix).allSatisfy { lowered($0) == $1 }
            }
            if rateLimitPrefixes.contains(where: hasPrefix) { return true }
            return bytes.count == retryAfter.count && hasPrefix(retryAfter)
        }
    }
}
