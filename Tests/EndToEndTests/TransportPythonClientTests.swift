import Foundation
import Testing

/// An independent signer: python-binance (pip-installed by `scripts/setup --test` into
/// `.build/venv`, or `$BNC_PYTHON`) sends margin cancels to `bnc sim`, which accepts them.
@Suite(.serialized) struct TransportPythonClientTests {
    static var python: String {
        if let path = ProcessInfo.processInfo.environment["BNC_PYTHON"], !path.isEmpty { return path }
        let package = URL(fileURLWithPath: SimulatorProcess.binary).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return package.appendingPathComponent(".build/venv/bin/python").path
    }

    static let script = """
        import json, sys, time
        from binance.client import Client
        base, mode, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
        client = Client("vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A",
                        "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j", ping=False)
        client.API_URL = base + "/api"
        client.MARGIN_API_URL = base + "/sapi"
        if mode == "cancel":
            # python-binance's own call: it sends DELETE parameters in the body (pre-2026 layout).
            cross = client.cancel_margin_order(symbol="LTCBTC", orderId=28)
            isolated = client.cancel_margin_order(symbol="LTCBTC", isIsolated="TRUE", origClientOrderId="isoOrder1")
            print(json.dumps([cross, isolated]))
        elif mode == "spot":
            # The spot cancel as python-binance sends it (parameters in the DELETE body), then its
            # second try (-2011) and a query of the canceled order.
            canceled = client.cancel_order(symbol="BTCUSDT", orderId=2001)
            try:
                client.cancel_order(symbol="BTCUSDT", orderId=2001)
                again = "accepted"
            except Exception as error:
                again = "%s %s" % (getattr(error, "code", ""), getattr(error, "message", error))
            query = client.get_order(symbol="BTCUSDT", origClientOrderId="spotBtcBuy1")
            print(json.dumps([canceled, again, query]))
        elif mode == "query":
            # The same signer with the parameters in the URL query, as the exchange now requires.
            cross = client._request_margin_api("delete", "margin/order", signed=True, force_params=True,
                                               data={"symbol": "LTCBTC", "orderId": 29})
            print(json.dumps([cross]))
        else:
            orders = client.get_open_margin_orders(symbol="PYBTC")[:count]
            started = time.perf_counter()
            for order in orders:
                client.cancel_margin_order(symbol="PYBTC", orderId=order["orderId"])
            elapsed = time.perf_counter() - started
            print(json.dumps({"count": len(orders), "seconds": elapsed}))
        """

    static func runPython(_ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", script] + arguments
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }

    @Test func pythonBinanceCancelsAreAccepted() throws {
        #expect(FileManager.default.isExecutableFile(atPath: Self.python), "run scripts/setup --test for the venv")
        // python-binance 1.0.x puts DELETE parameters in the body; `merge` reads them as the
        // exchange did before 2026 (bnc itself always sends them in the URL query).
        let sim = try SimulatorProcess(["--delete-body", "merge"])
        defer { sim.stop() }
        let result = try Self.runPython([sim.baseURL, "cancel", "0"])
        #expect(result.status == 0, "python-binance failed: \(result.err)")
        #expect(result.out.contains(#""orderId": 28"#) && result.out.contains(#""status": "CANCELED""#))
        #expect(result.out.contains(#""clientOrderId": "#) && result.out.contains("isoOrder1"))
        #expect(sim.log.contains("-> 200 accepted: canceled LTCBTC cross #28"))
        #expect(sim.log.contains("-> 200 accepted: canceled LTCBTC isolated #31"))
        #expect(!sim.log.contains("-1022"))
    }

    /// The spot cancel (`client.cancel_order`) against the default simulator: a spot DELETE's
    /// form body is read, as the exchange reads it (the query-only rule is margin's).
    @Test func pythonBinanceSpotCancelIsAccepted() throws {
        let sim = try SimulatorProcess()
        defer { sim.stop() }
        let result = try Self.runPython([sim.baseURL, "spot", "0"])
        #expect(result.status == 0, "python-binance failed: \(result.err)")
        #expect(result.out.contains(#""orderId": 2001"#) && result.out.contains(#""status": "CANCELED""#), "\(result.out)")
        #expect(result.out.contains(#""transactTime": "#) && result.out.contains(#""origClientOrderId": "spotBtcBuy1""#))
        #expect(result.out.contains("-2011 Unknown order sent."), "\(result.out)")
        #expect(result.out.contains(#""workingTime": "#), "the query answers with the spot shape: \(result.out)")
        #expect(sim.log.contains("-> 200 accepted: canceled spot BTCUSDT #2001 (spotBtcBuy1)"), "\(sim.log)")
        #expect(!sim.log.contains("-1022") && !sim.log.contains("-1102"))
    }

    @Test func pythonBinanceQueryLayoutIsAcceptedByTheStrictSimulator() throws {
        let sim = try SimulatorProcess()
        defer { sim.stop() }
        let result = try Self.runPython([sim.baseURL, "query", "0"])
        #expect(result.status == 0, "python-binance failed: \(result.err)")
        #expect(result.out.contains(#""orderId": 29"#) && result.out.contains(#""status": "CANCELED""#))
    }

    /// The baseline for the wire rate: python-binance's sequential cancels/s, printed for the report.
    @Test func pythonBinanceWireRate() throws {
        let sim = try SimulatorProcess(["--bulk", "PYBTC=500", "--weight-limit", "100000000", "--delete-body", "merge"])
        defer { sim.stop() }
        let result = try Self.runPython([sim.baseURL, "rate", "500"])
        #expect(result.status == 0, "python-binance failed: \(result.err)")
        print("python-binance wire rate: \(result.out)")
    }
}
