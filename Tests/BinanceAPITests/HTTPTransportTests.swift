import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import Testing

@testable import BinanceAPI

/// The HTTP transport against a tiny NIO server on 127.0.0.1 that counts connections and can
/// answer, stay silent, or hang up after reading a request.
@Suite(.serialized) struct HTTPTransportTests {
    enum Mode: Sendable { case answer, silent, hangUp }

    final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var values = (connections: 0, requests: [String](), apiKeys: [String?]())
        func connected() { lock.withLock { values.connections += 1 } }
        func requested(_ uri: String, _ key: String?) {
            lock.withLock {
                values.requests.append(uri)
                values.apiKeys.append(key)
            }
        }
        var connections: Int { lock.withLock { values.connections } }
        var requests: [String] { lock.withLock { values.requests } }
        var apiKeys: [String?] { lock.withLock { values.apiKeys } }
    }

    final class Handler: ChannelInboundHandler, @unchecked Sendable {
        typealias InboundIn = HTTPServerRequestPart
        typealias OutboundOut = HTTPServerResponsePart
        let mode: Mode
        let counter: Counter

        init(mode: Mode, counter: Counter) {
            self.mode = mode
            self.counter = counter
        }

        func channelActive(context: ChannelHandlerContext) {
            counter.connected()
            context.fireChannelActive()
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            guard case .head(let head) = unwrapInboundIn(data) else { return }
            counter.requested("\(head.method.rawValue) \(head.uri)", head.headers.first(name: "X-MBX-APIKEY"))
            switch mode {
            case .silent:
                return
            case .hangUp:
                context.close(promise: nil)
            case .answer:
                let body = #"{"serverTime":1499827319559}"#
                var headers = HTTPHeaders([("Content-Type", "application/json"), ("X-MBX-USED-WEIGHT-1M", "1")])
                headers.add(name: "Content-Length", value: String(body.utf8.count))
                context.write(
                    wrapOutboundOut(.head(HTTPResponseHead(version: head.version, status: .ok, headers: headers))), promise: nil)
                context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(string: body)))), promise: nil)
                context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
            }
        }
    }

    struct Server {
        let channel: any Channel
        let counter: Counter
        var baseURL: String { "http://127.0.0.1:\(channel.localAddress?.port ?? 0)" }

        static func start(_ mode: Mode, host: String = "127.0.0.1") async throws -> Server {
            let counter = Counter()
            let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
                .childChannelInitializer { channel in
                    channel.pipeline.configureHTTPServerPipeline().flatMap {
                        channel.pipeline.addHandler(Handler(mode: mode, counter: counter))
                    }
                }
                .bind(host: host, port: 0).get()
            return Server(channel: channel, counter: counter)
        }

        func stop() async throws { try await channel.close().get() }
    }

    static func request(_ operation: some ExchangeOperation, key: Bool = true) throws -> PreparedRequest {
        try RequestBuilder(credentials: key ? DemoCredentials.hmac : nil).prepare(operation, timestamp: 1_499_827_319_559)
    }

    @Test func keepAliveSendsManyRequestsOverOneConnection() async throws {
        let server = try await Server.start(.answer)
        let transport = try HTTPTransport(baseURL: server.baseURL, timeouts: .init(connect: .seconds(2), read: .seconds(3)))
        for _ in 0..<25 {
            let response = try await transport.send(try Self.request(ServerTime(), key: false))
            #expect(response.status == 200 && response.header("x-mbx-used-weight-1m") == "1")
            #expect(String(decoding: response.body, as: UTF8.self) == #"{"serverTime":1499827319559}"#)
        }
        #expect(server.counter.connections == 1)
        #expect(server.counter.requests.count == 25)
        try await server.stop()
    }

    @Test func deleteParametersTravelInTheQueryWithTheKeyHeader() async throws {
        let server = try await Server.start(.answer)
        let transport = try HTTPTransport(baseURL: server.baseURL + "/", timeouts: .init(connect: .seconds(2), read: .seconds(3)))
        let request = try Self.request(CancelMarginOrder(symbol: "LTCBTC", isIsolated: true, orderId: 28))
        _ = try await transport.send(request)
        #expect(server.counter.requests == ["DELETE /sapi/v1/margin/order?\(request.urlQuery)"])
        #expect(server.counter.apiKeys == [DemoCredentials.apiKey])
        try await server.stop()
    }

    @Test func aSilentServerTimesOutWithTheOutcomeUnknown() async throws {
        let server = try await Server.start(.silent)
        let transport = try HTTPTransport(
            baseURL: server.baseURL, timeouts: .init(connect: .seconds(2), read: .milliseconds(300)))
        await #expect {
            _ = try await transport.send(try Self.request(CancelMarginOrder(symbol: "LTCBTC", orderId: 28)))
        } throws: { error in
            guard let error = error as? TransportError, case .timedOut = error else { return false }
            return error.outcomeUnknown
        }
        #expect(server.counter.requests.count == 1)
        try await server.stop()
    }

    @Test func aHangUpAfterTheRequestLeavesTheOutcomeUnknown() async throws {
        let server = try await Server.start(.hangUp)
        let transport = try HTTPTransport(baseURL: server.baseURL, timeouts: .init(connect: .seconds(2), read: .seconds(2)))
        await #expect {
            _ = try await transport.send(try Self.request(CancelMarginOrder(symbol: "LTCBTC", orderId: 28)))
        } throws: { error in
            (error as? TransportError)?.outcomeUnknown == true
        }
        try await server.stop()
    }

    @Test func aRefusedConnectionSendsNothing() async throws {
        // Bind a port, then close it: nothing listens there any more.
        let server = try await Server.start(.answer)
        let url = server.baseURL
        try await server.stop()
        let transport = try HTTPTransport(baseURL: url, timeouts: .init(connect: .seconds(2), read: .seconds(2)))
        let started = ContinuousClock.now
        await #expect {
            _ = try await transport.send(try Self.request(CancelMarginOrder(symbol: "LTCBTC", orderId: 28)))
        } throws: { error in
            guard let error = error as? TransportError, case .connectFailed = error else { return false }
            return !error.outcomeUnknown
        }
        // Refused at once, not retried until the deadline.
        #expect(ContinuousClock.now - started < .seconds(2))
    }

    @Test func anIPv6LiteralIsParsedWithoutItsBrackets() throws {
        let parts = try #require(HTTPTransport.parse("http://[::1]:8443/base"))
        #expect(parts.host == "::1" && parts.port == 8443 && parts.path == "/base" && !parts.tls)
        #expect(HTTPTransport.parse("https://[2001:db8::5]")?.host == "2001:db8::5")
        #expect(HTTPTransport.parse("https://api.binance.com")?.host == "api.binance.com")
        #expect(HTTPTransport.parse("http://[]:80") == nil)
    }

    @Test func anIPv6LoopbackEndpointIsReached() async throws {
        // Skipped where the machine has no IPv6 loopback.
        guard let server = try? await Server.start(.answer, host: "::1") else { return }
        let port = server.channel.localAddress?.port ?? 0
        let transport = try HTTPTransport(
            baseURL: "http://[::1]:\(port)", timeouts: .init(connect: .seconds(2), read: .seconds(3)))
        _ = try await transport.send(try Self.request(CancelMarginOrder(symbol: "LTCBTC", orderId: 28)))
        #expect(server.counter.requests.count == 1)
        try await server.stop()
    }

    @Test(arguments: ["ftp://api.binance.com", "api.binance.com", "https://", "https://api.binance.com?x=1", "sim"])
    func badBaseURLsAreRefused(url: String) {
        #expect(throws: TransportError.self) { try HTTPTransport(baseURL: url) }
    }
}
