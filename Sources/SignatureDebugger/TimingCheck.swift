/// Checks a request's `timestamp` and `recvWindow` the way the exchange does.
enum TimingCheck {
    static func analyze(
        parameters: [SentParameter], path: String?, reference: TimeReference
    ) -> (TimingReport, [Finding]) {
        var report = TimingReport(reference: reference)
        var findings: [Finding] = []
        let clockName = describe(reference)

        if reference.source == .local {
            findings.append(
                Finding(
                    .localClockOnly, .info,
                    "no endpoint was asked, so the timestamp is compared with this machine's clock, not the exchange's",
                    fix: "pass --endpoint live (or a base URL) to compare with the exchange's GET /api/v3/time"))
        }
        if reference.source == .server, let local = reference.localMilliseconds {
            let skew = saturatingDifference(local, reference.milliseconds)
            if skew.magnitude > UInt64(TimingReport.allowedLead) {
                findings.append(
                    Finding(
                        .localClockSkew, .warning,
                        "this machine's clock is \(skew.magnitude) ms \(skew > 0 ? "ahead of" : "behind") the exchange's",
                        fix: "sync the clock with NTP (e.g. `chronyc makestep`), or offset timestamps by the server time"))
            }
        }

        var window = TimingReport.defaultRecvWindow
        if let recvWindow = parameters.last(where: { $0.name == "recvWindow" })?.value {
            report.recvWindow = recvWindow
            if let value = parseRecvWindow(recvWindow) {
                window = value
                if value > TimingReport.maximumRecvWindow {
                    findings.append(
                        Finding(
                            .recvWindowTooLarge, .error,
                            "recvWindow=\(recvWindow) is above the exchange's maximum of 60000 ms",
                            fix: "send recvWindow 5000 or less (the documented recommendation) and keep the clock in sync"
                                + " instead of widening the window"))
                }
            } else {
                findings.append(
                    Finding(
                        .recvWindowMalformed, .error,
                        "recvWindow=\(recvWindow) is not a positive number of milliseconds (at most 3 decimals)",
                        fix: "send a whole number of milliseconds, e.g. recvWindow=5000"))
            }
        }
        report.recvWindowMilliseconds = window

        guard let timestamp = parameters.last(where: { $0.name == "timestamp" })?.value else {
            findings.append(
                Finding(
                    .timestampMissing, .error, "the request has no timestamp; signed endpoints require one (-1102)",
                    fix: "append timestamp=<ms since the epoch> before signing, as the last parameter"))
            return (report, findings)
        }
        report.timestamp = timestamp
        guard !timestamp.isEmpty, timestamp.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), let number = Int64(timestamp)
        else {
            report.unit = .unknown
            findings.append(
                Finding(
                    .timestampMalformed, .error, "timestamp=\(timestamp) is not a whole number of milliseconds",
                    fix: "send the time in ms since the epoch, e.g. 1499827319559"))
            return (report, findings)
        }
        switch timestamp.count {
        case 10:
            report.unit = .seconds
            report.timestampMilliseconds = number * 1000
            findings.append(
                Finding(
                    .timestampInSeconds, .error,
                    "timestamp=\(timestamp) has 10 digits: it is in seconds, but the exchange reads milliseconds"
                        + " (the request looks 55 years old)",
                    fix: "multiply by 1000 (Python: int(time.time() * 1000); JavaScript: Date.now())"))
        case 13:
            report.unit = .milliseconds
            report.timestampMilliseconds = number
        case 16:
            report.unit = .microseconds
            report.timestampMilliseconds = number / 1000
            let strict = path?.hasPrefix("/sapi/") ?? false
            findings.append(
                Finding(
                    .timestampInMicroseconds, strict ? .error : .warning,
                    "timestamp=\(timestamp) has 16 digits: it is in microseconds"
                        + (strict
                            ? "; /sapi endpoints document milliseconds"
                            : "; the spot API (/api/v3) accepts them, most other endpoints document milliseconds"),
                    fix: "send milliseconds (13 digits) unless the endpoint documents microseconds"))
        default:
            report.unit = .unknown
            findings.append(
                Finding(
                    .timestampMalformed, .error,
                    "timestamp=\(timestamp) has \(timestamp.count) digits; milliseconds since the epoch have 13"
                        + (timestamp.count == 19 ? " (19 digits are nanoseconds)" : ""),
                    fix: "send the time in ms since the epoch, e.g. 1499827319559"))
            return (report, findings)
        }

        guard let milliseconds = report.timestampMilliseconds, report.unit != .seconds else {
            report.accepted = false
            return (report, findings)
        }
        let age = saturatingDifference(reference.milliseconds, milliseconds)
        report.ageMilliseconds = age
        if saturatingDifference(milliseconds, reference.milliseconds) >= TimingReport.allowedLead {
            report.accepted = false
            findings.append(
                Finding(
                    .aheadOfServer, .error,
                    "timestamp is \(age == .min ? Int64.max : -age) ms ahead of \(clockName); the exchange rejects timestamps 1000 ms or more"
                        + " ahead of its clock (-1021)",
                    fix: "the client's clock runs fast: sync it with NTP, or subtract the offset to GET /api/v3/time"))
        } else if Double(age) > window {
            report.accepted = false
            findings.append(
                Finding(
                    .outsideRecvWindow, .error,
                    "timestamp is \(describeAge(age)) behind \(clockName), outside recvWindow \(format(window)) ms (-1021)",
                    fix: reference.source == .local
                        ? "if the request was captured earlier, give the exchange's time then with --server-time MS;"
                            + " otherwise re-stamp just before sending and keep the clock in sync"
                        : "re-stamp just before sending; if the client's clock is behind, sync it with NTP"))
        } else {
            report.accepted = report.accepted ?? true
        }
        return (report, findings)
    }

    /// `a - b`, clamped instead of trapping: no input may crash the explainer.
    static func saturatingDifference(_ a: Int64, _ b: Int64) -> Int64 {
        let (result, overflow) = a.subtractingReportingOverflow(b)
        guard overflow else { return result }
        return b < 0 ? .max : .min
    }

    /// `recvWindow` is milliseconds, optionally with up to three decimals (microsecond precision).
    static func parseRecvWindow(_ text: String) -> Double? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = parts.first, !whole.isEmpty,
            whole.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 })
        else { return nil }
        if parts.count == 2 {
            let fraction = parts[1]
            guard !fraction.isEmpty, fraction.count <= 3, fraction.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else {
                return nil
            }
        }
        guard let value = Double(text), value > 0 else { return nil }
        return value
    }

    static func describe(_ reference: TimeReference) -> String {
        switch reference.source {
        case .server: return "the exchange's clock (\(reference.endpoint ?? "server"))"
        case .local: return "this machine's clock"
        case .given: return "the given server time"
        }
    }

    static func describeAge(_ age: Int64) -> String {
        let seconds = age.magnitude / 1000
        if seconds >= 86400 * 2 { return "\(age) ms (\(seconds / 86400) days)" }
        if seconds >= 120 { return "\(age) ms (\(seconds / 60) minutes)" }
        return "\(age) ms"
    }

    static func format(_ value: Double) -> String {
        // Only small integral values go through Int64: a huge recvWindow must not trap.
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}

extension TimingReport {
    init(reference: TimeReference) {
        self.init(
            timestamp: nil, unit: nil, timestampMilliseconds: nil, recvWindow: nil, recvWindowMilliseconds: nil,
            reference: reference, ageMilliseconds: nil, accepted: nil)
    }
}
