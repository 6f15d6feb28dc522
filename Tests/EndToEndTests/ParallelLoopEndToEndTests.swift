import Foundation
import Testing

/// `parallel N for` through the built binary against `bnc sim` over real HTTP: several requests
/// in flight, still paced by the weight budget, output in iteration order.
@Suite(.serialized) struct ParallelLoopEndToEndTests {
    @Test func keepsRequestsInFlightPacedByTheBudgetWithOutputInOrder() throws {
        let orders = 60
        // 100 ms a round trip: sequentially at least 6 s. The budget allows 30 cancels/s, so 8 in
        // flight (up to 80/s) must be paced: 600 weight is two windows' worth.
        let sim = try SimulatorProcess([
            "--bulk", "PARBTC=\(orders)", "--latency-ms", "100", "--weight-limit", "300", "--weight-window-ms", "1000"
        ])
        defer { sim.stop() }
        let config = try TransportEndToEndTests.profile("weightLimit = 300\nweightWindow = 1s\n")
        defer { try? FileManager.default.removeItem(atPath: config) }
        let started = Date()
        let run = try TransportEndToEndTests.bnc(
            sim.baseURL, "parallel 8 for id in 1..\(orders) { let r = cancel PARBTC id=$id; print $id $r.status }",
            environment: ["XDG_CONFIG_HOME": config])
        let seconds = Date().timeIntervalSince(started)
        #expect(run.status == 0, "stderr: \(run.err.suffix(2000))")
        #expect(run.out == (1...orders).map { "\($0) CANCELED\n" }.joined())
        #expect(TransportEndToEndTests.count("accepted: canceled PARBTC", in: sim.log) == orders)
        #expect(TransportEndToEndTests.count("-> 429", in: sim.log) == 0)
        #expect(TransportEndToEndTests.count("-> 418", in: sim.log) == 0)
        #expect(seconds < 5, "took \(seconds) s: no faster than one request at a time (6 s)")
        #expect(seconds >= 0.9, "took \(seconds) s: 600 weight at 300 per second was not paced")
        print("parallel 8: \(orders) cancels at 100 ms RTT in \(String(format: "%.2f", seconds)) s")
    }

    @Test func anUnknownOrderStopsTheLoopAfterTheIterationsInFlight() throws {
        let sim = try SimulatorProcess(["--bulk", "STOPBTC=5", "--latency-ms", "50"])
        defer { sim.stop() }
        let run = try TransportEndToEndTests.bnc(
            sim.baseURL, "parallel 4 for id in 1..100 { let r = cancel STOPBTC id=$id; print $id $r.status }")
        #expect(run.status == 1)
        #expect(run.out.hasPrefix((1...5).map { "\($0) CANCELED\n" }.joined()))
        #expect(run.err.contains("-2011"), "stderr: \(run.err)")
        // Iterations 6.. fail; at most the four in flight then, and none after, were sent.
        let sent = TransportEndToEndTests.count("DELETE /sapi/v1/margin/order", in: sim.log)
        #expect(sent >= 6 && sent <= 5 + 4 + 3, "sent \(sent)")
    }

    @Test func aParallelSessionLogReplaysAndVerifies() throws {
        let sim = try SimulatorProcess(["--bulk", "LOGBTC=24", "--latency-ms", "5", "--jitter-ms", "40"])
        defer { sim.stop() }
        let directory = NSTemporaryDirectory() + "bnc-parallel-log-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let log = directory + "/parallel.jsonl"
        let run = try LanguageRun.bnc([
            "--endpoint", sim.baseURL, "--log", log, "-c",
            "parallel 6 for id in 1..24 { let r = cancel LOGBTC id=$id; print $id $r.status }"
        ])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.stdout == (1...24).map { "\($0) CANCELED\n" }.joined())
        let text = try String(contentsOfFile: log, encoding: .utf8)
        #expect(TransportEndToEndTests.count(#""origin":"1:1#"#, in: text) == 24)
        let verify = try LanguageRun.bnc(["replay", log, "--verify"])
        #expect(verify.status == 0, "stdout: \(verify.stdout) stderr: \(verify.stderr)")
        let shown = try LanguageRun.bnc(["log", "show", log])
        #expect(shown.stdout.contains("parallel iteration 1:1#24"), "\(shown.stdout.prefix(2000))")
    }
}
