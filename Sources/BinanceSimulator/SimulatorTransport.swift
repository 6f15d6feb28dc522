import BinanceAPI

/// The in-process transport: hands each prepared request to an ``Exchange`` as the exact bytes
/// it would carry on the wire (``PreparedRequest/urlQuery``), with no network in between.
///
/// Injected latency is waited for; an injected dropped connection surfaces as
/// ``TransportError/connectionLost(_:)`` — the outcome is unknown, as with a real socket.
public struct SimulatorTransport: Transport {
    public let exchange: Exchange
    /// Called with one line per judged request (the request log); nil for none.
    public let log: (@Sendable (String) -> Void)?

    public var endpointName: String { "sim" }
    public var baseURL: String { "http://sim.bnc.invalid" }

    public init(exchange: Exchange = .demo(), log: (@Sendable (String) -> Void)? = nil) {
        self.exchange = exchange
        self.log = log
    }

    public func send(_ request: PreparedRequest) async throws(TransportError) -> TransportResponse {
        var headers: [HTTPHeader] = []
        if let apiKey = request.apiKey { headers.append(HTTPHeader("X-MBX-APIKEY", apiKey)) }
        let simulated = SimulatorRequest(
            method: request.method.rawValue, path: request.path, query: Array(request.urlQuery.utf8),
            headers: headers, client: "in-process")
        let response = exchange.handle(simulated)
        log?(response.verdict.logLine(method: simulated.method, path: simulated.path, client: simulated.client))
        if response.delayMilliseconds > 0 {
            do {
                try await Task.sleep(for: .milliseconds(response.delayMilliseconds))
            } catch {
                throw .timedOut("canceled while waiting for the simulator's answer")
            }
        }
        if response.delivery == .drop {
            throw .connectionLost("the simulator closed the connection without a response")
        }
        return TransportResponse(status: response.status, headers: response.headers, body: response.body)
    }
}
