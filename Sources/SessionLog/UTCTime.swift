#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Formats epoch milliseconds as UTC text without Foundation's date formatters (cheap, fixed).
enum UTCTime {
    /// `2026-11-25T13:03:44.123Z`.
    static func iso8601(milliseconds: Int64) -> String {
        let (date, time) = parts(milliseconds)
        return "\(date)T\(time)Z"
    }

    /// `2026-11-25 13:03:44.123` for readable output.
    static func readable(milliseconds: Int64) -> String {
        let (date, time) = parts(milliseconds)
        return "\(date) \(time)"
    }

    /// `20261125T130344Z`, for file names.
    static func compact(milliseconds: Int64) -> String {
        let fields = broken(milliseconds)
        return pad(fields.tm_year + 1900, 4) + pad(fields.tm_mon + 1, 2) + pad(fields.tm_mday, 2) + "T"
            + pad(fields.tm_hour, 2) + pad(fields.tm_min, 2) + pad(fields.tm_sec, 2) + "Z"
    }

    private static func parts(_ milliseconds: Int64) -> (String, String) {
        let fields = broken(milliseconds)
        let millis = Int32(((milliseconds % 1000) + 1000) % 1000)
        let date = "\(pad(fields.tm_year + 1900, 4))-\(pad(fields.tm_mon + 1, 2))-\(pad(fields.tm_mday, 2))"
        let time = "\(pad(fields.tm_hour, 2)):\(pad(fields.tm_min, 2)):\(pad(fields.tm_sec, 2)).\(pad(millis, 3))"
        return (date, time)
    }

    private static func broken(_ milliseconds: Int64) -> tm {
        var seconds = time_t(milliseconds >= 0 ? milliseconds / 1000 : (milliseconds - 999) / 1000)
        var fields = tm()
        gmtime_r(&seconds, &fields)
        return fields
    }

    private static func pad(_ value: Int32, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}
