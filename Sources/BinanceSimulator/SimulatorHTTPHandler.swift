import BinanceAPI
import NIOCore
import NIOHTTP1

/// Serves one HTTP/1.1 connection: collects a request, lets the ``Exchange`` judge it, and writes
/// the answer (after any injected latency), or closes the connection for an injected drop.
///
/// NIO's pipelining assistance hands it one request at a time, so responses stay in order on a
/// keep-alive connection even when one of them is delayed.
final class SimulatorHTTPHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    /// Bodies larger than this are refused: the exchange's requests are small.
    static let maximumBodyBytes = 64 * 1024

    private let exchange: Exchange
    private let log: (@Sendable (String) -> Void)?
    private var head: HTTPRequestHead?
    private var body: [UInt8] = []
    private var bodyTooLarge = false

    init(exchange: Exchange, log: (@Sendable (String) -> Void)?) {
        self.exchange = exchange
        self.log = log
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            self.head = head
            body.removeAll(keepingCapacity: true)
            bodyTooLarge = false
        case .body(let buffer):
            if body.count + buffer.readableBytes > Self.maximumBodyBytes {
                bodyTooLarge = true
            } else {
                body.append(contentsOf: buffer.readableBytesView)
            }
        case .end:
            guard let head else { return }
            self.head = nil
            if bodyTooLarge {
                let text = Array("{\"code\":-1000,\"msg\":\"Request body too large.\"}".utf8)
                write(
                    SimulatorResponse(
                        status: 413, headers: [HTTPHeader("Content-Type", "application/json;charset=UTF-8")],
                        body: text, verdict: Verdict(outcome: .rejected, status: 413, detail: "body too large")),
                    for: head, keepAlive: false, context: context)
                return
            }
            let (path, query) = Self.split(head.uri)
            let client = context.channel.remoteAddress?.ipAddress ?? "unknown"
            var headers: [HTTPHeader] = []
            headers.reserveCapacity(head.headers.count)
            for (name, value) in head.headers { headers.append(HTTPHeader(name, value)) }
            let request = SimulatorRequest(
                method: head.method.rawValue, path: path, query: query, headers: headers, body: body, client: client)
            let response = exchange.handle(request)
            log?(response.verdict.logLine(method: request.method, path: path, client: client))
            if response.delayMilliseconds > 0 {
                let bound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
                context.eventLoop.scheduleTask(in: .milliseconds(Int64(response.delayMilliseconds))) {
                    let (handler, context) = bound.value
                    guard context.channel.isActive else { return }
                    handler.deliver(response, for: head, context: context)
                }
            } else {
                deliver(response, for: head, context: context)
            }
        }
    }

    private func deliver(_ response: SimulatorResponse, for head: HTTPRequestHead, context: ChannelHandlerContext) {
        if response.delivery == .drop {
            context.close(promise: nil)
            return
        }
        write(response, for: head, keepAlive: head.isKeepAlive, context: context)
    }

    private func write(
        _ response: SimulatorResponse, for head: HTTPRequestHead, keepAlive: Bool, context: ChannelHandlerContext
    ) {
        var headers = HTTPHeaders()
        for header in response.headers { headers.add(name: header.name, value: header.value) }
        headers.add(name: "Content-Length", value: String(response.body.count))
        headers.add(name: "Connection", value: keepAlive ? "keep-alive" : "close")
        let responseHead = HTTPResponseHead(
            version: head.version, status: HTTPResponseStatus(statusCode: response.status), headers: headers)
        context.write(wrapOutboundOut(.head(responseHead)), promise: nil)
        var buffer = context.channel.allocator.buffer(capacity: response.body.count)
        buffer.writeBytes(response.body)
        context.write(wrapOutboundOut(.body(.byteBuffer(buffer))), promise: nil)
        let written = context.writeAndFlush(wrapOutboundOut(.end(nil)))
        if !keepAlive {
            let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
            written.whenComplete { _ in bound.value.close(promise: nil) }
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        // A malformed request line or a reset connection: nothing to answer, close it.
        context.close(promise: nil)
    }

    /// Splits a request target into the path and the raw query bytes, untouched. An
    /// absolute-form target (`http://host/path?...`) loses its scheme and host.
    static func split(_ uri: String) -> (String, [UInt8]) {
        var bytes = Array(uri.utf8)
        if bytes.starts(with: Array("http://".utf8)) || bytes.starts(with: Array("https://".utf8)) {
            let afterScheme = bytes.firstIndex(of: UInt8(ascii: ":"))! + 3
            if let slash = bytes[afterScheme...].firstIndex(of: UInt8(ascii: "/")) {
                bytes = Array(bytes[slash...])
            } else {
                bytes = Array("/".utf8) + Array(bytes[afterScheme...].drop { $0 != UInt8(ascii: "?") })
            }
        }
        guard let mark = bytes.firstIndex(of: UInt8(ascii: "?")) else {
            return (String(decoding: bytes, as: UTF8.self), [])
        }
        return (String(decoding: bytes[..<mark], as: UTF8.self), Array(bytes[(mark + 1)...]))
    }
}
