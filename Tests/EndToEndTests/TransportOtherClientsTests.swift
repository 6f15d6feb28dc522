import Foundation
import Testing

/// Independent clients beyond python-binance against `bnc sim` (issues 15 and 19):
/// binance-connector 3.13.0 (`binance.spot.Spot`) and ccxt 4.5.90 (`ccxt.binance`), pip-installed
/// by `scripts/setup --test` into the same venv (`TransportPythonClientTests.python`). Each places,
/// cancels and queries with the client's own calls, then asks the order's status again.
@Suite(.serialized) struct TransportOtherClientsTests {
    static let key = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A"
    static let secret = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j"

    /// binance-connector: spot cancel and query; margin place, query, cancel, query; an isolated
    /// cancel. It sends every parameter in the URL query, so the default (strict) simulator takes it.
    static let connectorScript = """
        import json, os
        from binance.spot import Spot
        from binance.error import ClientError
        client = Spot("\(key)", "\(secret)", base_url=os.environ["BNC_SIM"])
        def brief(order):
            fields = ("orderId", "clientOrderId", "origClientOrderId", "status", "isIsolated", "transactTime")
            return {name: str(order[name]) for name in fields if name in order}
        out = {}
        out["spotCancel"] = brief(client.cancel_order("BTCUSDT", orderId=2001))
        out["spotQuery"] = brief(client.get_order("BTCUSDT", origClientOrderId="spotBtcBuy1"))
        try:
            client.cancel_order("BTCUSDT", orderId=2001)
            out["spotAgain"] = "accepted"
        except ClientError as error:
            out["spotAgain"] = "%s %s %s" % (error.status_code, error.error_code, error.error_message)
        placed = client.new_margin_order(symbol="LTCBTC", side="BUY", type="LIMIT", timeInForce="GTC",
                                         quantity="2.5", price="0.0015", newClientOrderId="conn-1")
        out["marginPlace"] = brief(placed)
        out["marginQuery"] = brief(client.margin_order("LTCBTC", origClientOrderId="conn-1"))
        out["marginCancel"] = brief(client.cancel_margin_order("LTCBTC", origClientOrderId="conn-1"))
        out["marginAfter"] = brief(client.margin_order("LTCBTC", orderId=placed["orderId"]))
        out["isolatedCancel"] = brief(client.cancel_margin_order("LTCBTC", isIsolated="TRUE", orderId=31))
        out["isolatedAfter"] = brief(client.margin_order("LTCBTC", isIsolated="TRUE", orderId=31))
        print(json.dumps(out))
        """

    /// ccxt: markets loaded from the simulator (spot markets only, no currencies: those are
    /// `/sapi/v1/capital/config/getall`, which the simulator does not serve), a spot cancel and
    /// fetch, a margin order placed, fetched, canceled and fetched (`type: margin`), an isolated
    /// cancel (`marginMode: isolated`).
    static let ccxtScript = """
        import json, os, ccxt
        base = os.environ["BNC_SIM"]
        exchange = ccxt.binance({"apiKey": "\(key)", "secret": "\(secret)",
                                 "options": {"fetchMarkets": {"types": ["spot"]}, "fetchCurrencies": False}})
        for name, url in exchange.urls["api"].items():
            exchange.urls["api"][name] = url.replace("https://api.binance.com", base)
        exchange.load_markets()
        def brief(order):
            return {"id": order["id"], "clientOrderId": order["clientOrderId"], "status": order["status"],
                    "exchangeStatus": order["info"].get("status"), "filled": str(order["filled"]),
                    "isIsolated": str(order["info"].get("isIsolated"))}
        out = {"markets": sorted(exchange.markets), "orderTypes": exchange.markets["LTC/BTC"]["info"]["orderTypes"]}
        out["spotCancel"] = brief(exchange.cancel_order("2002", "BTC/USDT"))
        out["spotFetch"] = brief(exchange.fetch_order("2002", "BTC/USDT"))
        try:
            exchange.cancel_order("2002", "BTC/USDT")
            out["spotAgain"] = "accepted"
        except ccxt.OrderNotFound as error:
            out["spotAgain"] = str(error)
        margin = {"type": "margin"}
        placed = exchange.create_order("LTC/BTC", "limit", "buy", 2.5, 0.0015, dict(margin, clientOrderId="ccxt-1"))
        out["marginPlace"] = brief(placed)
        out["marginFetch"] = brief(exchange.fetch_order(placed["id"], "LTC/BTC", margin))
        out["marginCancel"] = brief(exchange.cancel_order(placed["id"], "LTC/BTC", margin))
        out["marginAfter"] = brief(exchange.fetch_order(placed["id"], "LTC/BTC", margin))
        isolated = {"type": "margin", "marginMode": "isolated"}
        out["isolatedCancel"] = brief(exchange.cancel_order("31", "LTC/BTC", isolated))
        out["isolatedAfter"] = brief(exchange.fetch_order("31", "LTC/BTC", isolated))
        print(json.dumps(out))
        """

