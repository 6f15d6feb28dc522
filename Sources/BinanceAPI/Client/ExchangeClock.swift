#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The clock requests are stamped with: the local clock plus an offset to the exchange's, or a
/// fixed value (`--timestamp`) that makes dry runs reproducible byte for byte.
public struct ExchangeClock: Sendable, Hashable {
    /// A fixed timestamp in ms, used for every request when set.
    public var fixed: Int64?
    /// Exchange time minus local time, in ms, learned from the server time endpoint.
    public var offset: Int64

    public init(fixed: Int64? = nil, offset: Int64 = 0) {
        self.fixed = fixed
        self.offset = offset
    }

    /// The local wall clock in ms since the epoch.
    public static func localMilliseconds() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Int64(now.tv_sec) * 1000 + Int64(now.tv_nsec) / 1_000_000
    }

    /// The timestamp to send now. The offset was learned from a server's answer: added saturating.
    public func now() -> Int64 {
        fixed ?? Self.localMilliseconds().addingSaturated(offset)
    }
}
