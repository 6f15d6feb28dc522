import NIOCore

/// One keep-alive HTTP/1.1 connection: the only handler of its NIO channel, it writes a
/// request's bytes and parses the answer, one request at a time.
///
/// All mutable state is touched on the channel's event loop only (hence `@unchecked Sendable`).
/// The awaiting task gets exactly one ``Outcome`` per ``execute(_:timeout:completion:)``.
final class HTTP1Connection: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    /// How a request ended.
    enum Outcome: Sendable {
        case response(TransportResponse)
        /// The request certainly did not reach the server whole — the connection was closed
        /// before it was written, or writing it failed — so sending it again is safe.
        case notSent(String)
        /// It may have reached the server (or the answer was unusable).
        case failed(TransportError)
    }

    private struct InFlight {
        var completion: (Outcome) -> Void
        var parser = HTTP1ResponseParser()
        /// Every byte of the request is with the kernel.
        var written = false
        /// When the request times out: `timeoutAmount` after it was handed over.
        var deadline: NIODeadline
        var timeoutAmount: TimeAmount
    }

    let eventLoop: any EventLoop
    /// Called on the loop when the connection can take another request (after a keep-alive answer).
    private let onIdle: (HTTP1Connection) -> Void
    private var context: ChannelHandlerContext?
    private var closed = false
    private var inFlight: InFlight?
    /// The last error NIO reported, for the message when the connection then closes.
    private var lastError: (any Error)?
    /// When the connection last finished a request (for the pool's idle limit).
    private(set) var idleSince = NIODeadline.now()
    /// The connection's one timer, due at `timerDeadline`: no earlier than the deadline of a
    /// request that was in flight when it was set. A request does not schedule and cancel a
    /// timer of its own (with its allocations and the loop's heap, 2.5% of a cancel on the wire):
    /// when the timer fires it times out the request in flight if that one's deadline has come,
    /// and otherwise sets itself for that deadline. So a request still times out
    /// `timeoutAmount` after it was handed over, and an idle connection wakes at most once.
    private var timer: Scheduled<Void>?
    private var timerDeadline: NIODeadline?

    init(eventLoop: any EventLoop, onIdle: @escaping (HTTP1Connection) -> Void) {
        self.eventLoop = eventLoop
        self.onIdle = onIdle
    }

    /// Writes `request` and calls `completion` once with the outcome. A connection idle for
    /// longer than `idleLimit` is closed instead (``Outcome/notSent(_:)``). Call on the loop.
    func execute(
        _ request: ByteBuffer, timeout: TimeAmount, idleLimit: TimeAmount? = nil,
        completion: @escaping (Outcome) -> Void
    ) {
        eventLoop.preconditionInEventLoop()
        guard inFlight == nil else {
            completion(.notSent("the connection is busy"))
            return
        }
        guard let context, !closed, context.channel.isActive else {
            completion(.notSent(describeClose("the server had closed the connection")))
            return
        }
        if let idleLimit, NIODeadline.now() - idleSince > idleLimit {
            close()
            completion(.notSent("the connection was idle too long"))
            return
        }
        let flight = InFlight(completion: completion, deadline: .now() + timeout, timeoutAmount: timeout)
        inFlight = flight
        armTimer(for: flight.deadline)
        let written = eventLoop.makePromise(of: Void.self)
        written.futureResult.whenComplete { [self] result in
            switch result {
            case .success:
                inFlight?.written = true
            case .failure(let error):
                // The last byte never reached the kernel: the server cannot have the request.
                lastError = lastError ?? error
                finish(.notSent(describeClose("could not write the request")))
                close()
            }
        }
        context.writeAndFlush(wrapOutboundOut(request), promise: written)
    }

    /// Closes the connection; a request in flight fails as the close reports.
    func close() {
        guard !closed else { return }
        closed = true
        context?.close(promise: nil)
    }

    /// Makes sure the timer fires no later than `deadline`.
    private func armTimer(for deadline: NIODeadline) {
        if let timerDeadline, timerDeadline <= deadline { return }
        timer?.cancel()
        timerDeadline = deadline
        timer = eventLoop.scheduleTask(deadline: deadline) { [self] in timerFired() }
    }

    private func timerFired() {
        timer = nil
        timerDeadline = nil
        guard let flight = inFlight else { return }
        if NIODeadline.now() >= flight.deadline {
            timedOut()
        } else {
            armTimer(for: flight.deadline)
        }
    }

    private func cancelTimer() {
        timer?.cancel()
        timer = nil
        timerDeadline = nil
    }

    // MARK: - ChannelInboundHandler

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        self.context = nil
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let buffer = unwrapInboundIn(data)
        guard inFlight != nil else {
            // Bytes nobody asked for: the connection can no longer be trusted to frame answers.
            close()
            return
        }
        let parsed: HTTP1ResponseParser.Parsed?
        do {
            parsed = try buffer.withUnsafeReadableBytes { bytes throws(HTTP1ResponseParser.Malformed) in
                try inFlight!.parser.feed(bytes)
            }
        } catch {
            finish(.failed(.connectionLost("the answer is not valid HTTP/1.1: \(error.reason)")))
            close()
            return
        }
        guard let parsed else { return }
        if parsed.keepAlive {
            idleSince = .now()
            // Back in the pool before the caller resumes, so its next request finds it.
            finish(.response(parsed.response), idle: true)
        } else {
            finish(.response(parsed.response))
            close()
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        lastError = lastError ?? error
        close()
    }

    func channelInactive(context: ChannelHandlerContext) {
        closed = true
        cancelTimer()
        if var flight = inFlight {
            if flight.parser.hasStarted, let parsed = try? flight.parser.finish() {
                finish(.response(parsed.response))
            } else if flight.written {
                let what = flight.parser.hasStarted ? "in the middle of the answer" : "before answering"
                finish(.failed(.connectionLost(describeClose("the server closed the connection \(what)"))))
            } else {
                finish(.notSent(describeClose("the connection closed before the request was written")))
            }
        }
        context.fireChannelInactive()
    }

    // MARK: - Internals

    private func timedOut() {
        guard let flight = inFlight else { return }
        let within = Self.describe(flight.timeoutAmount)
        let detail = flight.parser.hasStarted ? "the answer did not complete within \(within)" : "no answer within \(within)"
        finish(.failed(.timedOut(detail)))
        close()
    }

    /// Ends the request in flight, once; `idle`: hands the connection back to the pool first.
    private func finish(_ outcome: Outcome, idle: Bool = false) {
        guard let flight = inFlight else { return }
        inFlight = nil
        if idle { onIdle(self) }
        flight.completion(outcome)
    }

    private func describeClose(_ what: String) -> String {
        guard let lastError else { return what }
        return "\(what): \(HTTPTransport.describe(lastError))"
    }

    static func describe(_ amount: TimeAmount) -> String {
        let milliseconds = amount.nanoseconds / 1_000_000
        return milliseconds % 1000 == 0 ? "\(milliseconds / 1000) s" : "\(milliseconds) ms"
    }
}