    /// Runs `script` against `sim` and decodes the JSON object it prints.
    static func run(_ script: String, against sim: SimulatorProcess) throws -> [String: Any] {
        let python = TransportPythonClientTests.python
        try #require(FileManager.default.isExecutableFile(atPath: python), "run scripts/setup --test for the venv")
        let result = try SimulatorGuideTests.run(python, script, base: sim.baseURL)
        try #require(result.status == 0, "the client failed: \(result.err)\nbnc sim: \(sim.log)")
        let object = try JSONSerialization.jsonObject(with: Data(result.out.utf8))
        return try #require(object as? [String: Any], "not a JSON object: \(result.out)")
    }

    /// One order's field, as the script wrote it (a string).
    static func field(_ answer: [String: Any], _ name: String, _ field: String) -> String? {
        (answer[name] as? [String: Any])?[field] as? String
    }

    @Test func binanceConnectorCancelsQueriesAndPlaces() throws {
        let sim = try SimulatorProcess()
        defer { sim.stop() }
        let out = try Self.run(Self.connectorScript, against: sim)
        #expect(
            Self.field(out, "spotCancel", "orderId") == "2001" && Self.field(out, "spotCancel", "status") == "CANCELED", "\(out)")
        #expect(Self.field(out, "spotQuery", "status") == "CANCELED", "the spot query after the cancel: \(out)")
        #expect(Self.field(out, "spotCancel", "transactTime") != nil, "the spot cancel's shape: \(out)")
        #expect(out["spotAgain"] as? String == "400 -2011 Unknown order sent.", "\(out["spotAgain"] ?? "")")
        let placed = try #require(Self.field(out, "marginPlace", "orderId"))
        #expect(Self.field(out, "marginPlace", "status") == "NEW", "\(out)")
        #expect(Self.field(out, "marginQuery", "orderId") == placed && Self.field(out, "marginAfter", "orderId") == placed)
        #expect(Self.field(out, "marginQuery", "status") == "NEW" && Self.field(out, "marginQuery", "clientOrderId") == "conn-1")
        #expect(
            Self.field(out, "marginCancel", "status") == "CANCELED"
                && Self.field(out, "marginCancel", "origClientOrderId") == "conn-1")
        #expect(Self.field(out, "marginAfter", "status") == "CANCELED", "the margin query after the cancel: \(out)")
        #expect(
            Self.field(out, "isolatedCancel", "status") == "CANCELED" && Self.field(out, "isolatedCancel", "isIsolated") == "True"
        )
        #expect(
            Self.field(out, "isolatedAfter", "status") == "CANCELED"
                && Self.field(out, "isolatedAfter", "clientOrderId") == "isoOrder1")
        let log = sim.log
        for line in [
            "DELETE /api/v3/order key=vmPU…Eh8A -> 200 accepted: canceled spot BTCUSDT #2001 (spotBtcBuy1)",
            "POST /sapi/v1/margin/order key=vmPU…Eh8A -> 200 accepted: placed LTCBTC cross #\(placed) (conn-1)",
            "DELETE /sapi/v1/margin/order key=vmPU…Eh8A -> 200 accepted: canceled LTCBTC cross #\(placed) (conn-1)",
            "DELETE /sapi/v1/margin/order key=vmPU…Eh8A -> 200 accepted: canceled LTCBTC isolated #31 (isoOrder1)"
        ] {
            #expect(log.contains(line), "\(line)\nnot in:\n\(log)")
        }
        #expect(!log.contains("-1022") && !log.contains("-1102"), "\(log)")
    }

    @Test func ccxtLoadsMarketsCancelsQueriesAndPlaces() throws {
        let sim = try SimulatorProcess()
        defer { sim.stop() }
        let out = try Self.run(Self.ccxtScript, against: sim)
        #expect(out["markets"] as? [String] == ["BNB/BTC", "BTC/USDT", "ETH/BTC", "ETH/USDT", "LTC/BTC", "币安人生/USDT"], "\(out)")
        #expect(out["orderTypes"] as? [String] == ["LIMIT", "LIMIT_MAKER", "MARKET"])
        #expect(Self.field(out, "spotCancel", "id") == "2002" && Self.field(out, "spotCancel", "status") == "canceled", "\(out)")
        #expect(
            Self.field(out, "spotFetch", "exchangeStatus") == "CANCELED"
                && Self.field(out, "spotFetch", "clientOrderId") == "spotBtcSell1")
        #expect(
            (out["spotAgain"] as? String)?.contains(#"{"code":-2011,"msg":"Unknown order sent."}"#) == true,
            "\(out["spotAgain"] ?? "")")
        let placed = try #require(Self.field(out, "marginPlace", "id"))
        #expect(Self.field(out, "marginPlace", "exchangeStatus") == "NEW", "\(out)")
        #expect(Self.field(out, "marginFetch", "id") == placed && Self.field(out, "marginAfter", "id") == placed)
        #expect(
            Self.field(out, "marginPlace", "clientOrderId") == "ccxt-1" && Self.field(out, "marginPlace", "isIsolated") == "False"
        )
        #expect(Self.field(out, "marginFetch", "status") == "open" && Self.field(out, "marginFetch", "exchangeStatus") == "NEW")
        #expect(Self.field(out, "marginCancel", "exchangeStatus") == "CANCELED")
        #expect(Self.field(out, "marginAfter", "status") == "canceled", "the fetch after the cancel: \(out)")
        #expect(
            Self.field(out, "isolatedCancel", "exchangeStatus") == "CANCELED"
                && Self.field(out, "isolatedCancel", "isIsolated") == "True")
        #expect(
            Self.field(out, "isolatedAfter", "status") == "canceled"
                && Self.field(out, "isolatedAfter", "clientOrderId") == "isoOrder1")
        let log = sim.log
        // load_markets asks exactly these (with its options), all served.
        for line in [
            "GET /api/v3/exchangeInfo -> 200 accepted: 6 symbols",
            "GET /sapi/v1/margin/allPairs key=vmPU…Eh8A -> 200 accepted: 6 symbols",
            "GET /sapi/v1/margin/isolated/allPairs key=vmPU…Eh8A -> 200 accepted: 6 symbols",
            "DELETE /api/v3/order key=vmPU…Eh8A -> 200 accepted: canceled spot BTCUSDT #2002 (spotBtcSell1)",
            "POST /sapi/v1/margin/order key=vmPU…Eh8A -> 200 accepted: placed LTCBTC cross #\(placed) (ccxt-1) BUY LIMIT 2.50000000 @ 0.00150000: NEW",
            "DELETE /sapi/v1/margin/order key=vmPU…Eh8A -> 200 accepted: canceled LTCBTC cross #\(placed) (ccxt-1)",
            "DELETE /sapi/v1/margin/order key=vmPU…Eh8A -> 200 accepted: canceled LTCBTC isolated #31 (isoOrder1)"
        ] {
            #expect(log.contains(line), "\(line)\nnot in:\n\(log)")
        }
        let rejected = log.split(separator: "\n").filter { $0.contains(" rejected") }
        #expect(rejected.count == 1 && rejected[0].contains("-2011"), "only the second spot cancel is refused:\n\(log)")
    }
}
