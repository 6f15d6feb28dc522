import BinanceAPI
import Foundation

@testable import BinanceSimulator

/// A fixed clock for deterministic verdicts: 2026-03-01T00:00:00Z.
let testNow: Int64 = 1_772_323_200_000

/// Builds and sends requests to an ``Exchange`` the way a client would, signing with BinanceAPI's
/// signer (the simulator verifies with its own code).
struct TestClient {
    var exchange: Exchange
    var apiKey: String? = SimulatorDemoKeys.hmacAPIKey
    var signer = RequestSigner(hmacSecret: SimulatorDemoKeys.hmacSecret)
    var client = "10.0.0.1"

    init(_ exchange: Exchange = .demo()) {
        self.exchange = exchange
    }

    /// `query` with `timestamp` appended when `stamp` is given, then `&signature=`.
    func signedQuery(_ query: String, timestamp: Int64?) -> String {
        var payload = query
        if let timestamp { payload += (payload.isEmpty ? "" : "&") + "timestamp=\(timestamp)" }
        let signature = signer.sign(payload)
        return payload + (payload.isEmpty ? "" : "&") + "signature=" + signature.urlValue
    }

    /// Sends a signed request stamped `now` (unless `timestamp` says otherwise).
    func send(
        _ method: String, _ path: String, _ query: String, now: Int64 = testNow, timestamp: Int64? = nil,
        body: String = ""
    ) -> SimulatorResponse {
        raw(method, path, signedQuery(query, timestamp: timestamp ?? now), now: now, body: body)
    }

    /// Sends `query` exactly as given.
    func raw(_ method: String, _ path: String, _ query: String, now: Int64 = testNow, body: String = "")
        -> SimulatorResponse
    {
        var headers: [HTTPHeader] = []
        if let apiKey { headers.append(HTTPHeader("X-MBX-APIKEY", apiKey)) }
        return exchange.handle(
            SimulatorRequest(
                method: method, path: path, query: Array(query.utf8), headers: headers, body: Array(body.utf8),
                client: client),
            now: now)
    }

    func cancel(_ query: String, now: Int64 = testNow) -> SimulatorResponse {
        send("DELETE", "/sapi/v1/margin/order", query, now: now)
    }
}

extension SimulatorResponse {
    /// The parsed JSON body.
    var json: JSONValue? { try? JSONValue.parse(body) }
    /// The exchange error code of an error body.
    var code: Int? { json?["code"]?.integerValue.map { Int($0) } }
    /// The exchange error message of an error body.
    var message: String? { json?["msg"]?.stringValue }
}

/// A temporary directory removed by the caller.
func temporaryDirectory() -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("bnc-sim-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
