import BinanceAPI

/// Where the exchange's current time comes from: `GET /api/v3/time` over a transport in bnc,
/// anything in tests.
package protocol ServerTimeSource: Sendable {
    /// The endpoint's name for the report, e.g. `https://api.binance.com`.
    var endpointName: String { get }
    /// The exchange's time in ms since the epoch.
    func serverTime() async throws(ServerTimeError) -> Int64
}

/// Why the server time could not be learned. The explanation falls back to the local clock.
package struct ServerTimeError: Error, Sendable, Hashable, CustomStringConvertible {
    package var reason: String

    package init(_ reason: String) {
        self.reason = reason
    }

    package var description: String { reason }
}

/// Asks `GET /api/v3/time` through any ``Transport`` (HTTP, the simulator, a test double).
package struct TransportServerTime: ServerTimeSource {
    package let transport: any Transport

    package init(transport: any Transport) {
        self.transport = transport
    }

    package var endpointName: String { transport.baseURL }

    package func serverTime() async throws(ServerTimeError) -> Int64 {
        let request: PreparedRequest
        do {
            request = try RequestBuilder(credentials: nil).prepare(ServerTime(), timestamp: 0)
        } catch {
            throw ServerTimeError(error.message)
        }
        let response: TransportResponse
        do {
            response = try await transport.send(request)
        } catch {
            throw ServerTimeError(error.message)
        }
        guard response.status == 200 else {
            throw ServerTimeError("GET /api/v3/time answered HTTP \(response.status)")
        }
        guard let json = try? JSONValue.parse(response.body), let time = try? ServerTimeResponse(json: json).serverTime
        else {
            throw ServerTimeError("GET /api/v3/time did not answer {\"serverTime\": …}")
        }
        return time
    }
}
