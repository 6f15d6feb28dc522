import NIOCore
import NIOPosix
import Synchronization

/// Keep-alive HTTP/1.1 connections to one endpoint, http or https, all on one event loop: a
/// request takes an idle connection or opens one (``HTTPConnector``: TCP, a proxy's CONNECT
/// tunnel, TLS), so several requests can be in flight at once, each on its own connection,
/// none waiting for another. A TLS connection is kept like any other: one handshake serves a loop.
///
/// A request is sent again on a new connection only when it certainly did not reach the server
/// whole (a reused connection that the server had closed, or a write that failed): a DELETE
/// that may have arrived is never repeated; its error says the outcome is unknown.
final class HTTP1ConnectionPool: Sendable {
    /// Where requests go, from the base URL.
    struct Endpoint: Sendable, Hashable {
        var host: String
        var port: Int
        /// The `Host` header: the host, with the port unless it is the default.
        var hostHeader: String
        /// The base URL's path (e.g. `/proxy`), prefixed to every request path; may be empty.
        var pathPrefix: String
        /// `https`: TLS on every connection.
        var tls = false

        /// Whether the host is an IP address rather than a name.
        var isIPAddress: Bool {
            host.contains(":") || (!host.isEmpty && host.utf8.allSatisfy { $0 == UInt8(ascii: ".") || (48...57).contains($0) })
        }

