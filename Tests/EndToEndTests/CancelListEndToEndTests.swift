import Foundation
import Testing

/// `cancel-list` through the built binary: the embedded simulator's seeded OCOs, the shell's
/// rendering of a list, the dry run's documented order, the session log and `replay --verify`,
/// and python-binance's own margin OCO cancel against `bnc sim`.
@Suite(.serialized) struct CancelListEndToEndTests {
    static func directory() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("bnc-list-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func aListCancelShowsTheListThenItsLegsAndALegsCancelTakesItsList() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let log = directory + "/list.jsonl"
        let run = try LanguageRun.withDemoKey([
            "--log", log, "-c",
            "cancel-list LTCBTC listid=7\ncancel BTCUSDT id=1004\nopen BTCUSDT\nlet r = cancel-list LTCBTC listcid=ltcIsoOco8 isolated\nfor leg in $r.orderReports { print $leg.orderId $leg.status }"
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.components(separatedBy: "\n")
        #expect(lines.first?.hasPrefix("orderListId") == true && lines.first?.hasSuffix("7") == true, "\(run.stdout)")
        #expect(run.stdout.contains("listOrderStatus    ALL_DONE"))
        // The legs as a table: the compact order columns, one row each.
        #expect(lines.contains { $0.hasPrefix("orderId  origClientOrderId  side  type") })
        #expect(lines.contains { $0.hasPrefix("32") && $0.contains("ltcOco7Limit") && $0.hasSuffix("CANCELED") })
        #expect(lines.contains { $0.hasPrefix("33") && $0.contains("STOP_LOSS_LIMIT") && $0.hasSuffix("CANCELED") })
        // 1004's list went with it: BTCUSDT's open orders no longer hold the other leg 1005.
        #expect(!lines.contains { $0.hasPrefix("1005 ") })
        #expect(lines.contains { $0.hasPrefix("1001 ") })
        #expect(run.stdout.contains("34 CANCELED\n35 CANCELED"))
        let verify = try LanguageRun.withDemoKey(["replay", log, "--verify"])
        #expect(verify.status == 0, "\(verify.stderr)")
        let text = try String(contentsOfFile: log, encoding: .utf8)
        #expect(text.contains(#""path":"/sapi/v1/margin/orderList""#) && text.contains(#""weightScope":"UID""#))
    }

    @Test func theDryRunSignsTheDocumentedOrder() throws {
        let run = try LanguageRun.withDemoKey([
            "--dry-run", "--no-log", "--timestamp", "1499827319559", "-c",
            "cancel-list LTCBTC listcid=ltcIsoOco8 listid=8 isolated newcid=myCancel recv=5000"
        ])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("DELETE /sapi/v1/margin/orderList  (margin order list cancel, weight 1(UID), isolated)"))
        #expect(
            run.stdout.contains(
                "query      symbol=LTCBTC&isIsolated=TRUE&orderListId=8&listClientOrderId=ltcIsoOco8"
                    + "&newClientOrderId=myCancel&recvWindow=5000&timestamp=1499827319559"))
        #expect(run.stdout.contains("signature  "))
    }

    @Test func neitherIdIsRefusedBeforeAnythingIsSent() throws {
        let run = try LanguageRun.withDemoKey(["--no-log", "-c", "cancel-list LTCBTC isolated"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("either orderListId (listid=) or listClientOrderId (listcid=) must be sent"))
    }

    @Test func anUnknownListIs2011WithTheListsHint() throws {
        let run = try LanguageRun.withDemoKey(["--no-log", "-c", "cancel-list LTCBTC listid=8"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("-2011 CANCEL_REJECTED: Unknown order list sent."))
        #expect(run.stderr.contains("if it is an isolated-margin list, add `isolated`"))
    }

    static let pythonScript = """
        import json, sys
        from binance.client import Client
        client = Client("vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A",
                        "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j", ping=False)
        client.API_URL = sys.argv[1] + "/api"
        client.MARGIN_API_URL = sys.argv[1] + "/sapi"
        cross = client.cancel_margin_oco_order(symbol="LTCBTC", orderListId=7)
        isolated = client.cancel_margin_oco_order(symbol="BTCUSDT", isIsolated="TRUE", listClientOrderId="btcIsoOco10")
        print(json.dumps([cross, isolated]))
        """

    @Test func pythonBinanceCancelsAMarginOCO() throws {
        let python = TransportPythonClientTests.python
        #expect(FileManager.default.isExecutableFile(atPath: python), "run scripts/setup --test for the venv")
        // python-binance 1.0.x sends DELETE parameters in the body: `merge` reads them.
        let sim = try SimulatorProcess(["--delete-body", "merge"])
        defer { sim.stop() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", Self.pythonScript, sim.baseURL]
        let run = try LanguageRun.capture(process)
        #expect(run.status == 0, "python-binance failed: \(run.stderr)")
        #expect(run.stdout.contains(#""orderListId": 7"#) && run.stdout.contains(#""orderListId": 10"#))
        #expect(run.stdout.contains(#""listOrderStatus": "ALL_DONE""#) && !run.stdout.contains("EXECUTING"))
        #expect(sim.log.contains("canceled order list LTCBTC cross #7"))
        #expect(sim.log.contains("canceled order list BTCUSDT isolated #10"))
    }
}
