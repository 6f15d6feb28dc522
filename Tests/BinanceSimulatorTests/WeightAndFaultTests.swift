import BinanceAPI
import Testing

@testable import BinanceSimulator

/// Request weight (headers, 429, 418) and injected faults.
@Suite struct WeightAndFaultTests {
    func limited(limit: Int, windowMs: Int64 = 60_000) -> Exchange {
        var configuration = SimulatorConfiguration()
        configuration.sapiWeightLimit = limit
        configuration.weightWindowMilliseconds = windowMs
        return .demo(configuration)
    }

    @Test func everyResponseReportsUsedWeight() {
        let client = TestClient()
        #expect(client.cancel("symbol=LTCBTC&orderId=29").header("X-SAPI-USED-IP-WEIGHT-1M") == "10")
        // Rejected requests count too, and errors carry the header.
        let rejected = client.cancel("symbol=LTCBTC&orderId=29")
        #expect(rejected.code == -2011)
        #expect(rejected.header("X-SAPI-USED-IP-WEIGHT-1M") == "20")
        #expect(client.send("GET", "/sapi/v1/margin/allOrders", "symbol=LTCBTC").header("X-SAPI-USED-IP-WEIGHT-1M") == "220")
        var other = client
        other.client = "10.0.0.2"
        #expect(other.cancel("symbol=LTCBTC&orderId=30").header("X-SAPI-USED-IP-WEIGHT-1M") == "10")
    }

