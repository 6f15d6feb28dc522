import NIOCore

/// Opens a `CONNECT host:port` tunnel through an HTTP proxy: writes the request when added to
/// an active channel, reads the proxy's answer head, and completes `promise` — succeeded on a
/// 2XX (then it removes itself, and the channel carries the exchange's bytes), failed with a
/// ``HTTPTunnelFailure`` that says what the proxy did otherwise.
///
/// The proxy is as hostile as any server: its answer is capped at 16 KiB and must be a status
/// line and headers only; text from it is shown with control characters replaced.
final class HTTPTunnelHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    /// The largest CONNECT answer head accepted.
    static let maxAnswerBytes = 16 * 1024

    private let target: String
    private let authorization: String?
    private let promise: EventLoopPromise<Void>
    private var received: [UInt8] = []
    /// Bytes of `received` known to hold no CRLFCRLF start (a trickled answer is scanned once).
    private var scanned = 0
    private var done = false

    /// `target`: `host:port` of the exchange; `authorization`: the `Proxy-Authorization` value.
    init(target: String, authorization: String?, promise: EventLoopPromise<Void>) {
        self.target = target
        self.authorization = authorization
        self.promise = promise
    }

    /// The CONNECT request's bytes.
    static func request(target: String, authorization: String?) -> String {
        var text = "CONNECT \(target) HTTP/1.1\r\nHost: \(target)\r\n"
        if let authorization { text += "Proxy-Authorization: \(authorization)\r\n" }
        return text + "\r\n"
    }

    func handlerAdded(context: ChannelHandlerContext) {
        // Added after the channel went inactive, channelInactive never comes: fail now.
        guard context.channel.isActive else { return fail(.closed, context: context) }
        let bytes = Self.request(target: target, authorization: authorization)
        context.writeAndFlush(wrapOutboundOut(ByteBuffer(string: bytes)), promise: nil)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !done else { return }
        let buffer = unwrapInboundIn(data)
        received.append(contentsOf: buffer.readableBytesView)
        guard let end = Self.headEnd(received, from: scanned) else {
            scanned = max(0, received.count - 3)
            if received.count > Self.maxAnswerBytes { fail(.malformed("its answer to CONNECT exceeds 16 KiB"), context: context) }
            return
        }
        guard let (status, reason) = Self.statusLine(received[..<end]) else {
            fail(.malformed("its answer to CONNECT is not HTTP: '\(Self.printable(received.prefix(60)))'"), context: context)
            return
        }
        guard (200..<300).contains(status) else {
            fail(.refused(status: status, reason: reason), context: context)
            return
        }
        guard received.count == end + 4 else {
            // The exchange speaks only when asked; bytes now would be the proxy's, not the exchange's.
            fail(.malformed("it sent bytes after its answer to CONNECT"), context: context)
            return
        }
        done = true
        promise.succeed(())
        context.pipeline.syncOperations.removeHandler(context: context, promise: nil)
    }

    /// Removed before the answer (the channel closed or the pipeline was torn down): nothing else will complete `promise`.
    func handlerRemoved(context: ChannelHandlerContext) {
        guard !done else { return }
        done = true
        promise.fail(HTTPTunnelFailure.closed)
    }

    func channelInactive(context: ChannelHandlerContext) {
        fail(.closed, context: context)
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        fail(.error(HTTPTransport.reason(error)), context: context)
    }

    private func fail(_ failure: HTTPTunnelFailure, context: ChannelHandlerContext) {
        guard !done else { return }
        done = true
        promise.fail(failure)
        context.close(promise: nil)
    }

    /// The index of the CR of the first CRLFCRLF at or after `from`.
    private static func headEnd(_ bytes: [UInt8], from: Int) -> Int? {
        guard bytes.count >= 4, from <= bytes.count - 4 else { return nil }
        for index in from...(bytes.count - 4)
        where bytes[index] == 13 && bytes[index + 1] == 10 && bytes[index + 2] == 13 && bytes[index + 3] == 10 {
            return index
        }
        return nil
    }

    /// `HTTP/1.x NNN reason` → status and reason (printable).
    private static func statusLine(_ head: ArraySlice<UInt8>) -> (Int, String)? {
        let line = head.prefix { $0 != 13 }
        let text = String(decoding: line, as: UTF8.self)
        let parts = text.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count >= 2, parts[0] == "HTTP/1.1" || parts[0] == "HTTP/1.0", parts[1].count == 3,
            parts[1].utf8.allSatisfy({ (48...57).contains($0) }), let status = Int(parts[1])
        else { return nil }
        let reason = parts.count > 2 ? printable(Array(parts[2].utf8).prefix(80)) : ""
        return (status, reason)
    }

    private static func printable(_ bytes: some Collection<UInt8>) -> String {
        String(decoding: bytes.map { (32..<127).contains($0) ? $0 : UInt8(ascii: "?") }, as: UTF8.self)
    }
}

/// Why a CONNECT tunnel was not opened (the exchange was not reached; nothing was sent to it).
enum HTTPTunnelFailure: Error, Sendable, Hashable {
    /// The proxy answered CONNECT with a non-2XX status (407: credentials, 403: not allowed, 502: it could not reach the exchange).
    case refused(status: Int, reason: String)
    /// The proxy closed the connection before answering.
    case closed
    /// The answer is not an HTTP head the client can read.
    case malformed(String)
    /// The connection failed.
    case error(String)

    /// What the proxy did, in words, for "proxy host:port …"; `sentCredentials`: the CONNECT carried some.
    func detail(sentCredentials: Bool) -> String {
        switch self {
        case .refused(let status, let reason):
            let said = reason.isEmpty ? "\(status)" : "\(status) \(reason)"
            switch status {
            case 407 where sentCredentials: return "did not accept the credentials of the proxy URL (\(said))"
            case 407: return "asks for credentials (\(said)): put them in the proxy URL, http://user:password@host:port"
            case 403: return "does not allow the tunnel (\(said))"
            case 502, 503, 504: return "could not reach the exchange (\(said))"
            default: return "refused the tunnel (\(said))"
            }
        case .closed: return "closed the connection before answering CONNECT"
        case .malformed(let what): return what
        case .error(let what): return what
        }
    }
}
