import Foundation
import Testing

/// Spot placement on `bnc sim`: python-binance's `create_order` places on the spot book (with the
/// order-count headers) and `cancel_order` cancels it; `sim order … spot` places on the embedded
/// simulator's spot book, where a price move fills it.
@Suite(.serialized) struct SpotPlacementEndToEndTests {
    static let script = """
        import json, sys
        from binance.client import Client
        client = Client("vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A",
                        "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j", ping=False)
        client.API_URL = sys.argv[1] + "/api"
        order = client.create_order(symbol="LTCBTC", side="BUY", type="LIMIT", timeInForce="GTC",
                                    quantity="2", price="0.0014", newClientOrderId="pySpot1")
        headers = client.response.headers
        print("placed", order["orderId"], order["status"], order["orderListId"], "fills", len(order["fills"]))
        print("counts", headers.get("X-MBX-ORDER-COUNT-10S"), headers.get("X-MBX-ORDER-COUNT-1D"))
        canceled = client.cancel_order(symbol="LTCBTC", origClientOrderId="pySpot1")
        print("canceled", canceled["status"], "counts", client.response.headers.get("X-MBX-ORDER-COUNT-10S"))
        """

    @Test func pythonBinanceCreatesThenCancelsASpotOrder() throws {
        #expect(FileManager.default.isExecutableFile(atPath: TransportPythonClientTests.python), "run scripts/setup --test")
        let sim = try SimulatorProcess()
        defer { sim.stop() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: TransportPythonClientTests.python)
        process.arguments = ["-c", Self.script, sim.baseURL]
        let run = try LanguageRun.capture(process)
        #expect(run.status == 0, "python-binance: \(run.stderr)")
        // LTCBTC's demo ids: margin to #35, spot #101-104; a new spot order follows both.
        #expect(run.stdout.contains("placed 105 NEW -1 fills 0"), "stdout: \(run.stdout)")
        #expect(run.stdout.contains("counts 1 1"), "stdout: \(run.stdout)")
        #expect(run.stdout.contains("canceled CANCELED counts None"), "stdout: \(run.stdout)")
        #expect(sim.log.contains("POST /api/v3/order"))
        #expect(sim.log.contains("DELETE /api/v3/order"))
    }

    @Test func simOrderSpotPlacesOnTheEmbeddedSpotBookAndAMoveFillsIt() throws {
        let run = try LanguageRun.bnc([
            "--no-log", "--output", "json", "-c",
            "sim order BTCUSDT side=BUY price=79000 qty=0.02 spot cid=e2eSpot\nsim price BTCUSDT 78000\n"
                + "order BTCUSDT cid=e2eSpot spot\nopen BTCUSDT"
        ])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count >= 3, "stdout: \(run.stdout)")
        guard lines.count >= 3 else { return }
        #expect(lines[0].contains(#""clientOrderId":"e2eSpot""#) && lines[0].contains(#""orderListId":-1"#), "\(lines[0])")
        #expect(lines[1].contains(#""spot":true,"qty":"0.01000000","status":"PARTIALLY_FILLED""#), "\(lines[1])")
        #expect(lines[2].contains(#""executedQty":"0.01000000""#) && lines[2].contains(#""status":"PARTIALLY_FILLED""#))
        // The margin book never saw it.
        #expect(!lines.dropFirst(3).joined().contains("e2eSpot"), "stdout: \(run.stdout)")
    }
}
