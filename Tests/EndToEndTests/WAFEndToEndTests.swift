import Foundation
import Testing

/// `bnc sim --waf-rate`: the exchange's WAF answers 403 before the request reaches the API, so
/// bnc reports it as not done, sends it once (no retry) and asks nothing about its outcome (no
/// query), as docs/design.md's outcome table says for 403.
@Suite struct WAFEndToEndTests {
    @Test func aBlockedCancelIsNotDoneNotRetriedAndNotChecked() throws {
        let sim = try SimulatorProcess(["--waf-rate", "1", "--seed", "5"])
        defer { sim.stop() }
        let run = try LanguageRun.withDemoKey(["--endpoint", sim.baseURL, "--no-log", "-c", "cancel LTCBTC id=28"])
        #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
        #expect(run.stderr.contains("HTTP 403"), "\(run.stderr)")
        #expect(run.stderr.contains("nothing was done"), "\(run.stderr)")
        #expect(!run.stderr.contains("outcome unknown"), "\(run.stderr)")
        let judged = sim.log.split(separator: "\n").filter { $0.contains(" /sapi/") }
        // One DELETE, blocked; no second attempt and no GET of the order to check it.
        #expect(judged.count == 1, "\(sim.log)")
        #expect(judged.first?.contains("DELETE /sapi/v1/margin/order") == true && judged.first?.contains("-> 403") == true)
    }

    /// A share below 1 blocks some requests and lets the rest through, the same ones for the
    /// same seed.
    @Test func aShareIsDrawnFromTheSeed() throws {
        func statuses(seed: String) throws -> [String] {
            let sim = try SimulatorProcess(["--waf-rate", "0.5", "--seed", seed])
            defer { sim.stop() }
            // Each `open` is one signed GET; a 403 stops the script, so use separate runs.
            var seen: [String] = []
            for _ in 0..<8 {
                let run = try LanguageRun.withDemoKey(["--endpoint", sim.baseURL, "--no-log", "-c", "open LTCBTC"])
                seen.append(run.status == 0 ? "ok" : (run.stderr.contains("HTTP 403") ? "403" : "other: \(run.stderr)"))
            }
            return seen
        }
        let first = try statuses(seed: "11")
        #expect(first.contains("ok") && first.contains("403"), "\(first)")
        #expect(!first.contains { $0.hasPrefix("other") }, "\(first)")
        #expect(try statuses(seed: "11") == first)
    }
}
