import BinanceAPI

/// The clock a request's `timestamp` is compared with.
package struct TimeReference: Sendable, Hashable {
    /// Where the time came from.
    package enum Source: String, Sendable, Hashable, Codable {
        /// The exchange's `GET /api/v3/time`.
        case server
        /// This machine's clock (no endpoint was asked).
        case local
        /// A time given by the caller (`--server-time`), e.g. when the request was captured.
        case given
    }

    package var source: Source
    /// The reference time, ms since the epoch.
    package var milliseconds: Int64
    /// For ``Source/server``: this machine's clock when the answer arrived, to show its skew.
    package var localMilliseconds: Int64?
    /// For ``Source/server``: the endpoint that answered.
    package var endpoint: String?

    package init(source: Source, milliseconds: Int64, localMilliseconds: Int64? = nil, endpoint: String? = nil) {
        self.source = source
        self.milliseconds = milliseconds
        self.localMilliseconds = localMilliseconds
        self.endpoint = endpoint
    }

    /// This machine's clock, now.
    package static func localClock() -> TimeReference {
        TimeReference(source: .local, milliseconds: ExchangeClock.localMilliseconds())
    }

    /// A fixed time, e.g. the exchange's time when the request was sent.
    package static func given(_ milliseconds: Int64) -> TimeReference {
        TimeReference(source: .given, milliseconds: milliseconds)
    }
}
