/// What `timestamp` and `recvWindow` say, checked against a reference clock with the exchange's
/// rule: accepted when `timestamp < serverTime + 1000` and `serverTime - timestamp <= recvWindow`.
package struct TimingReport: Sendable, Hashable {
    /// The unit a timestamp is written in, judged by its number of digits.
    package enum Unit: String, Sendable, Hashable, Codable {
        case milliseconds
        case seconds
        case microseconds
        case unknown
    }

    /// The `timestamp` value as sent (decoded), nil when absent.
    package var timestamp: String?
    package var unit: Unit?
    /// The timestamp in ms since the epoch (µs divided by 1000), when it reads as a time.
    package var timestampMilliseconds: Int64?
    /// The `recvWindow` value as sent, nil when absent.
    package var recvWindow: String?
    /// The window in effect, in ms: the value sent, or the exchange's default of 5000.
    package var recvWindowMilliseconds: Double?
    package var reference: TimeReference
    /// `reference - timestamp` in ms: how old the request is (negative: it is from the future).
    package var ageMilliseconds: Int64?
    /// Whether the exchange would accept the timing; nil when it cannot be judged.
    package var accepted: Bool?

    /// The exchange's default `recvWindow`.
    package static let defaultRecvWindow: Double = 5000
    /// The largest `recvWindow` the exchange accepts.
    package static let maximumRecvWindow: Double = 60000
    /// How far ahead of the server's clock a timestamp may be.
    package static let allowedLead: Int64 = 1000
}
