import BinanceAPI

/// The doctor's checks in the order they ran, with the exit code bnc returns: 0 when no check
/// found a problem (warnings allowed), 1 otherwise.
package struct DoctorReport: Sendable, Hashable {
    package var checks: [DoctorCheck]

    package init(checks: [DoctorCheck]) {
        self.checks = checks
    }

    /// How many checks came out with `status`.
    package func count(_ status: DoctorStatus) -> Int {
        checks.count { $0.status == status }
    }

    /// 0 when no check is a problem, 1 otherwise.
    package var exitCode: Int32 { count(.problem) == 0 ? 0 : 1 }

    /// `5 checks: 3 ok, 1 warning, 1 problem`.
    package var summary: String {
        let parts = DoctorStatus.allCases.map { status -> String in
            let n = count(status)
            return "\(n) \(status.rawValue)\(status != .ok && n != 1 ? "s" : "")"
        }
        return "\(checks.count) check\(checks.count == 1 ? "" : "s"): " + parts.joined(separator: ", ")
    }

    /// One line per check — status, name, detail — and an indented `fix:` line under each that
    /// has one; the summary last. Details and fixes may quote the server: control characters
    /// are escaped.
    package var text: String {
        let nameWidth = min(24, checks.map(\.name.count).max() ?? 0)
        var lines: [String] = []
        for check in checks {
            let status = FoundationText.padding(check.status.rawValue, toLength: 8)
            let name = FoundationText.padding(check.name, toLength: max(nameWidth, check.name.count))
            lines.append(TerminalText.escaped("\(status) \(name)  \(check.detail)"))
            if let fix = check.fix {
                lines.append(String(repeating: " ", count: 9) + TerminalText.escaped("fix: \(fix)"))
            }
        }
        lines.append(summary)
        return lines.joined(separator: "\n")
    }

    /// One JSON object per check (`{"check":…,"status":…,"detail":…,"fix":…}`), then one
    /// summary object (`{"summary":{"ok":3,"warning":1,"problem":1},"exitCode":1}`), one per line.
    package var jsonLines: [String] {
        var lines = checks.map { check -> String in
            var object = JSONObject()
            object["check"] = .string(check.name)
            object["status"] = .string(check.status.rawValue)
            object["detail"] = .string(check.detail)
            object["fix"] = check.fix.map { .string($0) } ?? .null
            return JSONValue.object(object).serialized
        }
        var counts = JSONObject()
        for status in DoctorStatus.allCases { counts[status.rawValue] = .number(String(count(status))) }
        var summary = JSONObject()
        summary["summary"] = .object(counts)
        summary["exitCode"] = .number(String(exitCode))
        lines.append(JSONValue.object(summary).serialized)
        return lines
    }
}
