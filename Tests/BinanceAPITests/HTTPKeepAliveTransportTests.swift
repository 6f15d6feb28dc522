import Foundation
import Testing

@testable import BinanceAPI

/// The plain-http transport (``HTTP1ConnectionPool``) against a loopback server that answers
/// with exact bytes: keep-alive reuse, reconnecting, never re-sending a request that may have
/// arrived, several requests in flight at once, framing and headers.
@Suite(.serialized) struct HTTPKeepAliveTransportTests {
    static let order = #"{"symbol":"LTCBTC","orderId":28,"status":"CANCELED"}"#
    static let timeouts = HTTPTransport.Timeouts(connect: .seconds(2), read: .seconds(3))

    static func cancel(_ id: Int64 = 28) throws -> PreparedRequest {
        try RequestBuilder(credentials: DemoCredentials.hmac).prepare(
            CancelMarginOrder(symbol: "LTCBTC", orderId: id), timestamp: 1_499_827_319_559)
    }

    /// Runs `body` as bnc runs scripts over plain http: preferring the transport's event loop.
    static func onTheLoop<T: Sendable>(_ transport: HTTPTransport, _ body: @Sendable () async throws -> T) async throws -> T {
        let executor = try #require(transport.preferredTaskExecutor)
        return try await withTaskExecutorPreference(executor) { try await body() }
    }

    @Test(arguments: [false, true])
    func manyRequestsShareOneConnection(onLoop: Bool) async throws {
        let server = try await RawHTTPServer(
            answering: RawHTTPServer.response(headers: [("X-SAPI-USED-IP-WEIGHT-1M", "10")], body: Self.order)
        ).start()
        let transport = try HTTPTransport(baseURL: server.baseURL, timeouts: Self.timeouts)
        let send: @Sendable () async throws -> [TransportResponse] = {
            var responses: [TransportResponse] = []
            for id in 1...200 { responses.append(try await transport.send(try Self.cancel(Int64(id)))) }
            return responses
        }
        let responses = onLoop ? try await Self.onTheLoop(transport, send) : try await send()
        #expect(responses.allSatisfy { $0.status == 200 && $0.body == Array(Self.order.utf8) })
        #expect(responses.allSatisfy { $0.header("x-sapi-used-ip-weight-1m") == "10" })
        #expect(server.requests.count == 200)
        #expect(server.connections == 1)
        try await server.stop()
    }

    @Test func theRequestCarriesTheQueryHostAndKeyAndTheBasePath() async throws {
        let server = try await RawHTTPServer(answering: RawHTTPServer.response(body: Self.order)).start()
        let transport = try HTTPTransport(baseURL: server.baseURL + "/proxy/", timeouts: Self.timeouts)
        let request = try Self.cancel()
        _ = try await transport.send(request)
        let received = try #require(server.requests.first)
        #expect(received.requestLine == "DELETE /proxy/sapi/v1/margin/order?\(request.urlQuery) HTTP/1.1")
        #expect(received.header("Host") == server.baseURL.replacingOccurrences(of: "http://", with: ""))
        #expect(received.header("X-MBX-APIKEY") == DemoCredentials.apiKey)
        try await server.stop()
    }

