import Foundation
import Testing

/// `request METHOD PATH …` through the built binary: its dry run signs what `bnc sign` signs,
/// against `bnc sim` it reads, cancels and reports an unknown outcome of a write once, it is
/// logged and replayed, and bad arguments are check errors pointing at them.
@Suite struct RequestEndToEndTests {
    /// The exchange's documented HMAC example, written as a `request`.
    static let documentedOrder =
        "request POST /api/v3/order symbol=LTCBTC side=BUY type=LIMIT timeInForce=GTC quantity=1 price=0.1 recvWindow=5000 signed"

    static func json(_ line: Substring) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }

    /// Sorted parameters would sign another string: the order written is the order signed.
    @Test(arguments: [
        documentedOrder,
        "request DELETE /sapi/v1/margin/order symbol=LTCBTC orderId=28 isIsolated=TRUE signed",
        "request GET /sapi/v1/margin/isolated/account symbols=\"BTCUSDT,LTCBTC\" zeta=1 alpha=2 signed"
    ])
    func theDryRunSignsWhatBncSignSigns(_ statement: String) throws {
        let run = try LanguageRun.withDemoKey([
            "--dry-run", "--output", "json", "--timestamp", "1499827319559", "-c", statement
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let request = try Self.json(try #require(run.stdout.split(separator: "\n").first))
        let query = try #require(request["query"] as? String)
        let written = statement.split(separator: " ").dropFirst(3).filter { $0.contains("=") }.map {
            $0.replacingOccurrences(of: "\"", with: "")
        }
        // No profile here, so no recvWindow is added: what was written, then the timestamp.
        let expected = written.joined(separator: "&").replacingOccurrences(of: ",", with: "%2C")
        #expect(query == expected + "&timestamp=1499827319559", "\(query)")
        let sign = try LanguageRun.withDemoKey(["sign", query])
        #expect(sign.status == 0)
        #expect(request["signature"] as? String == sign.stdout.trimmingCharacters(in: .newlines))
        if statement == Self.documentedOrder {
            #expect(request["signature"] as? String == "c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71")
        }
    }

    @Test func itReadsTheKeysRestrictionsFromTheSimulator() throws {
        let sim = try SimulatorProcess(["--key-permissions", "no-margin"])
        defer { sim.stop() }
        let run = try LanguageRun.withDemoKey([
            "--endpoint", sim.baseURL, "--no-log", "-c",
            "let r = request GET /sapi/v1/account/apiRestrictions signed\nprint $r.enableMargin $r.enableReading"
        ])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "false true\n")
        #expect(sim.log.contains("GET /sapi/v1/account/apiRestrictions"))
    }

    @Test func aSignedDeleteCancelsTheOrder() throws {
        let sim = try SimulatorProcess()
        defer { sim.stop() }
        let run = try LanguageRun.withDemoKey([
            "--endpoint", sim.baseURL, "--no-log", "--output", "json", "-c",
            "request DELETE /sapi/v1/margin/order symbol=LTCBTC orderId=28 signed weight=10"
        ])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains(#""orderId":28"#) && run.stdout.contains(#""status":"CANCELED""#), "\(run.stdout)")
        let after = try LanguageRun.withDemoKey(["--endpoint", sim.baseURL, "--no-log", "-c", "order LTCBTC id=28"])
        #expect(after.stdout.contains("CANCELED"), "\(after.stdout)")
    }

    /// A DELETE is a write: a 5XX leaves its outcome unknown, and it is not sent again (bnc has no
    /// read to check an endpoint it does not know).
    @Test func aWriteAfterA5XXIsUnknownAndSentOnce() throws {
        let sim = try SimulatorProcess(["--fail-rate", "1", "--seed", "3"])
        defer { sim.stop() }
        let run = try LanguageRun.withDemoKey([
            "--endpoint", sim.baseURL, "--no-log", "-c",
            "request DELETE /sapi/v1/margin/order symbol=LTCBTC orderId=28 signed"
        ])
        #expect(run.status == 1)
        #expect(run.stderr.contains("outcome unknown"), "\(run.stderr)")
        let sent = sim.log.split(separator: "\n").filter { $0.contains(" /sapi/v1/margin/order ") }
        #expect(sent.count == 1, "\(sim.log)")
        #expect(sent.first?.contains("DELETE") == true)
    }

    @Test func requestStatementsAreLoggedAndReplayVerifies() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bnc-request-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let log = directory + "/request.jsonl"
        let run = try LanguageRun.withDemoKey([
            "--log", log, "-c",
            """
            let r = request GET /sapi/v1/account/apiRestrictions signed
            request DELETE /sapi/v1/margin/order symbol=LTCBTC orderId=28 signed weight=10
            request GET /api/v3/time
            """
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let text = try String(contentsOfFile: log, encoding: .utf8)
        #expect(text.contains(#""path":"/sapi/v1/margin/order""#) && text.contains(#""path":"/api/v3/time""#))
        let verify = try LanguageRun.withDemoKey(["replay", log, "--verify"])
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
    }

    @Test func badArgumentsAreCheckErrorsAtTheArgument() throws {
        let script = try LanguageRun.script(
            """
            request get /sapi/v1/account/apiRestrictions
            request GET /bnc-sim/v1/price
            request GET "/sapi/v1/order?symbol=LTCBTC"
            request GET /sapi/v1/order timestamp=1 signed
            request GET /sapi/v1/order symbol=A symbol=B
            request GET /sapi/v1/order weight=1001
            request GET /sapi/v1/order sym-bol=A

            """)
        let run = try LanguageRun.bnc(["check", script])
        #expect(run.status == 2)
        // Where each error points (line:column), and the text its caret underlines.
        let expected = [
            ("1:9", "get", "method 'get' is not one of GET, POST, PUT, DELETE", "hint: methods are upper case: GET"),
            ("2:13", "/bnc-sim/v1/price", "path '/bnc-sim/v1/price' is not an exchange path", "hint: paths start with"),
            (
                "3:13", "\"/sapi/v1/order?symbol=LTCBTC\"", "path '/sapi/v1/order?symbol=LTCBTC' holds '?'",
                "hint: give parameters"
            ),
            ("4:28", "timestamp=1", "'timestamp' is added by bnc when the request is signed", "hint: leave it out"),
            ("5:37", "symbol=B", "parameter 'symbol' is given more than once", "hint: give each"),
            ("6:28", "weight=1001", "weight 1001 is out of range: it must be between 1 and 1000", ""),
            ("7:28", "sym-bol=A", "parameter name 'sym-bol' is not 1-64 letters, digits or _", "")
        ]
        for (place, underlined, message, hint) in expected {
            let column = Int(place.split(separator: ":")[1])!
            let caret = String(repeating: " ", count: column - 1) + "^" + String(repeating: "~", count: underlined.count - 1)
            let header = "\(script):\(place): error: \(message)\n"
            guard let range = run.stderr.range(of: header) else {
                Issue.record("missing \(header) in \(run.stderr)")
                continue
            }
            let following = run.stderr[range.upperBound...].split(separator: "\n", omittingEmptySubsequences: false)
            #expect(following.count > 2 && following[1] == caret, "\(message): \(following.prefix(3))")
            if !hint.isEmpty { #expect(following.count > 2 && following[2].hasPrefix(hint), "\(following.prefix(3))") }
        }
        #expect(run.stderr.contains(": 7 errors"), "\(run.stderr)")
    }
}
