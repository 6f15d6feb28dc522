import Foundation
import Testing

/// `bnc sim` as a margin testnet: python-binance places an order, bnc sees it, `sim price`
/// fills part of it, bnc cancels it and reports the partial fill; `sim` statements run on the
/// simulator only.
@Suite(.serialized) struct SimMarketEndToEndTests {
    static let placeScript = """
        import json, sys
        from binance.client import Client
        base, mode = sys.argv[1], sys.argv[2]
        client = Client("vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A",
                        "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j", ping=False)
        client.API_URL = base + "/api"
        client.MARGIN_API_URL = base + "/sapi"
        if mode == "place":
            order = client.create_margin_order(symbol="LTCBTC", side="BUY", type="LIMIT", timeInForce="GTC",
                                               quantity="2.5", price="0.00150000", newClientOrderId="pyBot1")
            print(json.dumps(order))
        else:
            print(json.dumps(client.get_margin_order(symbol="LTCBTC", origClientOrderId="pyBot1")))
        """

    static func python(_ arguments: [String]) throws -> LanguageRun {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: TransportPythonClientTests.python)
        process.arguments = ["-c", placeScript] + arguments
        return try LanguageRun.capture(process)
    }

    static func bnc(_ sim: SimulatorProcess, _ script: String) throws -> LanguageRun {
        try LanguageRun.withDemoKey(["--endpoint", sim.baseURL, "--no-log", "-c", script])
    }

    @Test func pythonPlacesBncSeesItSimPriceFillsPartAndBncCancelsIt() throws {
        #expect(FileManager.default.isExecutableFile(atPath: TransportPythonClientTests.python), "run scripts/setup --test")
        let sim = try SimulatorProcess()
        defer { sim.stop() }
        let placed = try Self.python([sim.baseURL, "place"])
        #expect(placed.status == 0, "python-binance: \(placed.stderr)")
        #expect(placed.stdout.contains(#""clientOrderId": "pyBot1""#) && placed.stdout.contains(#""status": "NEW""#))
        #expect(placed.stdout.contains(#""fills": []"#), "FULL is the LIMIT default: \(placed.stdout)")

        let open = try Self.bnc(sim, "open LTCBTC")
        #expect(open.status == 0, "stderr: \(open.stderr)")
        #expect(open.stdout.contains("pyBot1"), "stdout: \(open.stdout)")

        // Not a timed walk: the test sets the price, so nothing races the clock. LTCBTC fills
        // 1 LTC per move, so 1 of 2.5 fills.
        let moved = try Self.bnc(sim, "sim price LTCBTC 0.0014")
        #expect(moved.status == 0, "stderr: \(moved.stderr)")
        #expect(moved.stdout.contains("PARTIALLY_FILLED"), "stdout: \(moved.stdout)")

        let canceled = try LanguageRun.withDemoKey([
            "--endpoint", sim.baseURL, "--no-log", "--output", "json", "-c", "cancel LTCBTC cid=pyBot1"
        ])
        #expect(canceled.status == 0, "stderr: \(canceled.stderr)")
        #expect(canceled.stdout.contains(#""status":"CANCELED""#), "stdout: \(canceled.stdout)")
        #expect(canceled.stdout.contains(#""executedQty":"1.00000000""#), "stdout: \(canceled.stdout)")

        let queried = try Self.python([sim.baseURL, "query"])
        #expect(queried.status == 0, "python-binance: \(queried.stderr)")
        #expect(queried.stdout.contains(#""status": "CANCELED""#) && queried.stdout.contains(#""executedQty": "1.00000000""#))
        #expect(sim.log.contains("POST /sapi/v1/margin/order"))
        #expect(sim.log.contains("POST /bnc-sim/v1/price"))
    }

    @Test func simStatementsDriveTheEmbeddedSimulator() throws {
        let run = try LanguageRun.bnc([
            "--no-log", "--output", "json", "-c",
            "sim order BTCUSDT side=SELL price=81000 qty=0.03 cid=e2eSell\nsim price BTCUSDT 81500\nsim step 2\norder BTCUSDT cid=e2eSell"
        ])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        // BTCUSDT fills 0.01 per move: one move by `sim price`, two steps at the same price.
        #expect(run.stdout.contains(#""status":"FILLED""#), "stdout: \(run.stdout)")
        #expect(run.stdout.contains(#""executedQty":"0.03000000""#), "stdout: \(run.stdout)")
    }

    @Test func simIsACheckErrorAgainstAnyOtherEndpointAndNothingIsSent() throws {
        let run = try LanguageRun.withDemoKey([
            "--endpoint", "http://192.0.2.1:9", "--no-log", "-c", "time\nsim price LTCBTC 0.0014"
        ])
        #expect(run.status != 0)
        #expect(run.stderr.contains("drives bnc's simulator and runs only against it"), "stderr: \(run.stderr)")
        #expect(run.stderr.contains("<command>:2:1"), "stderr: \(run.stderr)")
        #expect(!run.stderr.contains("connect"), "nothing may be sent: \(run.stderr)")
        let dry = try LanguageRun.withDemoKey(["--dry-run", "--no-log", "-c", "sim step"])
        #expect(dry.status != 0)
        #expect(dry.stderr.contains("a dry run sends nothing"), "stderr: \(dry.stderr)")
    }
}