    @Test func headersTheClientUsesAreReadWithAnyCase() async throws {
        let answer = RawHTTPServer.response(
            status: "429 Too Many Requests",
            headers: [("x-mbx-used-weight-1m", "6001"), ("RETRY-AFTER", "7"), ("X-SAPI-USED-IP-WEIGHT-1M", "11990")],
            body: #"{"code":-1003,"msg":"Too many requests."}"#)
        let server = try await RawHTTPServer(answering: answer).start()
        let response = try await HTTPTransport(baseURL: server.baseURL, timeouts: Self.timeouts).send(try Self.cancel())
        #expect(response.status == 429)
        #expect(RateLimitState.retryAfterMilliseconds(response) == 7000)
        #expect(response.header("X-MBX-USED-WEIGHT-1M") == "6001")
        #expect(response.header("x-sapi-used-ip-weight-1m") == "11990")
        try await server.stop()
    }

    @Test func aChunkedBodyIsJoined() async throws {
        let body = Self.order
        let cut = body.index(body.startIndex, offsetBy: 20)
        let first = String(body[..<cut])
        let second = String(body[cut...])
        let answer =
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nX-MBX-USED-WEIGHT-1M: 3\r\n\r\n"
            + String(first.utf8.count, radix: 16) + ";ext=1\r\n" + first + "\r\n"
            + String(second.utf8.count, radix: 16, uppercase: true) + "\r\n" + second + "\r\n0\r\nX-Trailer: t\r\n\r\n"
        let server = try await RawHTTPServer(answering: answer).start()
        let transport = try HTTPTransport(baseURL: server.baseURL, timeouts: Self.timeouts)
        for _ in 0..<3 {
            let response = try await transport.send(try Self.cancel())
            #expect(String(decoding: response.body, as: UTF8.self) == body)
            #expect(response.header("x-mbx-used-weight-1m") == "3")
        }
        #expect(server.connections == 1)
        try await server.stop()
    }

    @Test func connectionCloseAndHTTP10AnswersOpenANewConnectionNextTime() async throws {
        let server = try await RawHTTPServer { index, _ in
            switch index {
            case 0: return .answer(RawHTTPServer.response(headers: [("Connection", "close")], body: Self.order))
            case 1: return .answer("HTTP/1.0 200 OK\r\n\r\n" + Self.order, closeAfterMilliseconds: 0) // body until close
            default: return .answer(RawHTTPServer.response(body: Self.order))
            }
        }.start()
        let transport = try HTTPTransport(baseURL: server.baseURL, timeouts: Self.timeouts)
        for _ in 0..<3 {
            let response = try await transport.send(try Self.cancel())
            #expect(response.body == Array(Self.order.utf8))
        }
        #expect(server.connections == 3)
        #expect(server.requests.count == 3)
        try await server.stop()
    }

    @Test func anIdleConnectionTheServerClosedIsReplacedAndTheRequestSentOnce() async throws {
        // Every answer is followed by the server closing the connection 20 ms later (its idle timeout).
        let server = try await RawHTTPServer { _, _ in
            .answer(RawHTTPServer.response(body: Self.order), closeAfterMilliseconds: 20)
        }.start()
        let transport = try HTTPTransport(baseURL: server.baseURL, timeouts: Self.timeouts)
        for id in 1...3 {
            let response = try await transport.send(try Self.cancel(Int64(id)))
            #expect(response.status == 200)
            try await Task.sleep(for: .milliseconds(150))
        }
        #expect(server.connections == 3)
        #expect(server.requests.map(\.requestLine).count == 3) // none sent twice
        try await server.stop()
    }

    @Test(arguments: [false, true])
    func aServerThatClosesAfterReadingADeleteGivesOutcomeUnknownAndNoResend(reused: Bool) async throws {
        let server = try await RawHTTPServer { index, _ in
            reused && index == 0 ? .answer(RawHTTPServer.response(body: Self.order)) : .hangUp
        }.start()
        let transport = try HTTPTransport(baseURL: server.baseURL, timeouts: Self.timeouts)
        if reused { _ = try await transport.send(try Self.cancel(1)) }
        await #expect {
            _ = try await transport.send(try Self.cancel(2))
        } throws: { error in
            guard let error = error as? TransportError, case .connectionLost = error else { return false }
            return error.outcomeUnknown
        }
        try await Task.sleep(for: .milliseconds(100))
        #expect(server.requests.filter { $0.requestLine.contains("orderId=2") }.count == 1)
        #expect(server.connections == 1)
        try await server.stop()
    }

    /// Through the client, as a script sends: the cancel is not sent again; its outcome is
    /// learned by querying the order (a GET, on a new connection).
    @Test func aCancelWhoseConnectionDiesIsCheckedNotResent() async throws {
        let order =
            #"{"symbol":"LTCBTC","orderId":28,"clientOrderId":"x","price":"1","origQty":"1","executedQty":"0","status":"CANCELED","timeInForce":"GTC","type":"LIMIT","side":"SELL"}"#
        let server = try await RawHTTPServer { _, request in
            request.requestLine.hasPrefix("DELETE") ? .hangUp : .answer(RawHTTPServer.response(body: order))
        }.start()
        let transport = try HTTPTransport(baseURL: server.baseURL, timeouts: Self.timeouts)
        let client = ExchangeClient(transport: transport, credentials: DemoCredentials.hmac)
        let result = try await Self.onTheLoop(transport) {
            try await client.perform(CancelMarginOrder(symbol: "LTCBTC", orderId: 28))
        }
        #expect(result.response.status == "CANCELED")
        #expect(result.events.map(\.kind) == [.outcomeUnknown, .checked])
        let methods = server.requests.map { $0.requestLine.prefix { $0 != " " } }
        #expect(methods == ["DELETE", "GET"])
        try await server.stop()
    }

