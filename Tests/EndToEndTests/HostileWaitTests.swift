import Foundation
import Testing

/// Every wait is capped and says what it waits for; what is sent after a wait is stamped and
/// signed after it; nothing sent is never counted as performed.
@Suite(.serialized) struct HostileWaitTests {
    @Test func aRetryAfterOfYearsIsAnErrorThatSaysUntilWhen() throws {
        let server = try HostileServer([
            .answer(
                status: 429, headers: [("Retry-After", "100000000")],
                body: #"{"code":-1003,"msg":"Too much request weight used."}"#)
        ])
        defer { server.stop() }
        let started = Date()
        let run = try TransportEndToEndTests.bnc(server.baseURL, "cancel LTCBTC id=28")
        #expect(Date().timeIntervalSince(started) < 20)
        #expect(run.status == 1)
        #expect(run.err.contains("the Retry-After of an HTTP 429 asks for a wait of 1157 days (until "))
        #expect(run.err.contains("longer than bnc waits (5 min 0 s)"))
        #expect(server.requests.count == 1)
    }

    @Test func aPacingWaitOfADayIsAnErrorThatSaysSo() throws {
        // The server says the whole daily weight is used: the next request would wait ~24 h.
        let server = try HostileServer([
            .answer(
                headers: [("Content-Type", "application/json"), ("X-SAPI-USED-IP-WEIGHT-1D", "999999")],
                body: HostileServerTests.canceled)
        ])
        defer { server.stop() }
        let started = Date()
        let run = try TransportEndToEndTests.bnc(server.baseURL, "cancel LTCBTC id=28\ncancel LTCBTC id=29")
        #expect(Date().timeIntervalSince(started) < 20)
        #expect(run.status == 1)
        // 23 h 59 min or 24 h 0 min, depending on the millisecond the window started.
        #expect(
            run.err.contains("not sent: the request-weight budget asks for a wait of 23 h 59 min (until ")
                || run.err.contains("not sent: the request-weight budget asks for a wait of 24 h 0 min (until "),
            "stderr: \(run.err)")
        #expect(server.requests.count == 1)
    }

    @Test func aRetryAfterBelowTheCapIsAnnouncedThenWaited() throws {
        let server = try HostileServer(
            [.answer(body: HostileServerTests.canceled)],
            routes: [
                "DELETE /sapi/v1/margin/order": [
                    .answer(
                        status: 429, headers: [("Retry-After", "2")],
                        body: #"{"code":-1003,"msg":"Too much request weight used."}"#),
                    .answer(body: HostileServerTests.canceled)
                ]
            ])
        defer { server.stop() }
        let run = try TransportEndToEndTests.bnc(server.baseURL, "cancel LTCBTC id=28")
        #expect(run.status == 0, "stderr: \(run.err)")
        #expect(run.err.contains("note: waiting 2 s for the Retry-After of an HTTP 429 (until "))
        let requests = server.requests
        #expect(requests.count == 2)
        // Stamped after the wait: the second timestamp is at least the 2 s later.
        if requests.count == 2, let first = Int64(requests[0].parameter("timestamp") ?? ""),
            let second = Int64(requests[1].parameter("timestamp") ?? "")
        {
            #expect(second - first >= 1_900)
            #expect(abs(requests[1].atMs - second) < 1_000)
        }
    }

    @Test func aRefusedConnectionPerformedNothing() throws {
        let run = try TransportEndToEndTests.bnc("http://127.0.0.1:1", "cancel LTCBTC id=28")
        #expect(run.status == 1)
        #expect(run.err.contains("1 statement run, 0 requests performed"), "stderr: \(run.err)")
    }

    /// The issue's reproduction: a weight window of 8 s and 15 reads of weight 10 against a limit
    /// of 100. The 11th waits for the window; stamped before the wait it arrived 8 s old (-1021).
    @Test func aRequestThatWaitedForTheWeightBudgetIsSignedAfterTheWait() throws {
        let sim = try SimulatorProcess(["--weight-limit", "100", "--weight-window-ms", "8000"], duration: 120)
        defer { sim.stop() }
        let profile = try TransportEndToEndTests.profile("weightLimit = 100\nweightWindow = 8s\n")
        let log = NSTemporaryDirectory() + "bnc-wait-\(UUID().uuidString).jsonl"
        defer { try? FileManager.default.removeItem(atPath: log) }
        let script = "for i in 1..15 { let o = order LTCBTC id=28 }\nprint \"done\""
        let run = try Self.bnc(["--endpoint", sim.baseURL, "--log", log, "-c", script], configHome: profile)
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(!run.stderr.contains("-1021"))
        #expect(run.stdout.hasSuffix("done\n"))
        #expect(run.stderr.contains("note: waiting "))
        // One request record per send, each stamped when it was recorded.
        let records = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n")
            .compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        let requests = records.filter { $0["kind"] as? String == "request" }
        #expect(requests.count == 15)
        for request in requests {
            let at = (request["at"] as? NSNumber)?.int64Value ?? 0
            let stamp = (request["timestamp"] as? NSNumber)?.int64Value ?? 0
            #expect(abs(at - stamp) < 1_000, "recorded at \(at), stamped \(stamp)")
        }
        // Replay matches the recorded bytes.
        let replay = try Self.bnc(["replay", "--verify", log], configHome: profile)
        #expect(replay.status == 0, "replay: \(replay.stdout) \(replay.stderr)")
    }

    /// A statement whose operation sent several requests — each stamped at its own send — replays
    /// byte for byte: every replayed send takes the timestamp of its own record.
    @Test(arguments: ["429", "503"])
    func anOperationOfSeveralSendsReplaysByteForByte(first: String) throws {
        let firstAnswer: HostileServer.Step =
            first == "429"
            ? .answer(
                status: 429, headers: [("Retry-After", "1")], body: #"{"code":-1003,"msg":"Too much request weight used."}"#)
            : .answer(status: 503, body: "")
        let server = try HostileServer(
            [.answer(body: HostileOutcomeTests.order("NEW"))],
            routes: ["DELETE /sapi/v1/margin/order": [firstAnswer, .answer(body: HostileServerTests.canceled)]])
        defer { server.stop() }
        let home = try TransportEndToEndTests.profile("")
        let log = NSTemporaryDirectory() + "bnc-replay-\(UUID().uuidString).jsonl"
        defer { try? FileManager.default.removeItem(atPath: log) }
        let run = try Self.bnc(["--endpoint", server.baseURL, "--log", log, "-c", "cancel LTCBTC id=28"], configHome: home)
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(server.requests.count == (first == "429" ? 2 : 3))
        let replay = try Self.bnc(["replay", "--verify", log], configHome: home)
        #expect(replay.status == 0, "replay: \(replay.stdout) \(replay.stderr)")
    }

    static func bnc(_ arguments: [String], configHome: String) throws -> LanguageRun {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: SimulatorProcess.binary)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("BINANCE_") }
        env["XDG_CONFIG_HOME"] = configHome
        env["NO_COLOR"] = "1"
        process.environment = env
        return try LanguageRun.capture(process)
    }
}
