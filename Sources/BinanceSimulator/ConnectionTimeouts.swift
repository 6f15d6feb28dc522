import NIOCore
import NIOHTTP1

/// How long the simulator's server waits on a client before closing its connection.
///
/// Without these a client that sends half a request head and goes quiet — or trickles one byte
/// at a time — held a connection (and its buffers) open forever.
public struct ConnectionTimeouts: Sendable, Hashable {
    /// A request begun but not finished closes after this long without a byte (ms).
    public var readIdleMilliseconds: Int64 = 10_000
    /// A request (head and body) must arrive whole within this long of its first byte (ms).
    public var requestMilliseconds: Int64 = 30_000
    /// A connection with no request in progress and no answer pending closes after this long (ms).
    public var keepAliveIdleMilliseconds: Int64 = 120_000

    public init(
        readIdleMilliseconds: Int64 = 10_000, requestMilliseconds: Int64 = 30_000, keepAliveIdleMilliseconds: Int64 = 120_000
    ) {
        self.readIdleMilliseconds = max(1, readIdleMilliseconds)
        self.requestMilliseconds = max(1, requestMilliseconds)
        self.keepAliveIdleMilliseconds = max(1, keepAliveIdleMilliseconds)
    }

    /// The two handlers to add to a connection's pipeline: the first in front of the HTTP decoder
    /// (it sees raw bytes arrive), the second behind the HTTP codec (it sees where requests end
    /// and answers go out). They share one ``ConnectionClock``.
    func handlers() -> (raw: RawReadWatch, requests: RequestWatch) {
        let clock = ConnectionClock(timeouts: self)
        return (RawReadWatch(clock), RequestWatch(clock))
    }
}

/// The shared state of one connection's timeouts; touched only on its event loop.
final class ConnectionClock {
    let timeouts: ConnectionTimeouts
    /// When the first byte of the request being received arrived; nil between requests.
    var requestStarted: NIODeadline?
    /// The last time a byte arrived or an answer went out.
    var lastActivity = NIODeadline.now()
    /// Requests received whole and not yet answered: while one is, the client is not idle.
    var unanswered = 0
    var timer: RepeatedTask?

    init(timeouts: ConnectionTimeouts) {
        self.timeouts = timeouts
    }

    /// Why the connection should close at `now`, or nil.
    func expired(at now: NIODeadline) -> Bool {
        guard unanswered == 0 else { return false }
        if let requestStarted {
            return now - lastActivity >= .milliseconds(timeouts.readIdleMilliseconds)
                || now - requestStarted >= .milliseconds(timeouts.requestMilliseconds)
        }
        return now - lastActivity >= .milliseconds(timeouts.keepAliveIdleMilliseconds)
    }
}

/// In front of the HTTP decoder: notes when bytes arrive, and checks the deadlines.
final class RawReadWatch: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    private let clock: ConnectionClock

    init(_ clock: ConnectionClock) {
        self.clock = clock
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { start(context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        start(context)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        clock.timer?.cancel()
        clock.timer = nil
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        clock.timer?.cancel()
        clock.timer = nil
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let now = NIODeadline.now()
        if clock.requestStarted == nil, unwrapInboundIn(data).readableBytes > 0 { clock.requestStarted = now }
        clock.lastActivity = now
        context.fireChannelRead(data)
    }

    private func start(_ context: ChannelHandlerContext) {
        guard clock.timer == nil else { return }
        clock.lastActivity = .now()
        // Checked every quarter of the shortest timeout (at most each second): a close comes at
        // most that late, and an idle server does almost nothing.
        let shortest = min(clock.timeouts.readIdleMilliseconds, clock.timeouts.requestMilliseconds)
        let period = TimeAmount.milliseconds(max(1, min(1000, shortest / 4)))
        let bound = NIOLoopBound((clock, context), eventLoop: context.eventLoop)
        clock.timer = context.eventLoop.scheduleRepeatedTask(initialDelay: period, delay: period) { task in
            let (clock, context) = bound.value
            guard context.channel.isActive else {
                task.cancel()
                return
            }
            if clock.expired(at: .now()) {
                task.cancel()
                context.close(promise: nil)
            }
        }
    }
}

/// Behind the HTTP codec: a request's `.end` finishes it; an answer's `.end` restarts the clocks.
final class RequestWatch: ChannelDuplexHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart
    typealias OutboundIn = HTTPServerResponsePart
    typealias OutboundOut = HTTPServerResponsePart

    private let clock: ConnectionClock

    init(_ clock: ConnectionClock) {
        self.clock = clock
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if case .end = unwrapInboundIn(data) {
            clock.requestStarted = nil
            clock.unanswered += 1
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data) {
            clock.unanswered = max(0, clock.unanswered - 1)
            let now = NIODeadline.now()
            clock.lastActivity = now
            // A pipelined request held back while this answer was pending starts its clock now.
            if clock.requestStarted != nil { clock.requestStarted = now }
        }
        context.write(data, promise: promise)
    }
}
