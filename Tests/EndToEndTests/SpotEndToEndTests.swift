import Foundation
import Testing

/// The spot statements through the built binary against the embedded simulator: each one sent,
/// answered from the spot books, written to the session log, and matched by `replay --verify`.
@Suite(.serialized) struct SpotEndToEndTests {
    @Test func spotStatementsAreLoggedAndReplayVerifies() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bnc-spot-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let log = directory + "/spot.jsonl"
        let run = try LanguageRun.withDemoKey([
            "--log", log, "--output", "json", "-c",
            """
            cancel BTCUSDT id=2002 spot only=partial
            order BTCUSDT cid=spotBtcBuy1 spot
            open LTCBTC spot
            orders BTCUSDT spot limit=1000
            cancel-all LTCBTC spot
            open spot
            """
        ])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains(#""orderId":2002"#) && run.stdout.contains(#""status":"CANCELED""#), "\(run.stdout)")
        #expect(run.stdout.contains(#""clientOrderId":"spotBtcBuy1""#))
        let text = try String(contentsOfFile: log, encoding: .utf8)
        for path in ["/api/v3/order", "/api/v3/openOrders", "/api/v3/allOrders"] {
            #expect(text.contains(#""path":"\#(path)""#), "\(path) is not in the log")
        }
        #expect(text.contains("X-MBX-USED-WEIGHT-1M"))
        let verify = try LanguageRun.withDemoKey(["replay", log, "--verify"])
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
    }

    @Test func onlyWithoutSpotIsRefusedBeforeAnythingIsSent() throws {
        let run = try LanguageRun.withDemoKey(["--no-log", "-c", "cancel LTCBTC id=28 only=new"])
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains("'only=' is for the spot account only: add 'spot'"), "\(run.stderr)")
    }
}