    @Test func overTheLimitIs429WithRetryAfterAndNothingChanges() {
        let client = TestClient(limited(limit: 25))
        let window = testNow - testNow % 60_000
        let now = window + 20_000
        #expect(client.cancel("symbol=LTCBTC&orderId=28", now: now).status == 200)
        #expect(client.cancel("symbol=LTCBTC&orderId=29", now: now).status == 200)
        let limited = client.cancel("symbol=LTCBTC&orderId=30", now: now)
        #expect(limited.status == 429)
        #expect(limited.code == -1003)
        #expect(limited.header("Retry-After") == "40")
        #expect(limited.header("X-SAPI-USED-IP-WEIGHT-1M") == "20")
        #expect(
            limited.message
                == "Too much request weight used; current limit is 25 request weight per 1 MINUTE. Please use WebSocket Streams for live updates to avoid polling the API."
        )
        let order = client.exchange.withState { $0.order(symbol: "LTCBTC", isolated: false, orderId: 30) }
        #expect(order?.status == .new)
        // The next window starts fresh.
        let later = client.cancel("symbol=LTCBTC&orderId=30", now: window + 60_000)
        #expect(later.status == 200)
        #expect(later.header("X-SAPI-USED-IP-WEIGHT-1M") == "10")
    }

    @Test func sendingOnAfter429sEarnsA418Ban() {
        var configuration = SimulatorConfiguration()
        configuration.sapiWeightLimit = 10
        configuration.weightWindowMilliseconds = 1_000
        configuration.strikesBeforeBan = 3
        configuration.banMilliseconds = 120_000
        let client = TestClient(.demo(configuration))
        let start = testNow - testNow % 1_000
        #expect(client.cancel("symbol=LTCBTC&orderId=28", now: start).status == 200)
        #expect(client.cancel("symbol=LTCBTC&orderId=29", now: start + 1).status == 429)
        #expect(client.cancel("symbol=LTCBTC&orderId=29", now: start + 2).status == 429)
        #expect(client.cancel("symbol=LTCBTC&orderId=29", now: start + 3).status == 429)
        let banned = client.cancel("symbol=LTCBTC&orderId=29", now: start + 4)
        #expect(banned.status == 418)
        #expect(banned.code == -1003)
        #expect(banned.header("Retry-After") == "120")
        #expect(banned.message?.contains("IP banned until \(start + 4 + 120_000)") == true)
        // Still banned in a fresh window; free after the ban.
        #expect(client.cancel("symbol=LTCBTC&orderId=29", now: start + 60_000).status == 418)
        #expect(client.cancel("symbol=LTCBTC&orderId=29", now: start + 4 + 120_000).status == 200)
    }

    @Test func aClientThatWaitsOutRetryAfterIsNotBanned() {
        var configuration = SimulatorConfiguration()
        configuration.sapiWeightLimit = 10
        configuration.weightWindowMilliseconds = 1_000
        let client = TestClient(.demo(configuration))
        var now = testNow - testNow % 1_000
        for id in [28, 29, 30] {
            #expect(client.cancel("symbol=LTCBTC&orderId=\(id)", now: now).status == 200)
            let limited = client.cancel("symbol=BTCUSDT&orderId=1001", now: now + 10)
            #expect(limited.status == 429)
            now += 1_000
        }
    }

    @Test func injected5XXAfterEffectCancelsTheOrderAnyway() {
        var configuration = SimulatorConfiguration()
        configuration.faults = FaultPlan(serverErrorRate: 1, afterEffectShare: 1, seed: 7)
        let client = TestClient(.demo(configuration))
        let response = client.cancel("symbol=LTCBTC&orderId=29")
        #expect((500...599).contains(response.status))
        #expect(response.verdict.outcome == .fault)
        #expect(response.verdict.detail.contains("after"))
        let order = client.exchange.withState { $0.order(symbol: "LTCBTC", isolated: false, orderId: 29) }
        #expect(order?.status == .canceled)
    }

    @Test func injected5XXBeforeEffectLeavesTheOrderOpen() {
        var configuration = SimulatorConfiguration()
        configuration.faults = FaultPlan(serverErrorRate: 1, afterEffectShare: 0, seed: 7)
        let client = TestClient(.demo(configuration))
        let response = client.cancel("symbol=LTCBTC&orderId=29")
        #expect((500...599).contains(response.status))
        #expect(response.code != nil)
        let order = client.exchange.withState { $0.order(symbol: "LTCBTC", isolated: false, orderId: 29) }
        #expect(order?.status == .new)
    }

    @Test func faultsFollowTheSeedAndTheRate() {
        func statuses(seed: UInt64) -> [Int] {
            var configuration = SimulatorConfiguration()
            configuration.faults = FaultPlan(serverErrorRate: 0.2, seed: seed)
            let exchange = Exchange.demo(configuration)
            let ids =
                (try? exchange.withState {
                    try $0.addOpenOrders(account: "demo", symbol: "ETHUSDT", isolated: false, count: 500)
                }) ?? 1...1
            let client = TestClient(exchange)
            return ids.map { client.cancel("symbol=ETHUSDT&orderId=\($0)").status }
        }
        let first = statuses(seed: 42)
        #expect(first == statuses(seed: 42))
        #expect(first != statuses(seed: 43))
        let failures = first.filter { $0 >= 500 }.count
        #expect((60...140).contains(failures), "\(failures) of 500 failed")
    }

    @Test func changingTheConfigurationAtRunTimeTakesEffect() {
        let exchange = Exchange.demo()
        let client = TestClient(exchange)
        #expect(client.cancel("symbol=LTCBTC&orderId=28").status == 200)
        exchange.configuration.faults = FaultPlan(serverErrorRate: 1, afterEffectShare: 0, seed: 9)
        #expect(client.cancel("symbol=LTCBTC&orderId=29").status >= 500)
        exchange.configuration.faults = FaultPlan()
        exchange.configuration.clockSkewMilliseconds = -10_000
        #expect(client.cancel("symbol=LTCBTC&orderId=29").code == -1021)
    }

    @Test func droppedConnectionsAreDeliveredAsDrops() {
        var configuration = SimulatorConfiguration()
        configuration.faults = FaultPlan(dropRate: 1, seed: 3)
        let response = TestClient(.demo(configuration)).cancel("symbol=LTCBTC&orderId=29")
        #expect(response.delivery == .drop)
        #expect(response.status == 0)
    }

    @Test func latencyIsReportedForTheRunnerToWait() {
        var configuration = SimulatorConfiguration()
        configuration.faults = FaultPlan(latencyMilliseconds: 40, latencyJitterMilliseconds: 10)
        let response = TestClient(.demo(configuration)).cancel("symbol=LTCBTC&orderId=29")
        #expect((40...50).contains(response.delayMilliseconds))
    }

    @Test func clockSkewMovesTheServerClock() {
        var configuration = SimulatorConfiguration()
        configuration.clockSkewMilliseconds = 8_000
        let client = TestClient(.demo(configuration))
        let stale = client.cancel("symbol=LTCBTC&orderId=29")
        #expect(stale.code == -1021)
        var timeClient = client
        timeClient.apiKey = nil
        let time = timeClient.raw("GET", "/api/v3/time", "")
        #expect(time.json?["serverTime"]?.integerValue == testNow + 8_000)
        let synced = client.send("DELETE", "/sapi/v1/margin/order", "symbol=LTCBTC&orderId=29", timestamp: testNow + 8_000)
        #expect(synced.status == 200)
    }

    @Test func theInProcessTransportSendsTheExactURLQuery() async throws {
        let exchange = Exchange.demo()
        let transport = SimulatorTransport(exchange: exchange)
        #expect(transport.endpointName == "sim")
        #expect(transport.baseURL == "http://sim.bnc.invalid")
        let client = ExchangeClient(transport: transport, credentials: DemoCredentials.hmac)
        let result = try await client.execute(CancelMarginOrder(symbol: "LTCBTC", isIsolated: true, orderId: 31))
        #expect(result.response.orderId == 31)
        #expect(result.response.isIsolated == true)
        #expect(result.http.header("X-SAPI-USED-IP-WEIGHT-1M") == "10")
        do {
            _ = try await client.execute(CancelMarginOrder(symbol: "LTCBTC", orderId: 31))
            Issue.record("a cross cancel of an isolated order succeeded")
        } catch {
            guard case .exchange(let exchangeError, _) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(exchangeError.code == -2011)
        }
    }

    @Test func theInProcessTransportTurnsADropIntoConnectionLost() async {
        var configuration = SimulatorConfiguration()
        configuration.faults = FaultPlan(dropRate: 1, seed: 1)
        let transport = SimulatorTransport(exchange: .demo(configuration))
        let request = PreparedRequest(
            title: "t", method: .delete, path: "/sapi/v1/margin/order", query: "symbol=LTCBTC&orderId=29",
            signature: nil, timestamp: nil, apiKey: nil, weight: RequestWeight(10, .ip), parameters: [])
        do {
            _ = try await transport.send(request)
            Issue.record("a dropped connection returned a response")
        } catch {
            #expect(error.outcomeUnknown)
        }
    }
}
