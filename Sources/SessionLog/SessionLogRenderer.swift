import BinanceAPI

/// Renders a log readably, one entry at a time, for `bnc log show`.
///
/// Streaming: it holds at most the requests still awaiting their outcome, so a log of any size
/// renders in constant memory. A request whose response is not the next record is printed with
/// "no response yet"; one still without an outcome at the end is marked OUTCOME UNKNOWN.
///
/// A log is input from outside like any other: every line it returns has its control
/// characters escaped (``TerminalText``), so a body or message holding `ESC ] 0;…BEL` or a
/// newline shows as text and cannot retitle the terminal or forge a line.
package struct SessionLogRenderer {
    /// The request printed next, held back until its outcome is known.
    private var held: RequestRecord?
    /// Issue lines seen while a request was held, printed after it.
    private var deferred: [String] = []
    private var unresolved: [Int: RequestRecord] = [:]
    private var sawEnd = false
    private var issues = 0
    private var counts = (statements: 0, requests: 0, responses: 0, errors: 0)

    package init() {}

    /// The lines for `entry`.
    package mutating func render(_ entry: SessionLogEntry) -> [String] {
        renderUnescaped(entry).map { TerminalText.escaped($0) }
    }

    private mutating func renderUnescaped(_ entry: SessionLogEntry) -> [String] {
        var lines: [String] = []
        switch entry {
        case .issue(let issue):
            issues += 1
            // A damaged line right after a request (the usual crash) must not hide its outcome.
            if held != nil {
                deferred.append("! \(issue)")
            } else {
                lines.append("! \(issue)")
            }
        case .record(let record, _):
            switch record {
            case .response(let response):
                lines += outcome(of: response.request, Self.describe(response))
                counts.responses += 1
            case .failure(let failure):
                let marker = failure.error.outcomeUnknown ? "OUTCOME UNKNOWN: " : "not sent: "
                lines += outcome(
                    of: failure.request,
                    ["-> \(marker)\(failure.error.message)  (\(Self.milliseconds(failure.latencyMicroseconds)))"])
                counts.errors += 1
            default:
                lines += releaseHeld()
                lines += describe(record)
            }
        }
        return lines
    }

    /// The closing lines: requests that never got an outcome, and whether the log ended cleanly.
    package mutating func finish() -> [String] {
        finishUnescaped().map { TerminalText.escaped($0) }
    }

    private mutating func finishUnescaped() -> [String] {
        var lines: [String] = []
        if let held {
            self.held = nil
            lines +=
                Self.describe(held) + [
                    "       -> OUTCOME UNKNOWN: no response recorded (the session ended while it was in flight)"
                ]
        }
        lines += deferred
        deferred = []
        if !unresolved.isEmpty {
            let ids = unresolved.keys.sorted()
            lines.append(
                "! \(ids.count) request\(ids.count == 1 ? "" : "s") of unknown outcome (no response recorded): "
                    + ids.map { "#\($0)" }.joined(separator: ", "))
            lines.append("  the exchange may have acted on \(ids.count == 1 ? "it" : "them"): query the order to find out")
        }
        if !sawEnd {
            lines.append("! the log has no end record: the session was cut short (crash, kill, or still running)")
        }
        lines.append(
            "\(counts.statements) statements, \(counts.requests) requests, \(counts.responses) responses, "
                + "\(counts.errors) transport errors, \(unresolved.count) unknown, \(issues) issues")
        return lines
    }

    // MARK: Records

    private mutating func describe(_ record: SessionRecord) -> [String] {
        switch record {
        case .header(let header):
            var facts = ["bnc \(header.bncVersion)", "\(header.mode)", "endpoint \(header.endpoint) (\(header.baseURL))"]
            if let keyType = header.keyType {
                facts.append("key \(keyType.rawValue) \(header.maskedAPIKey ?? "?")\(header.keySource.map { " (\($0))" } ?? "")")
            } else {
                facts.append("no key")
            }
            if let fixed = header.fixedClock { facts.append("fixed clock \(fixed)") }
            if let proxy = header.proxy { facts.append("via proxy \(proxy)") }
            return [
                "session started \(UTCTime.readable(milliseconds: header.started)) UTC, format v\(header.version)",
                "  " + facts.joined(separator: ", ")
            ]
        case .statement(let statement):
            counts.statements += 1
            let place = "\(statement.file ?? "<input>"):\(statement.line)"
            // The reader keeps depth within StatementRecord.depthRange; clamped again so that a
            // record made some other way cannot trap or allocate without bound here.
            let indent = String(repeating: "  ", count: min(max(statement.depth, 0), 40))
            let source = statement.source.split(separator: "\n", omittingEmptySubsequences: false)
            var lines = ["[\(statement.sequence)] \(Self.clock(statement.at)) \(place)  \(indent)\(source.first ?? "")"]
            for more in source.dropFirst() { lines.append("      \(indent)\(more)") }
            return lines
        case .request(let request):
            counts.requests += 1
            held = request
            unresolved[request.id] = request
            return []
        case .interrupt(let interrupt):
            let during = interrupt.statement.map { " during statement [\($0)]" } ?? ""
            return ["! interrupted (\(interrupt.signal))\(during) at \(Self.clock(interrupt.at))"]
        case .end(let end):
            sawEnd = true
            return ["session ended \(UTCTime.readable(milliseconds: end.at)) UTC, exit code \(end.exitCode)"]
        case .response, .failure:
            return []
        }
    }

    /// The lines of request `id`'s outcome, with the request itself when it was held back.
    private mutating func outcome(of id: Int, _ lines: [String]) -> [String] {
        var output: [String] = []
        unresolved.removeValue(forKey: id)
        if let held, held.id == id {
            output += Self.describe(held)
            self.held = nil
        } else {
            output += releaseHeld()
            output.append("    #\(id) (answered late)")
        }
        output += lines.map { "       " + $0 }
        output += deferred
        deferred = []
        return output
    }

    private mutating func releaseHeld() -> [String] {
        defer { deferred = [] }
        guard let held else { return deferred }
        self.held = nil
        return Self.describe(held) + ["       -> no response yet"] + deferred
    }

    // MARK: Formatting

    static func describe(_ request: RequestRecord) -> [String] {
        var facts = [request.title]
        if request.attempt > 1 { facts.append("attempt \(request.attempt)") }
        if let timestamp = request.timestamp { facts.append("timestamp \(timestamp)") }
        if let id = request.newClientOrderId { facts.append("newClientOrderId \(id)") }
        if let origin = request.origin { facts.append("parallel iteration \(origin)") }
        return [
            "    #\(request.id) \(clock(request.at)) \(request.method.rawValue) \(request.path)?\(request.redactedURLQuery)",
            "       (\(facts.joined(separator: ", ")))"
        ]
    }

    static func describe(_ response: ResponseRecord) -> [String] {
        var first = "-> \(response.status)"
        if let reason = reasons[response.status] { first += " \(reason)" }
        first += "  \(milliseconds(response.latencyMicroseconds))"
        for header in response.headers { first += "  \(header.name): \(header.value)" }
        var lines = [first]
        if (500..<600).contains(response.status) {
            lines.append("   OUTCOME UNKNOWN: a 5XX means the exchange may or may not have acted")
        }
        lines.append("   " + response.body.displayText)
        return lines
    }

    static func milliseconds(_ micros: Int64) -> String {
        let whole = micros / 1000
        let fraction = (micros % 1000) / 100
        return "\(whole).\(fraction) ms"
    }

    static func clock(_ milliseconds: Int64) -> String {
        guard UTCTime.representable.contains(milliseconds) else { return UTCTime.readable(milliseconds: milliseconds) }
        let text = UTCTime.readable(milliseconds: milliseconds)
        return String(text.split(separator: " ").last ?? "")
    }

    private static let reasons: [Int: String] = [
        200: "OK", 400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found",
        418: "I'm a teapot (IP banned)", 429: "Too Many Requests", 500: "Internal Server Error",
        502: "Bad Gateway", 503: "Service Unavailable", 504: "Gateway Timeout"
    ]
}
