#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Formats wall-clock times for messages in the user's local time zone.
public enum LocalTime {
    /// `2026-11-25 14:05:03 UTC` for `milliseconds` since the epoch, in local time.
    public static func format(milliseconds: Int64) -> String {
        var seconds = time_t(milliseconds / 1000)
        var parts = tm()
        guard localtime_r(&seconds, &parts) != nil else { return "\(milliseconds) ms since the epoch" }
        var buffer = [CChar](repeating: 0, count: 64)
        let count = strftime(&buffer, buffer.count, "%Y-%m-%d %H:%M:%S %Z", &parts)
        guard count > 0 else { return "\(milliseconds) ms since the epoch" }
        return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
