#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Formats epoch milliseconds as UTC text without Foundation's date formatters (cheap, fixed).
///
/// A time read from a log may be anything (`"at":-9223372036854775808`): outside years 1 to 9999
/// it is shown as the number it is, `<N ms since the epoch>`, and no arithmetic on it can trap.
enum UTCTime {
    /// The times shown as dates: 0001-01-01T00:00:00.000Z through 9999-12-31T23:59:59.999Z.
    static let representable: ClosedRange<Int64> = -62_135_596_800_000...253_402_300_799_999

    /// `2026-11-25T13:03:44.123Z`.
    static func iso8601(milliseconds: Int64) -> String {
        guard let (date, time) = parts(milliseconds) else { return outOfRange(milliseconds) }
        return "\(date)T\(time)Z"
    }

    /// `2026-11-25 13:03:44.123` for readable output.
    static func readable(milliseconds: Int64) -> String {
        guard let (date, time) = parts(milliseconds) else { return outOfRange(milliseconds) }
        return "\(date) \(time)"
    }

    /// `20261125T130344Z`, for file names.
    static func compact(milliseconds: Int64) -> String {
        guard let fields = broken(milliseconds) else { return String(milliseconds) }
        return pad(fields.tm_year + 1900, 4) + pad(fields.tm_mon + 1, 2) + pad(fields.tm_mday, 2) + "T"
            + pad(fields.tm_hour, 2) + pad(fields.tm_min, 2) + pad(fields.tm_sec, 2) + "Z"
    }

    private static func outOfRange(_ milliseconds: Int64) -> String {
        "<\(milliseconds) ms since the epoch>"
    }

    private static func parts(_ milliseconds: Int64) -> (String, String)? {
        guard let fields = broken(milliseconds) else { return nil }
        let millis = Int32(((milliseconds % 1000) + 1000) % 1000)
        let date = "\(pad(fields.tm_year + 1900, 4))-\(pad(fields.tm_mon + 1, 2))-\(pad(fields.tm_mday, 2))"
        let time = "\(pad(fields.tm_hour, 2)):\(pad(fields.tm_min, 2)):\(pad(fields.tm_sec, 2)).\(pad(millis, 3))"
        return (date, time)
    }

    /// The calendar fields, or nil outside ``representable`` (where `gmtime_r` may fail, and
    /// flooring the division would overflow at Int64.min).
    private static func broken(_ milliseconds: Int64) -> tm? {
        guard representable.contains(milliseconds) else { return nil }
        var seconds = time_t(milliseconds >= 0 ? milliseconds / 1000 : (milliseconds - 999) / 1000)
        var fields = tm()
        guard gmtime_r(&seconds, &fields) != nil else { return nil }
        return fields
    }

    private static func pad(_ value: Int32, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}
