import BinanceAPI
import Script

/// What `time` shows: the exchange's time, this machine's offset to it and the round trip —
/// the numbers a person asking about -1021 needs — instead of `serverTime 1796605255138`.
enum ClockReport {
    /// The text for a `time` reply that was sent (not a dry run) and timed; nil otherwise.
    static func text(_ reply: OperationReply, zone: RenderOptions.TimeZoneChoice) -> String? {
        guard reply.request.path == ServerTime.path, let timing = reply.timing,
            case .record(let record) = reply.value, case .integer(let serverTime)? = record["serverTime"]
        else { return nil }
        let sample = ClockSample(sentAt: timing.sentAt, receivedAt: timing.receivedAt, serverTime: serverTime)
        return text(sample, zone: zone)
    }

    /// `exchange time`, `offset` (with which clock is ahead) and `round trip` lines.
    static func text(_ sample: ClockSample, zone: RenderOptions.TimeZoneChoice) -> String {
        let shown = TimeDisplay.format(milliseconds: sample.serverTime, zone: zone) ?? String(sample.serverTime)
        let offset = sample.offset
        let direction: String
        switch offset {
        case 0: direction = "the clocks agree"
        case 1...: direction = "this machine is \(offset) ms behind the exchange"
        default: direction = "this machine is \(offset.magnitude) ms ahead of the exchange"
        }
        var lines = [
            "exchange time  \(shown)  (\(sample.serverTime))",
            "offset         \(offset > 0 ? "+" : "")\(offset) ms: \(direction)",
            "round trip     \(sample.roundTrip) ms (the offset is known to within ±\(sample.roundTrip / 2 + 1) ms)"
        ]
        if !sample.isPlausible {
            lines.append("note: an offset of more than a day is not a skew but a broken answer; bnc does not use it")
        } else if offset.magnitude > 1000 {
            lines.append(
                "note: requests with recvWindow below \(offset.magnitude + UInt64(sample.roundTrip)) ms may get -1021; bnc resyncs its clock on -1021"
            )
        }
        return lines.joined(separator: "\n")
    }
}
