#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Times in text output: the exchange sends them as ms since the epoch (`1767225600000`); people
/// read `2026-01-01 00:00:00`. Only fields known to hold such a time are converted, and only
/// in text output — JSON output and `$o.time` keep the number.
package enum TimeDisplay {
    /// Field names that hold ms since the epoch in the exchange's answers.
    package static let fieldNames: Set<String> = [
        "time", "updateTime", "transactTime", "serverTime", "workingTime", "tranTime"
    ]

    /// The largest ms value shown as a date (year 9999); beyond it, and below 0, the number is
    /// shown as sent.
    static let latest: Int64 = 253_402_300_799_999

    /// The text for field `name` holding `value`, or nil when it is not a time.
    static func text(field name: String, value: Int64, zone: RenderOptions.TimeZoneChoice) -> String? {
        guard fieldNames.contains(name) else { return nil }
        return format(milliseconds: value, zone: zone)
    }

    /// `2026-01-01 00:00:00` (local) or `2026-01-01 00:00:00Z` (UTC), with `.123` when the
    /// milliseconds are not zero; nil outside year 0-9999.
    package static func format(milliseconds: Int64, zone: RenderOptions.TimeZoneChoice) -> String? {
        guard milliseconds >= 0, milliseconds <= latest else { return nil }
        var seconds = time_t(milliseconds / 1000)
        var parts = tm()
        let converted = zone == .utc ? gmtime_r(&seconds, &parts) : localtime_r(&seconds, &parts)
        guard converted != nil else { return nil }
        var buffer = [CChar](repeating: 0, count: 32)
        let count = strftime(&buffer, buffer.count, "%Y-%m-%d %H:%M:%S", &parts)
        guard count > 0 else { return nil }
        var text = String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let fraction = milliseconds % 1000
        if fraction != 0 {
            text += "." + String(repeating: "0", count: fraction < 10 ? 2 : (fraction < 100 ? 1 : 0)) + String(fraction)
        }
        return zone == .utc ? text + "Z" : text
    }
}
