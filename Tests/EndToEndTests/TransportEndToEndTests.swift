import Foundation
import Testing

/// The built `bnc` sending to `bnc sim --port` on 127.0.0.1: the done-when list of issue 5.
@Suite(.serialized) struct TransportEndToEndTests {
    struct Run {
        var status: Int32
        var out: String
        var err: String
    }

    /// Runs `bnc --endpoint URL -c SCRIPT` with `environment` added (and no BINANCE_* from the caller).
    static func bnc(
        _ url: String, _ script: String, environment: [String: String] = [:], options: [String] = []
    ) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: SimulatorProcess.binary)
        process.arguments = options + ["--endpoint", url, "--no-log", "-c", script]
        var env = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("BINANCE_") }
        env["XDG_CONFIG_HOME"] = env["XDG_CONFIG_HOME_FOR_BNC_TESTS"] ?? NSTemporaryDirectory() + "bnc-none-\(getpid())"
        env["NO_COLOR"] = "1"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        // Dispatch, not a Task plus a semaphore: blocking a Swift-concurrency thread while a task
        // needs one deadlocks on a two-core machine when two suites do it at once.
        let run = try LanguageRun.capture(process)
        return Run(status: run.status, out: run.stdout, err: run.stderr)
    }

    /// A profile directory holding `config` with `text`, mode 0600.
    static func profile(_ text: String) throws -> String {
        let directory = NSTemporaryDirectory() + "bnc-profile-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory + "/bnc", withIntermediateDirectories: true)
        FileManager.default.createFile(
            atPath: directory + "/bnc/config", contents: Data(text.utf8), attributes: [.posixPermissions: 0o600])
        return directory
    }

    static func count(_ needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    @Test func cancelsByIdAndClientIdOnCrossAndIsolatedAccounts() throws {
        let sim = try SimulatorProcess()
        defer { sim.stop() }
        let run = try Self.bnc(
            sim.baseURL,
            """
            cancel LTCBTC id=28
            cancel LTCBTC cid=myOrder2
            cancel LTCBTC id=31 isolated
            cancel BTCUSDT cid=btcIso1 isolated
            """)
        #expect(run.status == 0, "stderr: \(run.err)")
        #expect(Self.count("CANCELED", in: run.out) == 4)
        for line in [
            "canceled LTCBTC cross #28 (myOrder1)", "canceled LTCBTC cross #29 (myOrder2)",
            "canceled LTCBTC isolated #31 (isoOrder1)", "canceled BTCUSDT isolated #1003 (btcIso1)"
        ] {
            #expect(sim.log.contains(line), "missing in the simulator log: \(line)")
        }
    }

    @Test func anIsolatedOrderCanceledAsCrossIsUnknownOrder() throws {
        let sim = try SimulatorProcess()
        defer { sim.stop() }
        let run = try Self.bnc(sim.baseURL, "cancel BTCUSDT id=1003")
        #expect(run.status == 1)
        #expect(run.err.contains("-2011") && run.err.contains("Unknown order sent."))
        #expect(run.err.contains("isolated"), "the hint should mention isolated: \(run.err)")
    }

    @Test func aBadSecretGetsInvalidSignature() throws {
        let sim = try SimulatorProcess()
        defer { sim.stop() }
        let run = try Self.bnc(
            sim.baseURL, "cancel LTCBTC id=28",
            environment: [
                "BINANCE_API_KEY": "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A",
                "BINANCE_API_SECRET": "wrongSecretWrongSecretWrongSecret"
            ])
        #expect(run.status == 1)
        #expect(run.err.contains("-1022"), "stderr: \(run.err)")
        #expect(!run.err.contains("wrongSecret"), "the secret must never be printed")
    }

    @Test func aSkewedClockIsResyncedAndTheCancelSucceeds() throws {
        let sim = try SimulatorProcess(["--skew-ms", "45000"])
        defer { sim.stop() }
        let run = try Self.bnc(sim.baseURL, "cancel LTCBTC id=28")
        #expect(run.status == 0, "stderr: \(run.err)")
        #expect(run.out.contains("CANCELED"))
        #expect(run.err.contains("-1021") && run.err.contains("clock offset"), "stderr: \(run.err)")
        #expect(Self.count("-> 400 -1021", in: sim.log) == 1)
        #expect(Self.count("canceled LTCBTC cross #28", in: sim.log) == 1)
    }

    /// 20% of signed requests answered 5XX, half of them after the cancel took effect: every
    /// order ends canceled exactly once, and every unknown outcome is reported with what happened.
    @Test func injectedServerErrorsEndWithEveryOrderCanceledExactlyOnce() throws {
        let orders = 100
        let sim = try SimulatorProcess(["--bulk", "FLTBTC=\(orders)", "--fail-rate", "0.2", "--seed", "7"])
        defer { sim.stop() }
        let run = try Self.bnc(sim.baseURL, "for id in 1..\(orders) { cancel FLTBTC id=$id }")
        #expect(run.status == 0, "stderr: \(run.err.suffix(2000))")
        let log = sim.log
        for id in 1...orders {
            #expect(Self.count("canceled FLTBTC cross #\(id) (", in: log) == 1, "order \(id) was not canceled exactly once")
        }
        let failedDeletes = log.split(separator: "\n").filter { $0.contains("DELETE") && $0.contains("-> 5") }.count
        #expect(failedDeletes >= 5, "the fault plan should have hit some cancels")
        #expect(Self.count("the outcome is unknown", in: run.err) == failedDeletes)
        let conclusions =
            Self.count("the cancel took effect", in: run.err) + Self.count("the cancel did not take effect", in: run.err)
        #expect(conclusions == failedDeletes, "each unknown outcome gets a conclusion: \(run.err.suffix(2000))")
        // Each cancel's record has a `status  CANCELED` line (padded to the record's longest name).
        let canceledLines = run.out.split(separator: "\n").filter {
            $0.hasPrefix("status ") && $0.hasSuffix(" CANCELED") && $0.dropFirst(6).dropLast(9).allSatisfy { $0 == " " }
        }
        #expect(canceledLines.count == orders)
    }

    /// 2,000 cancels against a 1-second window of 2,000 weight (200 cancels per window): the
    /// budget paces the loop and the simulator never answers 429.
    @Test func aLongLoopUnderASmallWeightWindowNeverGets429() throws {
        let orders = 2000
        let sim = try SimulatorProcess([
            "--bulk", "PACEBTC=\(orders)", "--weight-limit", "2000", "--weight-window-ms", "1000"
        ])
        defer { sim.stop() }
        let config = try Self.profile("weightLimit = 2000\nweightWindow = 1s\n")
        defer { try? FileManager.default.removeItem(atPath: config) }
        let started = Date()
        let run = try Self.bnc(
            sim.baseURL, "for id in 1..\(orders) { cancel PACEBTC id=$id }", environment: ["XDG_CONFIG_HOME": config])
        let seconds = Date().timeIntervalSince(started)
        #expect(run.status == 0, "stderr: \(run.err.suffix(2000))")
        #expect(Self.count("-> 429", in: sim.log) == 0)
        #expect(Self.count("-> 418", in: sim.log) == 0)
        #expect(Self.count("accepted: canceled PACEBTC", in: sim.log) == orders)
        // 20,000 weight at most 2,000 per second: the pacing really waited.
        #expect(seconds >= 7, "finished in \(seconds) s: not paced")
        print("2000 paced cancels in \(Int(seconds)) s; pacing notes: \(Self.count("request-weight budget", in: run.err))")
    }

    @Test func aProfileThatHoldsASecretAndIsReadableByOthersIsRefused() throws {
        let sim = try SimulatorProcess()
        defer { sim.stop() }
        let config = try Self.profile(
            "apiKey = abc\napiSecret = NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j\n")
        defer { try? FileManager.default.removeItem(atPath: config) }
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: config + "/bnc/config")
        let run = try Self.bnc(sim.baseURL, "cancel LTCBTC id=28", environment: ["XDG_CONFIG_HOME": config])
        #expect(run.status == 2)
        #expect(run.err.contains("group or others have access to it") && run.err.contains("chmod 600"))
        #expect(!run.err.contains("NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j"))
        #expect(!sim.log.contains("DELETE"), "nothing may be sent")
    }

    @Test func theProfileChoosesTheEndpointAndRecvWindow() throws {
        let sim = try SimulatorProcess()
        defer { sim.stop() }
        let config = try Self.profile("endpoint = \(sim.baseURL)\nrecvWindow = 7000\n")
        defer { try? FileManager.default.removeItem(atPath: config) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: SimulatorProcess.binary)
        process.arguments = ["--no-log", "-c", "order LTCBTC id=28"]
        var env = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("BINANCE_") }
        env["XDG_CONFIG_HOME"] = config
        process.environment = env
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(sim.log.contains("GET /sapi/v1/margin/order"), "the profile's endpoint was not used")
        // The profile's recvWindow is sent: a request stamped 6 s ago passes with 7000 ms, where the
        // exchange's default 5000 ms would reject it with -1021.
        let stale = Int64(Date().timeIntervalSince1970 * 1000) - 6000
        let late = Process()
        late.executableURL = URL(fileURLWithPath: SimulatorProcess.binary)
        late.arguments = ["--no-log", "--timestamp", String(stale), "-c", "cancel LTCBTC id=29"]
        late.environment = env
        late.standardOutput = FileHandle.nullDevice
        late.standardError = FileHandle.nullDevice
        try late.run()
        late.waitUntilExit()
        #expect(late.terminationStatus == 0)
        #expect(sim.log.contains("canceled LTCBTC cross #29"), "log: \(sim.log)")
    }
}
