import Foundation
import NIOCore
import NIOPosix

/// A loopback server for transport tests that answers with exact bytes: it reads request heads
/// (the client sends no bodies), counts connections and requests, and does what `plan` says for
/// each request — answer (after a delay, then optionally close), hang up, stay silent, or send
/// part of an answer and hang up. Listens on 127.0.0.1 only; `stop()` closes it.
final class RawHTTPServer: @unchecked Sendable {
    enum Action: Sendable {
        /// Answer with `bytes` after `delayMilliseconds`; close the connection `closeAfterMilliseconds` later if set.
        case answer(String, delayMilliseconds: Int = 0, closeAfterMilliseconds: Int? = nil)
        /// Close the connection without answering.
        case hangUp
        /// Never answer.
        case silent
    }

    /// A request as received.
    struct Request: Sendable {
        var connection: Int
        var head: String
        var requestLine: String { head.components(separatedBy: "\r\n").first ?? "" }
        func header(_ name: String) -> String? {
            for line in head.components(separatedBy: "\r\n").dropFirst() {
                guard let colon = line.firstIndex(of: ":") else { continue }
                if line[..<colon].lowercased() == name.lowercased() {
                    return line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                }
            }
            return nil
        }
    }

    private let lock = NSLock()
    private var connectionCount = 0
    private var received: [Request] = []
    private let plan: @Sendable (_ index: Int, _ request: Request) -> Action
    private var channel: (any Channel)?

    var connections: Int { lock.withLock { connectionCount } }
    var requests: [Request] { lock.withLock { received } }
    var baseURL: String { "http://127.0.0.1:\(channel?.localAddress?.port ?? 0)" }

    /// `plan` gets the 0-based request index (across connections) and the request.
    init(plan: @escaping @Sendable (_ index: Int, _ request: Request) -> Action) {
        self.plan = plan
    }

    /// A server answering every request with `answer`.
    convenience init(answering answer: String) {
        self.init { _, _ in .answer(answer) }
    }

    func start() async throws -> RawHTTPServer {
        channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { [self] channel in
                let number = lock.withLock {
                    connectionCount += 1
                    return connectionCount
                }
                return channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(Handler(server: self, connection: number))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        return self
    }

    func stop() async throws { try await channel?.close().get() }

    fileprivate func record(_ request: Request) -> Action {
        let index = lock.withLock {
            received.append(request)
            return received.count - 1
        }
        return plan(index, request)
    }

    /// The standard answer: status, headers, a Content-Length body.
    static func response(
        status: String = "200 OK", headers: [(String, String)] = [], body: String, version: String = "HTTP/1.1"
    ) -> String {
        var text = "\(version) \(status)\r\nContent-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n"
        for (name, value) in headers { text += "\(name): \(value)\r\n" }
        return text + "\r\n" + body
    }

    private final class Handler: ChannelInboundHandler, @unchecked Sendable {
        typealias InboundIn = ByteBuffer
        typealias OutboundOut = ByteBuffer
        let server: RawHTTPServer
        let connection: Int
        var pending = ""

        init(server: RawHTTPServer, connection: Int) {
            self.server = server
            self.connection = connection
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            pending += String(buffer: unwrapInboundIn(data))
            while let end = pending.range(of: "\r\n\r\n") {
                let head = String(pending[..<end.upperBound])
                pending = String(pending[end.upperBound...])
                act(server.record(Request(connection: connection, head: head)), context: context)
            }
        }

        private func act(_ action: Action, context: ChannelHandlerContext) {
            let loopBound = NIOLoopBound(context, eventLoop: context.eventLoop)
            switch action {
            case .silent:
                break
            case .hangUp:
                context.close(promise: nil)
            case .answer(let bytes, let delay, let closeAfter):
                let send: @Sendable () -> Void = {
                    let context = loopBound.value
                    context.writeAndFlush(NIOAny(ByteBuffer(string: bytes)), promise: nil)
                    if let closeAfter {
                        context.eventLoop.scheduleTask(in: .milliseconds(Int64(closeAfter))) {
                            loopBound.value.close(promise: nil)
                        }
                    }
                }
                if delay > 0 {
                    context.eventLoop.scheduleTask(in: .milliseconds(Int64(delay))) { send() }
                } else {
                    send()
                }
            }
        }
    }
}
