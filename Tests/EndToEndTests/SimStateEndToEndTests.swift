import Foundation
import Testing

/// `bnc sim --state FILE` across a kill -9: what clients changed (a python-binance placement, a
/// bnc cancel) is on the books after a restart, and a state file that does not load is refused
/// with exit 2 and left as it was.
@Suite(.serialized) struct SimStateEndToEndTests {
    static func start(_ state: String, _ more: [String] = []) throws -> (TestServerProcess, String) {
        let server = try TestServerProcess(
            SimulatorProcess.binary, ["sim", "--port", "0", "--duration", "120", "--state", state] + more,
            marker: "http://127.0.0.1:")
        guard let range = server.firstLine.range(of: "http://127.0.0.1:") else {
            server.stop()
            throw SimulatorProcess.StartFailure(description: server.firstLine)
        }
        return (server, "http://127.0.0.1:" + server.firstLine[range.upperBound...].prefix(while: \.isNumber))
    }

    static func bnc(_ base: String, _ script: String) throws -> LanguageRun {
        try LanguageRun.withDemoKey(["--endpoint", base, "--no-log", "--output", "json", "-c", script])
    }

    /// Waits (at most 5 s) until the state file holds `text`: a change is written within the
    /// writer's debounce, after the answer.
    static func waitForFile(_ path: String, toContain texts: [String]) -> String {
        let deadline = Date().addingTimeInterval(5)
        var content = ""
        while Date() < deadline {
            content = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
            if texts.allSatisfy(content.contains) { break }
            usleep(20_000)
        }
        return content
    }

    static func directory() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("bnc-state-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func theBooksSurviveAKillNineAndARestart() throws {
        #expect(FileManager.default.isExecutableFile(atPath: TransportPythonClientTests.python), "run scripts/setup --test")
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let state = directory + "/sim-state.json"
        let (first, base) = try Self.start(state)
        defer { first.stop() }
        #expect(first.firstLine.contains("listening"))
        let placed = try SimMarketEndToEndTests.python([base, "place"])
        #expect(placed.status == 0, "python-binance: \(placed.stderr)")
        let canceled = try Self.bnc(base, "cancel LTCBTC id=29")
        #expect(canceled.status == 0, "stderr: \(canceled.stderr)")
        // Order 29 is in the file from the start: wait for its CANCELED, or the kill below can come
        // before the cancel reached the disk (the writer debounces).
        let written = Self.waitForFile(
            state,
            toContain: [
                #""clientOrderId":"pyBot1""#,
                #""orderId":29,"clientOrderId":"myOrder2","price":"0.00150000","origQty":"5.00000000","executedQty":"0.00000000","cummulativeQuoteQty":"0.00000000","status":"CANCELED""#
            ])
        #expect(
            written.contains(
                #""clientOrderId":"myOrder2","price":"0.00150000","origQty":"5.00000000","executedQty":"0.00000000","cummulativeQuoteQty":"0.00000000","status":"CANCELED""#
            ), "the cancel reached the file")
        #expect(written.contains(#""clientOrderId":"pyBot1""#), "the placement reached the file")
        let attributes = try FileManager.default.attributesOfItem(atPath: state)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)

        kill(first.process.processIdentifier, SIGKILL)
        first.process.waitUntilExit()
        #expect(first.process.terminationReason == .uncaughtSignal)

        let (second, base2) = try Self.start(state)
        defer { second.stop() }
        let open = try Self.bnc(base2, "open LTCBTC")
        #expect(open.status == 0, "stderr: \(open.stderr)")
        #expect(open.stdout.contains("pyBot1"), "the placed order is open: \(open.stdout)")
        #expect(!open.stdout.contains("myOrder2"), "the canceled order is not: \(open.stdout)")
        let query = try Self.bnc(base2, "order LTCBTC id=29")
        #expect(query.stdout.contains(#""status":"CANCELED""#), "stdout: \(query.stdout)")
        // The same cancel again is what the exchange answers for a canceled order.
        let again = try Self.bnc(base2, "cancel LTCBTC id=29")
        #expect(again.status != 0)
        #expect(again.stderr.contains("-2011") || again.stdout.contains("-2011"), "\(again.stdout) \(again.stderr)")
    }

    @Test(arguments: ["truncated", "garbage"])
    func aStateFileThatDoesNotLoadIsRefusedAndLeftAsItWas(_ kind: String) throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let state = directory + "/sim-state.json"
        // A real state file first, written by bnc sim itself.
        let (server, _) = try Self.start(state)
        server.stop()
        let good = try Data(contentsOf: URL(fileURLWithPath: state))
        let bad = kind == "truncated" ? good.prefix(good.count * 2 / 3) : Data("\u{1}not a state\n".utf8)
        try bad.write(to: URL(fileURLWithPath: state))
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: state)

        let run = try LanguageRun.bnc(["sim", "--port", "0", "--duration", "5", "--state", state])
        #expect(run.status == 2, "stdout: \(run.stdout) stderr: \(run.stderr)")
        #expect(run.stderr.contains("state file \(state):"), "stderr: \(run.stderr)")
        #expect(!run.stdout.contains("listening"), "nothing started")
        #expect(try Data(contentsOf: URL(fileURLWithPath: state)) == bad, "the file is left as it was")
    }

    @Test func anExistingStateWinsOverASeedFileAndSaysSo() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let state = directory + "/sim-state.json"
        let seed = directory + "/seed.json"
        try Data(#"{"orders":[{"symbol":"LTCBTC","orderId":5,"clientOrderId":"seeded5","price":"0.0015","origQty":"1"}]}"#.utf8)
            .write(to: URL(fileURLWithPath: seed))
        let (first, _) = try Self.start(state, ["--seed-file", seed])
        first.stop()
        let (second, base) = try Self.start(state, ["--seed-file", seed, "--bulk", "ETHBTC=3"])
        defer { second.stop() }
        let open = try Self.bnc(base, "open ETHBTC")
        #expect(!open.stdout.contains("bulkx"), "--bulk did not apply: \(open.stdout)")
        let seeded = try Self.bnc(base, "order LTCBTC id=5")
        #expect(seeded.stdout.contains("seeded5"), "the state kept the seed file's order: \(seeded.stdout)")
        second.stop()
        let banner = try LanguageRun.bnc(["sim", "--port", "0", "--duration", "0.2", "--state", state, "--seed-file", seed])
        #expect(banner.stdout.contains("--seed-file and --bulk are ignored: an existing state file wins"), "\(banner.stdout)")
    }

    @Test func aSecondSimulatorOnTheSameStateFileStopsAtStartUp() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let state = directory + "/sim-state.json"
        let (first, base) = try Self.start(state)
        defer { first.stop() }
        let second = try LanguageRun.bnc(["sim", "--port", "0", "--duration", "5", "--state", state])
        #expect(second.status == 2, "stdout: \(second.stdout) stderr: \(second.stderr)")
        #expect(second.stderr.contains("state file \(state): is in use by another bnc sim (pid "), "\(second.stderr)")
        #expect(!second.stdout.contains("listening"), "nothing started")
        // The first one goes on serving its books.
        let cancel = try Self.bnc(base, "cancel LTCBTC id=28")
        #expect(cancel.status == 0, "\(cancel.stdout) \(cancel.stderr)")
        first.stop()
        // Its lock went with it.
        let (third, _) = try Self.start(state)
        third.stop()
    }
}
