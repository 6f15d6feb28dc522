import Foundation
import Testing

/// `cancel-list` through the built binary: the embedded simulator's seeded OCOs, the shell's
/// rendering of a list, the dry run's documented order, the session log and `replay --verify`,
/// the spot variant against `bnc sim`, and python-binance's margin OCO cancel and spot leg and
/// list cancels against `bnc sim`.
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

    @Test func aSpotListCancelAgainstBncSimTakesTheListAndALegsCancelTakesItsList() throws {
        let sim = try SimulatorProcess()
        defer { sim.stop() }
        let run = try LanguageRun.withDemoKey([
            "--endpoint", sim.baseURL, "--no-log", "--output", "json", "-c",
            "cancel-list LTCBTC listid=11 spot newcid=e2eCancel\ncancel BTCUSDT id=2003 spot\nopen BTCUSDT spot"
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 3, "\(run.stdout)")
        // The spot answer: the list ALL_DONE, no isIsolated, the cancel's id on both reports.
        let list = lines.first ?? ""
        #expect(list.hasPrefix(#"{"orderListId":11,"contingencyType":"OCO","listStatusType":"ALL_DONE""#), "\(list)")
        #expect(!list.contains("isIsolated") && list.components(separatedBy: #""clientOrderId":"e2eCancel""#).count == 3)
        // 2003's list #12 went with it: 2004 is no longer open, the orders of no list are.
        #expect(lines.count == 3 && lines[1].contains(#""orderId":2003,"orderListId":12"#), "\(run.stdout)")
        #expect(lines.last?.contains(#""orderId":2004"#) == false && lines.last?.contains(#""orderId":2001"#) == true)
        #expect(sim.log.contains("canceled order list LTCBTC spot #11 (spotLtcOco11) and its 2 legs"), "\(sim.log)")
        let again = try LanguageRun.withDemoKey([
            "--endpoint", sim.baseURL, "--no-log", "-c", "cancel-list BTCUSDT listcid=spotBtcOco12 spot"
        ])
        #expect(again.status == 1)
        #expect(again.stderr.contains("-2011 CANCEL_REJECTED: Unknown order list sent."), "\(again.stderr)")
        #expect(again.stderr.contains("no executing order list matched on the spot account"))
    }

    @Test func theSpotDryRunSignsTheDocumentedOrder() throws {
        let run = try LanguageRun.withDemoKey([
            "--dry-run", "--no-log", "--timestamp", "1499827319559", "-c",
            "cancel-list BTCUSDT recv=5000 newcid=myCancel listcid=spotBtcOco12 spot listid=12"
        ])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("DELETE /api/v3/orderList  (spot order list cancel, weight 1(IP))"), "\(run.stdout)")
        #expect(
            run.stdout.contains(
                "query      symbol=BTCUSDT&orderListId=12&listClientOrderId=spotBtcOco12"
                    + "&newClientOrderId=myCancel&recvWindow=5000&timestamp=1499827319559"))
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

    /// python-binance 1.0.x names no spot order-list cancel: its own spot `cancel_order` takes a
    /// leg (and with it the list), and its generic signed DELETE sends the list cancel.
    static let pythonSpotScript = """
        import json, sys
        from binance.client import Client
        client = Client("vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A",
                        "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j", ping=False)
        client.API_URL = sys.argv[1] + "/api"
        leg = client.cancel_order(symbol="LTCBTC", orderId=103)
        listed = client._delete("orderList", True, data={"symbol": "BTCUSDT", "listClientOrderId": "spotBtcOco12"})
        print(json.dumps([leg, listed]))
        """

    @Test func pythonBinanceCancelsASpotOCO() throws {
        let python = TransportPythonClientTests.python
        #expect(FileManager.default.isExecutableFile(atPath: python), "run scripts/setup --test for the venv")
        // The default simulator: python-binance's spot DELETEs carry their parameters in the
        // body, which a spot DELETE reads as the exchange does.
        let sim = try SimulatorProcess()
        defer { sim.stop() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", Self.pythonSpotScript, sim.baseURL]
        let run = try LanguageRun.capture(process)
        #expect(run.status == 0, "python-binance failed: \(run.stderr)")
        #expect(run.stdout.contains(#""orderId": 103, "orderListId": 11"#), "\(run.stdout)")
        #expect(run.stdout.contains(#""orderListId": 12, "contingencyType": "OCO""#))
        #expect(run.stdout.contains(#""listOrderStatus": "ALL_DONE""#) && !run.stdout.contains("isIsolated"))
        #expect(sim.log.contains("canceled spot LTCBTC #103"))
        #expect(sim.log.contains("canceled order list BTCUSDT spot #12"))
    }

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
