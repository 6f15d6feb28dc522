import BinanceAPI
import Foundation
import Testing

@testable import BinanceSimulator

/// The simulator under hostile clients and extreme options: no trap, no connection held forever,
/// no quadratic work on one request.
@Suite struct SimulatorHostileTests {
    @Test func aJitterNearIntMaxDoesNotTrap() {
        var configuration = SimulatorConfiguration()
        configuration.faults = FaultPlan(latencyMilliseconds: .max, latencyJitterMilliseconds: .max)
        let client = TestClient(.demo(configuration))
        for _ in 0..<20 {
            let response = client.send("GET", "/sapi/v1/margin/openOrders", "symbol=LTCBTC")
            #expect(response.delayMilliseconds <= FaultPlan.maximumLatencyMilliseconds)
            #expect(response.delayMilliseconds >= 0)
        }
    }

    @Test func extremeClockSkewWindowAndBanLengthsDoNotTrap() {
        for skew in [Int64.max, Int64.min] {
            var configuration = SimulatorConfiguration()
            configuration.clockSkewMilliseconds = skew
            configuration.weightWindowMilliseconds = .max
            configuration.banMilliseconds = .max
            configuration.sapiWeightLimit = 1
            configuration.strikesBeforeBan = 1
            let client = TestClient(.demo(configuration))
            // Over the limit, then sending on inside Retry-After: 429, then a 418 ban.
            let statuses = (0..<4).map { _ in client.send("GET", "/sapi/v1/margin/openOrders", "symbol=LTCBTC").status }
            #expect(statuses.contains(429) || statuses.contains(418) || statuses.contains(400))
        }
    }

    @Test(arguments: [Int64.min, Int64.max, -1])
    func anyTimestampIsJudgedNotTrapped(timestamp: Int64) {
        let response = TestClient().send("DELETE", "/sapi/v1/margin/order", "symbol=LTCBTC&orderId=1", timestamp: timestamp)
        // Negative ones are not a LONG (-1102); the largest is ahead of the server (-1021).
        #expect(response.code == (timestamp < 0 ? -1102 : -1021))
    }

    @Test func bulkOrdersAfterTheLargestIdAreRefusedNotTrapped() throws {
        var seed = ExchangeSeed.demo
        seed.orders.append(
            (
                account: SimulatorDemoKeys.accountName,
                order: SimulatedOrder(
                    symbol: "LTCBTC", isIsolated: false, orderId: .max, clientOrderId: "last", price: "1.00000000",
                    origQty: "1.00000000", side: "BUY", time: 1)
            ))
        seed.bulk.append(ExchangeSeed.Bulk(symbol: "LTCBTC", isolated: false, count: 2))
        #expect(throws: SimulatorSetupError.self) { try Exchange(configuration: SimulatorConfiguration(), seed: seed) }
    }

    @Test func theRepeatedParameterCheckIsLinear() throws {
        // 100,000 distinct names: pairwise that was five billion comparisons.
        let query = (0..<100_000).map { "p\($0)=1" }.joined(separator: "&")
        let started = ContinuousClock.now
        let list = try ParameterList(query: Array(query.utf8), body: nil)
        #expect(ContinuousClock.now - started < .seconds(3))
        #expect(list.value("p99999") == "1")
        let repeated = (0..<40).map { "p\($0)=1" }.joined(separator: "&") + "&p7=2"
        #expect(throws: ExchangeReject.self) { try ParameterList(query: Array(repeated.utf8), body: nil) }
        let atThreshold = (0..<15).map { "p\($0)=1" }.joined(separator: "&") + "&p0=2"
        #expect(throws: ExchangeReject.self) { try ParameterList(query: Array(atThreshold.utf8), body: nil) }
    }

    static func server(_ timeouts: ConnectionTimeouts) async throws -> SimulatorServer {
        var configuration = SimulatorConfiguration()
        configuration.connectionTimeouts = timeouts
        return try await SimulatorServer.start(exchange: .demo(configuration))
    }

    @Test func aPartialRequestHeadIsClosedAfterTheIdleTimeout() async throws {
        let server = try await Self.server(.init(readIdleMilliseconds: 300, requestMilliseconds: 5_000))
        defer { Task { await server.stop() } }
        let connection = try #require(RawHTTPConnection(port: server.port, timeoutSeconds: 4))
        connection.sendRaw("GET /api/v3/time HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow:")
        let started = ContinuousClock.now
        #expect(connection.closedByServer())
        #expect(ContinuousClock.now - started < .seconds(3))
    }

    @Test func aTrickledRequestIsClosedAfterTheWholeRequestTimeout() async throws {
        let server = try await Self.server(.init(readIdleMilliseconds: 1_000, requestMilliseconds: 800))
        defer { Task { await server.stop() } }
        let connection = try #require(RawHTTPConnection(port: server.port, timeoutSeconds: 1))
        let started = ContinuousClock.now
        var closed = false
        connection.sendRaw("GET /api/v3/time HTTP/1.1\r\n")
        // One header byte every 200 ms: never idle for the idle timeout, but never done.
        for _ in 0..<20 where !closed {
            try await Task.sleep(for: .milliseconds(200))
            closed = !connection.sendRaw("X")
        }
        if !closed { closed = connection.closedByServer() }
        #expect(closed)
        // The trickle alone lasts 4 s; under a loaded test run the sleeps stretch, so the bound
        // only says the server did not wait for the client to stop.
        #expect(ContinuousClock.now - started < .seconds(30))
    }

    @Test func aSlowAnswerIsNotCutOffAndAnIdleConnectionStaysForItsTimeout() async throws {
        var configuration = SimulatorConfiguration()
        // Keep-alive idle well above the pause between the two requests, so a loaded test run
        // (sleeps stretched by seconds) still reuses the connection before the server drops it.
        configuration.connectionTimeouts = .init(
            readIdleMilliseconds: 200, requestMilliseconds: 400, keepAliveIdleMilliseconds: 5_000)
        configuration.faults = FaultPlan(latencyMilliseconds: 900)
        let server = try await SimulatorServer.start(exchange: .demo(configuration))
        defer { Task { await server.stop() } }
        let connection = try #require(RawHTTPConnection(port: server.port, timeoutSeconds: 5))
        // The answer takes longer than both request timeouts: the connection waits for it.
        #expect(connection.request("GET", "/api/v3/time")?.status == 200)
        try await Task.sleep(for: .milliseconds(500))
        #expect(connection.request("GET", "/api/v3/time")?.status == 200)
        let idleSince = ContinuousClock.now
        #expect(connection.closedByServer())
        #expect(ContinuousClock.now - idleSince >= .milliseconds(1_000))
    }
}
