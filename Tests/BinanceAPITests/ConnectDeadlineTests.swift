import Foundation
import NIOCore
import NIOEmbedded
import NIOPosix
import Testing

@testable import BinanceAPI

/// Every wait of a connect is capped: a proxy or a TLS server that accepts, then closes at once
/// or never answers, fails the set-up within the connect timeout, as "not sent".
struct ConnectDeadlineTests {
    /// A 127.0.0.1 server that accepts and then closes at once, or stays silent.
    final class MuteServer: ChannelInboundHandler, @unchecked Sendable {
        typealias InboundIn = ByteBuffer
        let closeAtOnce: Bool
        init(closeAtOnce: Bool) { self.closeAtOnce = closeAtOnce }
        func channelActive(context: ChannelHandlerContext) {
            if closeAtOnce { context.close(promise: nil) }
        }
        func channelRead(context: ChannelHandlerContext, data: NIOAny) {}

        static func start(closeAtOnce: Bool) async throws -> any Channel {
            try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
                .childChannelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandler(MuteServer(closeAtOnce: closeAtOnce))
                    }
                }
                .bind(host: "127.0.0.1", port: 0).get()
        }
    }

    static func expectNotSentInTime(_ transport: HTTPTransport) async throws {
        let request = try HTTPTransportTests.request(CancelMarginOrder(symbol: "LTCBTC", orderId: 28))
        let started = ContinuousClock.now
        var message = ""
        do {
            _ = try await transport.send(request)
        } catch {
            message = error.message
        }
        #expect(message.hasPrefix("not sent"), "\(message)")
        // The connect timeout is 1 s; the bound allows a loaded test run (4 s seen), a hang has none.
        #expect(ContinuousClock.now - started < .seconds(15))
    }

    @Test(arguments: [true, false])
    func aProxyThatClosesOrNeverAnswersConnectFailsInTime(closeAtOnce: Bool) async throws {
        let server = try await MuteServer.start(closeAtOnce: closeAtOnce)
        let port = server.localAddress!.port!
        let proxy = try HTTPProxy(url: "http://127.0.0.1:\(port)", origin: "test")
        let transport = try HTTPTransport(
            baseURL: "http://api.example.invalid", timeouts: .init(connect: .seconds(1), read: .seconds(1)), proxy: proxy)
        try await Self.expectNotSentInTime(transport)
        try await server.close()
    }

    @Test(arguments: [true, false])
    func aTLSServerThatClosesOrNeverAnswersTheHelloFailsInTime(closeAtOnce: Bool) async throws {
        let server = try await MuteServer.start(closeAtOnce: closeAtOnce)
        let port = server.localAddress!.port!
        let transport = try HTTPTransport(
            baseURL: "https://127.0.0.1:\(port)", timeouts: .init(connect: .seconds(1), read: .seconds(1)))
        try await Self.expectNotSentInTime(transport)
        try await server.close()
    }

    @Test func aTunnelHandlerAddedToAClosedChannelFailsAtOnce() throws {
        let channel = EmbeddedChannel()
        let promise = channel.eventLoop.makePromise(of: Void.self)
        var result: Result<Void, any Error>?
        promise.futureResult.whenComplete { result = $0 }
        try channel.pipeline.syncOperations.addHandler(
            HTTPTunnelHandler(target: "api.binance.com:443", authorization: nil, promise: promise))
        guard case .failure(let error) = result else {
            Issue.record("the promise is still pending")
            return
        }
        #expect(error as? HTTPTunnelFailure == .closed)
        _ = try? channel.finish()
    }

    @Test func aTunnelHandlerRemovedBeforeTheAnswerFailsItsPromise() throws {
        let channel = EmbeddedChannel()
        try channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 3128)).wait()
        let promise = channel.eventLoop.makePromise(of: Void.self)
        var result: Result<Void, any Error>?
        promise.futureResult.whenComplete { result = $0 }
        let handler = HTTPTunnelHandler(target: "api.binance.com:443", authorization: nil, promise: promise)
        try channel.pipeline.syncOperations.addHandler(handler)
        try channel.pipeline.syncOperations.removeHandler(handler).wait()
        guard case .failure = result else {
            Issue.record("the promise is still pending")
            return
        }
        _ = try? channel.finish()
    }

    @Test func theDeadlineFailsThePendingStepAndAnyLaterOne() throws {
        let loop = EmbeddedEventLoop()
        let deadline = ConnectDeadline()
        let first = loop.makePromise(of: Void.self)
        var firstResult: Result<Void, any Error>?
        first.futureResult.whenComplete { firstResult = $0 }
        deadline.watch(first)
        #expect(firstResult == nil)
        deadline.expire()
        loop.run()
        guard case .failure = firstResult else {
            Issue.record("the pending step was not failed")
            return
        }
        let later = loop.makePromise(of: Void.self)
        var laterResult: Result<Void, any Error>?
        later.futureResult.whenComplete { laterResult = $0 }
        deadline.watch(later)
        loop.run()
        guard case .failure = laterResult else {
            Issue.record("a later step was not failed")
            return
        }
        #expect(deadline.hasExpired)
    }
}
