import Foundation
import Testing

/// The live confirmation on a terminal, in tmux (issue 16): statements that would cancel more
/// than one order on the live exchange say how many and ask first, in the shell and for a script
/// run on a terminal — once per input or script, never per statement.
///
/// No real network: the endpoint is `http://api.binance.com` (live by `LiveEndpoint.isLive`), and
/// the tests' CONNECT proxy sends every tunnel to a `bnc sim` on 127.0.0.1 (`--target`).
@Suite("Live confirmation, in tmux", .serialized)
struct ShellLiveConfirmationTests {
    static let endpoint = "http://api.binance.com"
    static let question = "This would cancel on the live exchange (\(endpoint)):"

    /// A simulator, a proxy leading every tunnel to it, and the environment that uses them with
    /// the demo key (the simulator's; a live endpoint gets no key unless given one).
    static func exchange() throws -> (SimulatorProcess, TestConnectProxy, [String: String]) {
        let simulator = try SimulatorProcess()
        let target = simulator.baseURL.replacingOccurrences(of: "http://", with: "")
        let proxy = try TestConnectProxy(["--target", target])
        var environment = LiveConfirmationTests.demoKey
        environment["HTTP_PROXY"] = proxy.url
        environment["TZ"] = "UTC"
        environment["PAGER"] = "cat"
        return (simulator, proxy, environment)
    }

    /// How many times `text` occurs in `screen`.
    static func occurrences(of text: String, in screen: String) -> Int {
        screen.components(separatedBy: text).count - 1
    }

    @Test("in the shell: cancel-all and a loop of cancels ask; no sends nothing, yes runs; one cancel never asks")
    func shellAsks() throws {
        let (simulator, proxy, environment) = try Self.exchange()
        defer {
            proxy.stop()
            simulator.stop()
        }
        let shell = try ShellTmuxHarness(
            arguments: ["--no-log", "--endpoint", Self.endpoint], environment: environment, columns: 160, rows: 40)
        defer {
            shell.close()
            shell.removeHome()
        }
        try shell.waitFor("the prompt") { $0.hasSuffix(">") }
        let prompt = try shell.lastLine()
        #expect(prompt.contains("api.binance.com"), "\(prompt)")

        // cancel-all is counted with one open query (through the proxy), then asked about: the
        // demo's three LTCBTC orders and the two legs of its OCO list 7.
        try shell.type("cancel-all LTCBTC")
        try shell.press("Enter")
        let asked = try shell.waitFor(text: "Go on? [y/N]", timeout: 15)
        #expect(asked.contains(Self.question + " cancel-all: 5 open orders of LTCBTC. Go on? [y/N]"), "\(asked)")
        try shell.type("n")
        try shell.press("Enter")
        try shell.waitFor(text: "nothing was sent")
        try shell.waitForLastLine(prompt)
        try shell.enter("open LTCBTC", prompt: prompt)
        let declined = try shell.joinedScreen()
        #expect(declined.contains("ltcStop30") && declined.contains("ltcOco7Stop"), "declined: the orders are still open")

        // A loop says its iterations; yes runs it.
        try shell.press("C-l")
        try shell.waitFor("a cleared screen") { $0 == prompt }
        try shell.type("for i in 28..29 { cancel LTCBTC id=$i }")
        try shell.press("Enter")
        let loop = try shell.waitFor(text: "Go on? [y/N]", timeout: 15)
        #expect(loop.contains("a loop of 2 iterations that cancels"), "\(loop)")
        try shell.type("y")
        try shell.press("Enter")
        try shell.waitForLastLine(prompt, timeout: 15)
        let ran = try shell.joinedScreen()
        #expect(Self.occurrences(of: "CANCELED", in: ran) == 2, "\(ran)")

        // One cancel is not asked about.
        try shell.press("C-l")
        try shell.waitFor("a cleared screen") { $0 == prompt }
        try shell.type("cancel LTCBTC id=30")
        try shell.press("Enter")
        try shell.waitFor(text: "CANCELED", timeout: 15)
        try shell.waitForLastLine(prompt)
        #expect(!(try shell.screen()).contains("Go on?"))
        #expect(!proxy.requests.isEmpty && proxy.requests.allSatisfy { $0.line == "CONNECT api.binance.com:80 HTTP/1.1" })
    }

    @Test("a script run on a terminal is asked about once, before it runs, with everything it would cancel")
    func scriptAsksOnce() throws {
        let (simulator, proxy, environment) = try Self.exchange()
        defer {
            proxy.stop()
            simulator.stop()
        }
        let script = FileManager.default.temporaryDirectory.appendingPathComponent("bnc-live-\(UUID().uuidString).bnc")
        defer { try? FileManager.default.removeItem(at: script) }
        try """
        print "start"
        for i in 28..29 { cancel LTCBTC id=$i }
        cancel-all LTCBTC
        cancel LTCBTC id=30
        """.write(to: script, atomically: true, encoding: .utf8)
        let run = try ShellTmuxHarness(
            arguments: ["--no-log", "--endpoint", Self.endpoint, "run", script.path], environment: environment,
            columns: 200, rows: 40)
        defer {
            run.close()
            run.removeHome()
        }
        let asked = try run.waitFor(text: "Go on? [y/N]", timeout: 15)
        #expect(!asked.contains("start"), "asked before the first statement ran:\n\(asked)")
        #expect(asked.contains("a loop of 2 iterations that cancels"), "\(asked)")
        #expect(asked.contains("cancel-all: 5 open orders of LTCBTC"), "\(asked)")
        try run.type("n")
        try run.press("Enter")
        #expect(try run.waitForExit(timeout: 15) == 1)
        let screen = try run.joinedScreen()
        #expect(Self.occurrences(of: "Go on? [y/N]", in: screen) == 1, "\(screen)")
        #expect(screen.contains("nothing was sent: the live cancels were not confirmed"))
        #expect(!screen.contains("start") && !screen.contains("CANCELED"))
    }
}
