import Foundation
import Testing

/// `replay --live` asks before it sends to the live exchange however the endpoint was chosen
/// (issue 13, item 2): the word `live`, a profile's `endpoint = live`, or any URL under
/// binance.com or binance.us. With standard input not a terminal there is no one to ask, so it
/// refuses (exit 2, nothing sent) unless `--yes` was given. Loopback URLs are not live.
@Suite struct LiveConfirmationTests {
    /// A log of one cancel, recorded against the embedded simulator.
    static func recordedLog() throws -> (directory: String, log: String) {
        let directory = NSTemporaryDirectory() + "bnc-live-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let log = directory + "/cancel.jsonl"
        let run = try LanguageRun.bnc(["--endpoint", "sim", "--log", log, "-c", "cancel LTCBTC id=28"])
        #expect(run.status == 0, "\(run.stderr)")
        return (directory, log)
    }

    static let demoKey = [
        "BINANCE_API_KEY": "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A",
        "BINANCE_API_SECRET": "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j"
    ]

    @Test(arguments: [
        "https://api.binance.com", "https://api3.binance.com/", "https://API-GCP.binance.com:443",
        "https://api.binance.us", "http://api1.binance.com"
    ])
    func aLiveURLWithoutATerminalIsRefused(endpoint: String) throws {
        let (directory, log) = try Self.recordedLog()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let run = try LanguageRun.bnc(
            ["replay", log, "--live", "--endpoint", endpoint, "--no-log"], stdin: "y\n", environment: Self.demoKey)
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains("against the live exchange"), "\(run.stderr)")
        #expect(run.stderr.contains("standard input is not a terminal"))
        #expect(run.stderr.contains("hint: pass --yes"))
        #expect(run.stdout.isEmpty)
    }

    @Test func aProfilesLiveEndpointWithoutATerminalIsRefused() throws {
        let (directory, log) = try Self.recordedLog()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        for endpoint in ["live", "https://api.binance.com"] {
            let config = try TransportEndToEndTests.profile("endpoint = \(endpoint)\r\n")
            defer { try? FileManager.default.removeItem(atPath: config) }
            var environment = Self.demoKey
            environment["XDG_CONFIG_HOME"] = config
            let run = try LanguageRun.bnc(["replay", log, "--live", "--no-log"], stdin: "", environment: environment)
            #expect(run.status == 2, "\(endpoint): \(run.stderr)")
            #expect(run.stderr.contains("against the live exchange (https://api.binance.com) needs confirmation"))
        }
    }

    @Test func aLoopbackURLIsNotLiveAndIsReplayedWithoutAsking() throws {
        let (directory, log) = try Self.recordedLog()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let server = try HostileServer([.answer(body: HostileServerTests.canceled)])
        defer { server.stop() }
        let run = try LanguageRun.bnc(
            ["replay", log, "--live", "--endpoint", server.baseURL, "--no-log"], stdin: "", environment: Self.demoKey)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!run.stderr.contains("confirmation"))
        #expect(server.requests(to: "/sapi/v1/margin/order").count == 1)
    }
}
