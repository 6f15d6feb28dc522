import BinanceAPI
import Foundation

@testable import BinanceSimulator

/// One request of a fidelity case: the case's query (or form body), signed with the demo HMAC
/// key when the route is signed, and the variations `general.json` asks for (no key, an
/// unknown key, a wrong signature, a stale timestamp).
struct FidelityRequest {
    var route: SimulatorRoute
    var query: String
    var form: String
    var apiKey: String? = SimulatorDemoKeys.hmacAPIKey
    var wrongSignature = false
    var timestampOffset: Int64 = 0

    init(route: SimulatorRoute, case response: JSONValue) {
        self.route = route
        query = response["request"]?["query"]?.stringValue ?? ""
        form = response["request"]?["body"]?.stringValue ?? ""
    }

    /// The variations of a general case.
    mutating func apply(_ general: JSONValue) {
        switch general["key"]?.stringValue {
        case "none": apiKey = nil
        // Well formed (64 letters and digits) and registered nowhere.
        case "unknown": apiKey = String(repeating: "Zz9", count: 21) + "Q"
        default: break
        }
        wrongSignature = general["signature"]?.stringValue == "wrong"
        timestampOffset = general["timestampOffset"]?.integerValue ?? 0
    }

    /// A configuration from a case's `configuration` (`weightLimit` for every limit, `failRate`,
    /// `wafRate`); the defaults otherwise.
    static func configuration(_ json: JSONValue?) -> SimulatorConfiguration {
        var configuration = SimulatorConfiguration()
        if let limit = json?["weightLimit"]?.integerValue {
            configuration.sapiWeightLimit = Int(limit)
            configuration.sapiUIDWeightLimit = Int(limit)
            configuration.apiWeightLimit = Int(limit)
        }
        if let rate = json?["failRate"]?.stringValue.flatMap(Double.init) { configuration.faults.serverErrorRate = rate }
        if let rate = json?["wafRate"]?.stringValue.flatMap(Double.init) { configuration.faults.wafBlockRate = rate }
        return configuration
    }

    /// Sends the request at ``testNow``; the parameters are signed where they travel (the query,
    /// or a form body when the case has one, since the signed string is the query then the body).
    func send(to exchange: Exchange) -> SimulatorResponse {
        var query = self.query
        var form = self.form
        if route.isSigned {
            var payload = form.isEmpty ? query : form
            payload += (payload.isEmpty ? "" : "&") + "timestamp=\(testNow + timestampOffset)"
            let signer = RequestSigner(hmacSecret: SimulatorDemoKeys.hmacSecret)
            let signature = wrongSignature ? String(repeating: "0", count: 64) : signer.sign(payload).urlValue
            payload += "&signature=" + signature
            if form.isEmpty { query = payload } else { form = payload }
        }
        var headers: [HTTPHeader] = []
        if let apiKey { headers.append(HTTPHeader("X-MBX-APIKEY", apiKey)) }
        if !form.isEmpty { headers.append(HTTPHeader("Content-Type", "application/x-www-form-urlencoded")) }
        return exchange.handle(
            SimulatorRequest(
                method: route.method, path: route.path, query: Array(query.utf8), headers: headers, body: Array(form.utf8),
                client: "10.0.0.1"),
            now: testNow)
    }
}
