#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One variable of this process's environment, read with `getenv`. `ProcessInfo.environment`
/// builds every variable into a `[String: String]`, and the first dictionary of that type also
/// instantiates its metadata and looks up `String`'s conformances: together about 5% of a dry
/// run's start, for the two to five names bnc reads there (docs/performance.md, "Fifth pass:
/// cold start").
public enum ProcessEnvironment {
    /// The value of `name`, nil when it is not set (an empty value is returned as it is).
    public static func value(of name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }
}