        /// `host:port`, IPv6 in brackets: the CONNECT target and what messages show.
        var authority: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }
        var display: String { authority }
    }

    /// Connections idle for longer are closed rather than reused (servers close them about then).
    static let idleLimit = TimeAmount.seconds(50)
    /// At most this many idle connections are kept.
    static let maxIdle = 16

    let endpoint: Endpoint
    let eventLoop: any EventLoop
    let connectTimeout: TimeAmount
    let readTimeout: TimeAmount
    /// How new connections are opened.
    private let connector: HTTPConnector
    /// Idle connections, most recently used last.
    private let idle = Mutex<[HTTP1Connection]>([])
    /// A connect failure of ``warmUp()`` and until when (monotonic nanoseconds) the next send
    /// reports it instead of connecting again: one cause is not waited for twice.
    private let warmUpFailure = Mutex<(error: TransportError, until: UInt64)?>(nil)
    /// How long a failed warm-up stands for the send that follows it.
    static let warmUpFailureLifetime: UInt64 = 2_000_000_000

    /// `tls`: the TLS context for an https endpoint; `proxy`: the proxy to tunnel through.
    init(
        endpoint: Endpoint, eventLoop: any EventLoop, connectTimeout: TimeAmount, readTimeout: TimeAmount,
        tls: TLSClientContext? = nil, proxy: HTTPProxy? = nil
    ) {
        self.endpoint = endpoint
        self.eventLoop = eventLoop
        self.connectTimeout = connectTimeout
        self.readTimeout = readTimeout
        self.connector = HTTPConnector(endpoint: endpoint, proxy: proxy, tls: tls, eventLoop: eventLoop, timeout: connectTimeout)
    }

    deinit {
        for connection in idle.withLock({ $0 }) {
            connection.eventLoop.execute { connection.close() }
        }
    }

    /// Opens a connection (TCP, the proxy's CONNECT, TLS) when none is idle, so the request that
    /// follows is stamped and signed after the connection exists, not before: a slow handshake
    /// through a proxy would otherwise age its `timestamp` by up to the connect timeout. A failure
    /// is kept for the send that follows (``send(_:)`` reports it without connecting again).
    nonisolated(nonsending) func warmUp() async {
        guard idle.withLock({ $0.isEmpty }) else { return }
        do {
            release(try await connect())
        } catch {
            let until = NIODeadline.now().uptimeNanoseconds.addingReportingOverflow(Self.warmUpFailureLifetime)
            warmUpFailure.withLock { $0 = (error, until.overflow ? UInt64.max : until.partialValue) }
        }
    }

    /// Sends `request` (bytes from ``encode(_:endpoint:)``) and returns the answer.
    nonisolated(nonsending) func send(_ request: ByteBuffer) async throws(TransportError) -> TransportResponse {
        var attempts = 0
        while true {
            attempts += 1
            let reused: Bool
            let connection: HTTP1Connection
            if let taken = idle.withLock({ $0.popLast() }) {
                (connection, reused) = (taken, true)
            } else {
                let failed = warmUpFailure.withLock { failure in
                    defer { failure = nil }
                    return failure.flatMap { $0.until > NIODeadline.now().uptimeNanoseconds ? $0.error : nil }
                }
                if let failed { throw failed }
                (connection, reused) = (try await connect(), false)
            }
            switch await run(request, on: connection, reused: reused) {
            case .response(let response):
                return response
            case .failed(let error):
                throw error
            case .notSent(let detail):
                // Certainly not sent: a stale keep-alive connection is replaced; a new
                // connection that cannot take the request is a connect failure.
                guard reused, attempts <= Self.maxIdle + 1 else { throw .connectFailed(detail) }
            }
        }
    }

    /// The number of idle connections (tests).
    var idleCount: Int { idle.withLock { $0.count } }

    // MARK: - Connections

    private nonisolated(nonsending) func run(
        _ request: ByteBuffer, on connection: HTTP1Connection, reused: Bool
    ) async -> HTTP1Connection.Outcome {
        let timeout = readTimeout
        let idleLimit = reused ? Self.idleLimit : nil
        return await withUnsafeContinuation { continuation in
            if connection.eventLoop.inEventLoop {
                connection.execute(request, timeout: timeout, idleLimit: idleLimit) { continuation.resume(returning: $0) }
            } else {
                connection.eventLoop.execute {
                    connection.execute(request, timeout: timeout, idleLimit: idleLimit) { continuation.resume(returning: $0) }
                }
            }
        }
    }

    private func connect() async throws(TransportError) -> HTTP1Connection {
        // A connection that goes idle after the pool was freed is closed, not left open: the pool's
        // deinit closed only the idle ones it held. (No test: the pool is kept alive by the
        // awaiting send until onIdle has run, so this is a guard against a leak, not a seen one.)
        let connection = HTTP1Connection(eventLoop: eventLoop) { [weak self] connection in
            guard let self else { return connection.close() }
            self.release(connection)
        }
        try await connector.connect(connection)
        return connection
    }

    /// Takes back a connection that finished a request and may carry another.
    private func release(_ connection: HTTP1Connection) {
        let kept = idle.withLock { idle in
            guard idle.count < Self.maxIdle else { return false }
            idle.append(connection)
            return true
        }
        if !kept { connection.close() }
    }

    // MARK: - Requests

    /// The request's bytes: request line with the query (signature last), `Host`, the key header.
    static func encode(_ request: PreparedRequest, endpoint: Endpoint) throws(TransportError) -> ByteBuffer {
        var head = ""
        head.reserveCapacity(200 + request.query.utf8.count)
        head += request.method.rawValue
        head += " "
        head += endpoint.pathPrefix
        head += request.path
        let query = request.urlQuery
        // The request line is split on spaces: the encoder percent-encodes, this makes sure.
        guard Self.isTarget(request.path), Self.isTarget(query) else {
            throw .invalidEndpoint("the request path or query contains spaces or control characters")
        }
        if !query.isEmpty {
            head += "?"
            head += query
        }
        head += " HTTP/1.1\r\nHost: "
        head += endpoint.hostHeader
        head += "\r\n"
        if let apiKey = request.apiKey {
            // A line break in a header value would let it write further headers.
            guard apiKey.utf8.allSatisfy({ $0 >= 0x20 && $0 != 0x7F }) else {
                throw .invalidEndpoint("the API key contains control characters")
            }
            head += "X-MBX-APIKEY: "
            head += apiKey
            head += "\r\n"
        }
        if request.method == .post || request.method == .put { head += "Content-Length: 0\r\n" }
        head += "\r\n"
        return ByteBuffer(string: head)
    }

    private static func isTarget(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 > 0x20 && $0 != 0x7F }
    }
}
