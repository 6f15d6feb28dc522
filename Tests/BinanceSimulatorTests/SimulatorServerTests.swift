import BinanceAPI
import Foundation
import Testing

@testable import BinanceSimulator

/// The simulator over real loopback HTTP.
@Suite(.serialized) struct SimulatorServerTests {
    let key = ["X-MBX-APIKEY": SimulatorDemoKeys.hmacAPIKey]

    func signed(_ query: String) -> String {
        TestClient().signedQuery(query, timestamp: ExchangeClock.localMilliseconds())
    }

    @Test func cancelsOverKeepAliveHTTP() async throws {
        let lines = LogLines()
        let server = try await SimulatorServer.start(exchange: .demo(), log: { lines.append($0) })
        defer { Task { await server.stop() } }
        #expect(server.port > 0)
        let connection = try #require(RawHTTPConnection(port: server.port))
        let first = try #require(
            connection.request("DELETE", "/sapi/v1/margin/order?" + signed("symbol=LTCBTC&orderId=28"), headers: key))
        #expect(first.status == 200)
        #expect(first.header("X-SAPI-USED-IP-WEIGHT-1M") == "10")
        #expect(first.header("Connection") == "keep-alive")
        #expect(first.body.contains(#""orderId":28"#))
        // Same connection, second request.
        let second = try #require(
            connection.request("DELETE", "/sapi/v1/margin/order?" + signed("symbol=LTCBTC&orderId=28"), headers: key))
        #expect(second.status == 400)
        #expect(second.body == #"{"code":-2011,"msg":"Unknown order sent."}"#)
        #expect(second.header("X-SAPI-USED-IP-WEIGHT-1M") == "20")
        let time = try #require(connection.request("GET", "/api/v3/time"))
        #expect(time.body.hasPrefix("{\"serverTime\":"))
        // The log judged each request, masked the key, and holds no secret or signature.
        #expect(lines.all.count == 3)
        #expect(lines.all[0].contains("key=vmPU…Eh8A"))
        #expect(lines.all[1].contains("-2011"))
        #expect(!lines.all.joined().contains(SimulatorDemoKeys.hmacSecret))
        #expect(!lines.all.joined().contains(SimulatorDemoKeys.hmacAPIKey))
        #expect(!lines.all.joined().contains("signature"))
    }

    @Test func theServerVerifiesTheBytesOnTheWire() async throws {
        let server = try await SimulatorServer.start(exchange: .demo())
        defer { Task { await server.stop() } }
        let connection = try #require(RawHTTPConnection(port: server.port))
        let query = signed("symbol=\(PercentEncoding.encode("币安人生USDT"))&orderId=7001")
        let reencoded = query.replacingOccurrences(of: "%E5", with: "%e5")
        let rejected = try #require(connection.request("DELETE", "/sapi/v1/margin/order?" + reencoded, headers: key))
        #expect(rejected.status == 400)
        #expect(rejected.body.contains("-1022"))
        let accepted = try #require(connection.request("DELETE", "/sapi/v1/margin/order?" + query, headers: key))
        #expect(accepted.status == 200)
        #expect(accepted.body.contains("\"symbol\":\"币安人生USDT\""))
        let noKey = try #require(connection.request("DELETE", "/sapi/v1/margin/order?" + query))
        #expect(noKey.status == 401)
        #expect(noKey.body.contains("-2014"))
    }

    @Test func a429CarriesRetryAfterOverHTTP() async throws {
        var configuration = SimulatorConfiguration()
        configuration.sapiWeightLimit = 15
        let server = try await SimulatorServer.start(exchange: .demo(configuration))
        defer { Task { await server.stop() } }
        let connection = try #require(RawHTTPConnection(port: server.port))
        _ = connection.request("GET", "/sapi/v1/margin/openOrders?" + signed("symbol=LTCBTC"), headers: key)
        let limited = try #require(
            connection.request("GET", "/sapi/v1/margin/openOrders?" + signed("symbol=LTCBTC"), headers: key))
        #expect(limited.status == 429)
        #expect(Int(limited.header("Retry-After") ?? "") != nil)
        #expect(limited.body.contains("-1003"))
    }

    @Test func aDroppedConnectionClosesWithoutAResponse() async throws {
        var configuration = SimulatorConfiguration()
        configuration.faults = FaultPlan(dropRate: 1, seed: 5)
        let exchange = Exchange.demo(configuration)
        let server = try await SimulatorServer.start(exchange: exchange)
        defer { Task { await server.stop() } }
        let connection = try #require(RawHTTPConnection(port: server.port))
        #expect(connection.request("DELETE", "/sapi/v1/margin/order?" + signed("symbol=LTCBTC&orderId=29"), headers: key) == nil)
        // Unsigned endpoints are not faulted: the server still answers new connections.
        let fresh = try #require(RawHTTPConnection(port: server.port))
        #expect(fresh.request("GET", "/api/v3/time")?.status == 200)
    }

    @Test func injectedLatencyDelaysTheAnswer() async throws {
        var configuration = SimulatorConfiguration()
        configuration.faults = FaultPlan(latencyMilliseconds: 150)
        let server = try await SimulatorServer.start(exchange: .demo(configuration))
        defer { Task { await server.stop() } }
        let connection = try #require(RawHTTPConnection(port: server.port))
        let started = ContinuousClock.now
        let response = connection.request("GET", "/sapi/v1/margin/order?" + signed("symbol=LTCBTC&orderId=28"), headers: key)
        #expect(response?.status == 200)
        #expect(ContinuousClock.now - started >= .milliseconds(150))
    }

    @Test func stopClosesTheListener() async throws {
        let server = try await SimulatorServer.start(exchange: .demo())
        let port = server.port
        #expect(RawHTTPConnection(port: port)?.request("GET", "/api/v3/time")?.status == 200)
        await server.stop()
        #expect(RawHTTPConnection(port: port) == nil)
    }

    @Test func aPortInUseIsABindError() async throws {
        let server = try await SimulatorServer.start(exchange: .demo())
        defer { Task { await server.stop() } }
        await #expect(throws: SimulatorSetupError.self) {
            _ = try await SimulatorServer.start(exchange: .demo(), port: server.port)
        }
    }
}

/// Log lines collected across the server's threads.
final class LogLines: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []

    func append(_ line: String) {
        lock.lock()
        lines.append(line)
        lock.unlock()
    }

    var all: [String] {
        lock.lock()
        defer { lock.unlock() }
        return lines
    }
}
