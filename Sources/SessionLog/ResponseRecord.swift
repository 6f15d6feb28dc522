import BinanceAPI

/// What came back for a request: the HTTP status, the rate-limit headers, the body, the latency.
package struct ResponseRecord: Sendable, Hashable {
    /// The ``RequestRecord/id`` it answers.
    package var request: Int
    package var status: Int
    /// The rate-limit headers (``SessionLogFormat/isRateLimitHeader(_:)``), in received order.
    package var headers: [HTTPHeader]
    package var body: ResponseBody
    /// From hand-off to the transport until the response, in microseconds.
    package var latencyMicroseconds: Int64
    /// When it arrived, ms since the epoch.
    package var at: Int64

    package init(
        request: Int, status: Int, headers: [HTTPHeader], body: ResponseBody, latencyMicroseconds: Int64, at: Int64
    ) {
        self.request = request
        self.status = status
        self.headers = headers
        self.body = body
        self.latencyMicroseconds = latencyMicroseconds
        self.at = at
    }

    /// The record of `response` to request `id`.
    package init(_ response: TransportResponse, request id: Int, latency: Duration, at: Int64) {
        self.init(
            request: id, status: response.status,
            headers: response.headers.filter { SessionLogFormat.isRateLimitHeader($0.name) },
            body: ResponseBody(bytes: response.body), latencyMicroseconds: latency.microseconds, at: at)
    }

    /// The response as a transport would return it (for offline replay).
    package var transportResponse: TransportResponse {
        TransportResponse(status: status, headers: headers, body: body.bytes)
    }
}

/// A request that got no response.
package struct FailureRecord: Sendable, Hashable {
    /// The ``RequestRecord/id`` that failed.
    package var request: Int
    /// What happened, as the transport reported it.
    package var error: TransportError
    package var latencyMicroseconds: Int64
    package var at: Int64

    package init(request: Int, error: TransportError, latencyMicroseconds: Int64, at: Int64) {
        self.request = request
        self.error = error
        self.latencyMicroseconds = latencyMicroseconds
        self.at = at
    }

    /// The record of `error` for request `id`.
    package init(_ error: TransportError, request id: Int, latency: Duration, at: Int64) {
        self.init(request: id, error: error, latencyMicroseconds: latency.microseconds, at: at)
    }
}

extension TransportError {
    /// The case name, as stored in logs.
    var caseName: String {
        switch self {
        case .connectFailed: return "connectFailed"
        case .timedOut: return "timedOut"
        case .connectionLost: return "connectionLost"
        case .invalidEndpoint: return "invalidEndpoint"
        }
    }

    /// The detail text the case carries.
    var detail: String {
        switch self {
        case .connectFailed(let detail), .timedOut(let detail), .connectionLost(let detail),
            .invalidEndpoint(let detail):
            return detail
        }
    }

    /// The error named `caseName` with `detail`; nil for an unknown name.
    init?(caseName: String, detail: String) {
        switch caseName {
        case "connectFailed": self = .connectFailed(detail)
        case "timedOut": self = .timedOut(detail)
        case "connectionLost": self = .connectionLost(detail)
        case "invalidEndpoint": self = .invalidEndpoint(detail)
        default: return nil
        }
    }
}

extension Duration {
    /// The duration in whole microseconds.
    var microseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000_000 + attoseconds / 1_000_000_000_000
    }
}
