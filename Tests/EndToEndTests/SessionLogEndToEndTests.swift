import BinanceAPI
import Foundation
import Testing

/// `bnc log` and `bnc replay` on logs written by bnc, by hand, and cut short.
@Suite struct SessionLogEndToEndTests {
    static func directory(_ name: String = #function) -> String {
        let path = NSTemporaryDirectory() + "bnc-e2e-log-\(name.filter(\.isLetter))-\(UUID().uuidString.prefix(8))"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Writes the log a run of `for id in 1..count { cancel LTCBTC id=$id }` leaves, signed with the
    /// documented demo key, every request answered (a synthetic recording, built record by record).
    static func writeLoopLog(count: Int, to path: String) throws {
        let builder = RequestBuilder(
            credentials: Credentials(
                apiKey: LanguageRun.demoKey, signer: RequestSigner(hmacSecret: LanguageRun.demoSecret), source: "environment"))
        FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        var text =
            #"{"kind":"header","format":"bnc-session-log","version":1,"bnc":"0.1.0","mode":"script","endpoint":"sim","baseURL":"http://sim.bnc.invalid","keyType":"HMAC","apiKey":"vmPU…Eh8A","keySource":"environment","started":1764075824123}"#
            + "\n"
        var source = ""
        JSONValue.writeString("for id in 1..\(count) {\n  cancel LTCBTC id=$id\n}", to: &source)
        text +=
            #"{"kind":"statement","seq":1,"source":\#(source),"file":"loop.bnc","line":1,"column":1,"depth":0,"at":1764075824124}"#
            + "\n"
        for id in 1...count {
            let timestamp = 1_764_075_824_000 + Int64(id)
            let request = try builder.prepare(CancelMarginOrder(symbol: "LTCBTC", orderId: Int64(id)), timestamp: timestamp)
            let fingerprint = request.signature!.fingerprint
            text +=
                #"{"kind":"statement","seq":\#(id + 1),"source":"cancel LTCBTC id=$id","file":"loop.bnc","line":2,"column":3,"depth":1,"at":\#(timestamp)}"#
                + "\n"
            text +=
                #"{"kind":"request","id":\#(id),"statement":\#(id + 1),"attempt":1,"title":"margin cancel","method":"DELETE","path":"/sapi/v1/margin/order","query":"\#(request.query)","timestamp":\#(timestamp),"keyType":"HMAC","signatureSHA256":"\#(fingerprint)","weight":10,"weightScope":"IP","at":\#(timestamp)}"#
                + "\n"
            text +=
                #"{"kind":"response","request":\#(id),"status":200,"headers":{"X-SAPI-USED-IP-WEIGHT-1M":"10"},"body":{"symbol":"LTCBTC","orderId":"\#(id)","clientOrderId":"c\#(id)","status":"CANCELED","side":"SELL"},"latencyUs":800,"at":\#(timestamp)}"#
                + "\n"
            if text.utf8.count > 1 << 20 {
                handle.write(Data(text.utf8))
                text = ""
            }
        }
        text += #"{"kind":"end","statements":\#(count + 1),"requests":\#(count),"exitCode":0,"at":1764075900000}"# + "\n"
        handle.write(Data(text.utf8))
    }

    static func verify(_ path: String) throws -> LanguageRun {
        try LanguageRun.withDemoKey(["replay", path, "--verify"])
    }

    @Test func aDryRunWithLogReadsBackAsItsScript() throws {
        let directory = Self.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let script = "let n = 2\nrepeat $n {\n  cancel LTCBTC id=28\n}\nprint \"done\"\n"
        try script.write(toFile: directory + "/a.bnc", atomically: true, encoding: .utf8)
        let log = directory + "/a.jsonl"
        let run = try LanguageRun.withDemoKey([
            "run", "--dry-run", "--timestamp", "1499827319559", "--log", log, directory + "/a.bnc"
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let mode = try FileManager.default.attributesOfItem(atPath: log)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let text = try String(contentsOfFile: log, encoding: .utf8)
        #expect(!text.contains(LanguageRun.demoSecret) && !text.contains(LanguageRun.demoKey))
        let printed = try LanguageRun.bnc(["log", "script", log])
        #expect(printed.status == 0)
        #expect(
            printed.stdout.hasSuffix(
                "# from \(directory)/a.bnc\nlet n = 2\nrepeat $n {\n  cancel LTCBTC id=28\n}\nprint \"done\"\n"))
        // The same file again is refused: logs are never overwritten.
        let again = try LanguageRun.withDemoKey(["run", "--dry-run", "--log", log, directory + "/a.bnc"])
        #expect(again.status == 2)
        #expect(again.stderr.contains("already exists"))
    }

    @Test func verifyPassesOnARecordingAndNamesTheRecordOfAChangedQueryByte() throws {
        let directory = Self.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let log = directory + "/loop.jsonl"
        try Self.writeLoopLog(count: 50, to: log)
        let good = try Self.verify(log)
        #expect(good.status == 0, "\(good.stderr)")
        #expect(good.stdout.contains("50 requests from 1 statement, every canonical query and signature byte-identical"))
        var lines = try String(contentsOfFile: log, encoding: .utf8).components(separatedBy: "\n")
        let index = try #require(lines.firstIndex { $0.contains("orderId=17&") })
        lines[index] = lines[index].replacingOccurrences(of: "orderId=17&", with: "orderId=18&")
        try lines.joined(separator: "\n").write(toFile: log, atomically: false, encoding: .utf8)
        let bad = try Self.verify(log)
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("\(log):\(index + 1): request #17: the canonical query differs"))
        #expect(bad.stderr.contains("recorded    symbol=LTCBTC&orderId=18&timestamp="))
        #expect(bad.stderr.contains("recompiled  symbol=LTCBTC&orderId=17&timestamp="))
    }

    @Test func verifyWithAnotherKeyNamesBothKeys() throws {
        let directory = Self.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let log = directory + "/loop.jsonl"
        try Self.writeLoopLog(count: 3, to: log)
        let run = try LanguageRun.bnc(["replay", log, "--verify"]) // demo key of bnc, same key: passes
        #expect(run.status == 0, "\(run.stderr)")
        let other = try LanguageRun.bnc(
            ["replay", log, "--verify"],
            environment: ["BINANCE_API_KEY": LanguageRun.demoKey, "BINANCE_API_SECRET": "not-the-secret"])
        #expect(other.status == 1)
        #expect(other.stderr.contains("request #1: the signature differs"))
        #expect(other.stderr.contains("same API key, different signature"))
    }

    @Test func offlineReplayPrintsTheRecordedAnswers() throws {
        let directory = Self.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let log = directory + "/loop.jsonl"
        try Self.writeLoopLog(count: 3, to: log)
        let run = try LanguageRun.withDemoKey(["replay", log, "--offline", "--output", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains(#""clientOrderId":"c3""#))
        #expect(run.stderr.contains("replayed 3 recorded responses offline; nothing was sent"))
    }

    /// A statement that failed when recorded fails again offline, with the recorded answer: its
    /// error is shown and the replay ends with the run's exit code (it printed nothing and
    /// exited 0). --verify only compares, and passes.
    @Test func anOfflineReplayShowsTheErrorsTheRunShowed() throws {
        let directory = Self.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let log = directory + "/failed.jsonl"
        let run = try LanguageRun.bnc(["--log", log, "-c", "cancel LTCBTC id=28; cancel LTCBTC id=999"])
        #expect(run.status == 1)
        let offline = try LanguageRun.bnc(["replay", log, "--offline"])
        #expect(offline.status == 1, "\(offline.stderr)")
        #expect(offline.stdout == run.stdout)
        #expect(offline.stderr.contains("error: exchange error -2011 CANCEL_REJECTED: Unknown order sent."))
        #expect(offline.stderr.contains("replayed 2 recorded responses offline; nothing was sent"))
        let json = try LanguageRun.bnc(["replay", log, "--offline", "--output", "json"])
        #expect(json.status == 1)
        #expect(json.stdout.contains(#"{"error":{"kind":"exchange","code":-2011"#), "\(json.stdout)")
        let verify = try LanguageRun.bnc(["replay", log, "--verify"])
        #expect(verify.status == 0, "\(verify.stderr)")
        #expect(!verify.stderr.contains("-2011"))
    }

    /// A shell session goes on after a failed statement and may end with 0: its offline replay
    /// shows the error without a script's "stopped at" summary and ends as the session ended.
    @Test func anOfflineReplayOfAShellSessionEndsAsTheSessionEnded() throws {
        let directory = Self.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let scriptLog = directory + "/script.jsonl"
        _ = try LanguageRun.bnc(["--log", scriptLog, "-c", "cancel LTCBTC id=999"])
        // The same records as a shell session that went on and ended with Ctrl-D.
        let shellLog = directory + "/shell.jsonl"
        let text = try String(contentsOfFile: scriptLog, encoding: .utf8)
            .replacingOccurrences(of: #""mode":"script""#, with: #""mode":"shell""#)
            .replacingOccurrences(of: #""exitCode":1,"#, with: #""exitCode":0,"#)
        try text.write(toFile: shellLog, atomically: true, encoding: .utf8)
        let offline = try LanguageRun.bnc(["replay", shellLog, "--offline"])
        #expect(offline.status == 0, "\(offline.stderr)")
        #expect(offline.stderr.contains("error: exchange error -2011"))
        #expect(!offline.stderr.contains("stopped at"), "\(offline.stderr)")
        let script = try LanguageRun.bnc(["replay", scriptLog, "--offline"])
        #expect(script.status == 1)
        #expect(script.stderr.contains("stopped at"))
    }

    @Test func aLogCutShortReadsBackWithTheInFlightRequestUnknown() throws {
        let directory = Self.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let log = directory + "/loop.jsonl"
        try Self.writeLoopLog(count: 5, to: log)
        var lines = try String(contentsOfFile: log, encoding: .utf8).components(separatedBy: "\n")
        // As kill -9 leaves it while request #4 is in flight: its response is half-written.
        let response = try #require(lines.firstIndex { $0.hasPrefix(#"{"kind":"response","request":4,"#) })
        lines = Array(lines[..<response]) + [String(lines[response].prefix(30))]
        try lines.joined(separator: "\n").write(toFile: log, atomically: false, encoding: .utf8)
        let show = try LanguageRun.bnc(["log", "show", log])
        #expect(show.status == 0)
        #expect(show.stdout.contains("-> OUTCOME UNKNOWN: no response recorded"))
        #expect(show.stdout.contains("half-written last line (30 bytes) skipped"))
        #expect(show.stdout.contains("1 request of unknown outcome (no response recorded): #4"))
    }

    /// A script run against the simulator leaves a log that `--verify` and `--offline` replay:
    /// same queries and signatures, same branches, same output, nothing sent.
    @Test func aRunAgainstTheSimulatorVerifiesAndReplaysOffline() throws {
        let directory = Self.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let script = """
            for id in 27..31 {
              try {
                let r = cancel LTCBTC id=$id
                print "canceled $id: $r.status $r.clientOrderId"
              } on error e {
                print "not canceled $id: $e.code"
              }
            }
            """
        try script.write(toFile: directory + "/cleanup.bnc", atomically: true, encoding: .utf8)
        let log = directory + "/cleanup.jsonl"
        let run = try LanguageRun.bnc(["run", "--endpoint", "sim", "--log", log, directory + "/cleanup.bnc"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("canceled 28: CANCELED"))
        #expect(run.stdout.contains("not canceled 27: -2011"))
        let verify = try LanguageRun.bnc(["replay", log, "--verify"])
        #expect(verify.status == 0, "\(verify.stderr)")
        #expect(verify.stdout.contains("5 requests from 1 statement, every canonical query and signature byte-identical"))
        let offline = try LanguageRun.bnc(["replay", log, "--offline"])
        #expect(offline.status == 0, "\(offline.stderr)")
        #expect(offline.stdout == run.stdout)
        let script2 = try LanguageRun.bnc(["log", "script", log])
        #expect(script2.stdout.hasSuffix(script + "\n"))
        // --live sends the statements again (to a fresh embedded simulator) and logs the replay.
        let again = directory + "/again.jsonl"
        let live = try LanguageRun.bnc(["replay", log, "--live", "--log", again])
        #expect(live.status == 0, "\(live.stderr)")
        #expect(live.stdout == run.stdout)
        let replayLog = try String(contentsOfFile: again, encoding: .utf8)
        #expect(replayLog.contains(#""mode":"replay""#))
        #expect(replayLog.components(separatedBy: #""kind":"request""#).count == 6)
        // Against the live exchange it asks first; with no terminal to ask on, it refuses.
        let refused = try LanguageRun.bnc(["replay", log, "--live", "--endpoint", "live", "--no-log"])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("needs confirmation"))
    }

    /// A script killed with SIGKILL while its loop's request is in flight leaves a log that
    /// `bnc log show` reads, with that request marked OUTCOME UNKNOWN.
    @Test func aScriptKilledMidLoopLeavesAReadableLog() throws {
        let directory = Self.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let listener = try SilentListener()
        defer { listener.close() }
        try "print \"start\"\nfor id in 1..1000 {\n  cancel LTCBTC id=$id\n}\n".write(
            toFile: directory + "/loop.bnc", atomically: true, encoding: .utf8)
        let log = directory + "/loop.jsonl"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: LanguageRun.binary)
        process.arguments = ["run", "--endpoint", "http://127.0.0.1:\(listener.port)", "--log", log, directory + "/loop.bnc"]
        process.environment = [
            "PATH": "/usr/bin:/bin", "HOME": directory, "BINANCE_API_KEY": LanguageRun.demoKey,
            "BINANCE_API_SECRET": LanguageRun.demoSecret
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Wait until the request is on disk (written ahead of the send), then kill -9.
        let deadline = Date().addingTimeInterval(20)
        var logged = ""
        while Date() < deadline && process.isRunning {
            logged = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            if logged.contains(#""kind":"request""#) { break }
            usleep(20_000)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal, "bnc ended by itself: \(logged)")
        #expect(logged.contains(#""kind":"request""#))
        let show = try LanguageRun.bnc(["log", "show", log])
        #expect(show.status == 0)
        #expect(show.stdout.contains("loop.bnc:3    cancel LTCBTC id=$id"))
        #expect(show.stdout.contains("#1 "))
        #expect(show.stdout.contains("-> OUTCOME UNKNOWN: no response recorded"))
        #expect(show.stdout.contains("1 request of unknown outcome (no response recorded): #1"))
        #expect(show.stdout.contains("the log has no end record"))
    }

    /// Peak resident set size of `bnc ARGUMENTS` in KiB, from /usr/bin/time -v.
    static func peakKiB(_ arguments: [String]) throws -> (LanguageRun, Int) {
        let run = try SessionLogProcess.run(
            ["-v", LanguageRun.binary] + arguments,
            environment: ["BINANCE_API_KEY": LanguageRun.demoKey, "BINANCE_API_SECRET": LanguageRun.demoSecret],
            executable: "/usr/bin/time")
        let line = run.stderr.split(separator: "\n").first { $0.contains("Maximum resident set size") }
        let kib = line.flatMap { Int($0.split(separator: ":").last!.trimmingCharacters(in: .whitespaces)) } ?? -1
        return (run, kib)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/time")))
    func aLogOf100000RequestsVerifiesInConstantMemory() throws {
        let directory = Self.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try Self.writeLoopLog(count: 10_000, to: directory + "/small.jsonl")
        try Self.writeLoopLog(count: 100_000, to: directory + "/large.jsonl")
        let (small, smallKiB) = try Self.peakKiB(["replay", directory + "/small.jsonl", "--verify"])
        let started = Date()
        let (large, largeKiB) = try Self.peakKiB(["replay", directory + "/large.jsonl", "--verify"])
        let seconds = Date().timeIntervalSince(started)
        #expect(small.status == 0 && large.status == 0, "\(large.stderr)")
        #expect(large.stdout.contains("100000 requests from 1 statement"))
        let size = try FileManager.default.attributesOfItem(atPath: directory + "/large.jsonl")[.size] as? Int ?? 0
        // Ten times the records, 60+ MB of log: peak memory grows by less than 8 MiB.
        #expect(smallKiB > 0 && largeKiB - smallKiB < 8 * 1024, "peak \(smallKiB) KiB for 10k, \(largeKiB) KiB for 100k")
        #expect(largeKiB * 1024 < size / 2, "peak \(largeKiB) KiB for a \(size)-byte log")
        print("replay --verify of 300,002 records: \(seconds) s, peak \(largeKiB) KiB (10k: \(smallKiB) KiB)")
    }
}