    @Test func aServerThatHangsUpMidAnswerGivesOutcomeUnknown() async throws {
        let partial = "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{\"symbol\""
        let server = try await RawHTTPServer { _, _ in .answer(partial, closeAfterMilliseconds: 0) }.start()
        let transport = try HTTPTransport(baseURL: server.baseURL, timeouts: Self.timeouts)
        await #expect {
            _ = try await transport.send(try Self.cancel())
        } throws: { error in
            guard let error = error as? TransportError, case .connectionLost(let detail) = error else { return false }
            return error.outcomeUnknown && detail.contains("middle of the answer")
        }
        #expect(server.requests.count == 1)
        try await server.stop()
    }

    @Test func aMalformedAnswerIsAnErrorWithTheOutcomeUnknown() async throws {
        let server = try await RawHTTPServer(answering: "SMTP ready\r\n\r\n").start()
        await #expect {
            _ = try await HTTPTransport(baseURL: server.baseURL, timeouts: Self.timeouts).send(try Self.cancel())
        } throws: { error in
            guard let error = error as? TransportError, case .connectionLost(let detail) = error else { return false }
            return error.outcomeUnknown && detail.contains("not valid HTTP/1.1")
        }
        try await server.stop()
    }

    @Test func aSlowAnswerTimesOutAfterTheReadTimeout() async throws {
        let server = try await RawHTTPServer { _, _ in
            .answer(RawHTTPServer.response(body: Self.order), delayMilliseconds: 2000)
        }.start()
        let transport = try HTTPTransport(
            baseURL: server.baseURL, timeouts: .init(connect: .seconds(1), read: .milliseconds(200)))
        let started = ContinuousClock.now
        await #expect {
            _ = try await transport.send(try Self.cancel())
        } throws: { error in
            guard let error = error as? TransportError, case .timedOut = error else { return false }
            return error.outcomeUnknown
        }
        let elapsed = ContinuousClock.now - started
        #expect(elapsed >= .milliseconds(190) && elapsed < .milliseconds(1500))
        try await server.stop()
    }

    @Test(arguments: [false, true])
    func requestsInFlightAtOnceDoNotWaitForEachOther(onLoop: Bool) async throws {
        let count = 8
        let delay = 300
        let server = try await RawHTTPServer { _, _ in
            .answer(RawHTTPServer.response(body: Self.order), delayMilliseconds: delay)
        }.start()
        let transport = try HTTPTransport(baseURL: server.baseURL, timeouts: Self.timeouts)
        let run: @Sendable () async throws -> Duration = {
            let started = ContinuousClock.now
            try await withThrowingTaskGroup(of: Int.self) { group in
                for id in 1...count {
                    group.addTask { try await transport.send(try Self.cancel(Int64(id))).status }
                }
                for try await status in group { #expect(status == 200) }
            }
            return ContinuousClock.now - started
        }
        let elapsed = onLoop ? try await Self.onTheLoop(transport, run) : try await run()
        // One after another would take count × delay = 2.4 s.
        #expect(elapsed < .milliseconds(delay * 2), "\(count) requests took \(elapsed)")
        #expect(server.requests.count == count)
        #expect(server.connections == count)
        // The connections stay for the next burst: no new ones.
        _ = onLoop ? try await Self.onTheLoop(transport, run) : try await run()
        #expect(server.connections == count)
        try await server.stop()
    }

    @Test func aRefusedConnectionIsAConnectFailure() async throws {
        let server = try await RawHTTPServer(answering: "").start()
        let url = server.baseURL
        try await server.stop()
        await #expect {
            _ = try await HTTPTransport(baseURL: url, timeouts: Self.timeouts).send(try Self.cancel())
        } throws: { error in
            guard let error = error as? TransportError, case .connectFailed = error else { return false }
            return !error.outcomeUnknown
        }
    }

    @Test func aKeyWithALineBreakIsRefusedBeforeSending() async throws {
        var request = try Self.cancel()
        request.apiKey = "key\r\nX-Injected: 1"
        let endpoint = HTTP1ConnectionPool.Endpoint(host: "127.0.0.1", port: 80, hostHeader: "127.0.0.1", pathPrefix: "")
        #expect(throws: TransportError.self) { try HTTP1ConnectionPool.encode(request, endpoint: endpoint) }
    }

    @Test func httpAndHTTPSPreferTheSameEventLoop() throws {
        // One path: https is TLS on the same pool and loop, so scripts stay on it for both.
        for url in ["http://127.0.0.1:9", "https://api.binance.com"] {
            let executor = try #require(try HTTPTransport(baseURL: url).preferredTaskExecutor as? EventLoopTaskExecutor)
            #expect(executor.loop === HTTPTransport.plainEventLoop)
        }
    }

    @Test func aRefusedConnectionNamesTheAddressInWords() async throws {
        // A port nothing listens on: the error names host:port, not NIO's "[IPv4]127.0.0.1/127.0.0.1:1".
        let transport = try HTTPTransport(baseURL: "http://127.0.0.1:1", timeouts: Self.timeouts)
        let request = try Self.cancel()
        do throws(TransportError) {
            _ = try await transport.send(request)
            Issue.record("sent to a closed port")
        } catch {
            #expect(error == .connectFailed("cannot connect to 127.0.0.1:1: connection refused"))
            #expect(error.message == "not sent: cannot connect to 127.0.0.1:1: connection refused")
            #expect(!error.outcomeUnknown)
        }
    }
}
