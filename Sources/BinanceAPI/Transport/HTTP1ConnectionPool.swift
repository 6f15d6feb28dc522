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
    /// Written straight into the buffer that goes to the socket, with the signature appended to
    /// the query there (the bytes of ``PreparedRequest/urlQuery``) instead of a head `String`
    /// and a query string built first and copied.
    static func encode(_ request: PreparedRequest, endpoint: Endpoint) throws(TransportError) -> ByteBuffer {
        let query = request.query
        let signature = request.signature?.urlValue
        // The request line is split on spaces: the encoder percent-encodes, this makes sure
        // (the query's bytes are the query's, `&signature=` and the signature's).
        guard Self.isTarget(request.path), Self.isTarget(query), signature.map(Self.isTarget) ?? true else {
            throw .invalidEndpoint("the request path or query contains spaces or control characters")
        }
        let apiKey = request.apiKey
        // A line break in a header value would let it write further headers.
        if let apiKey, !Self.isHeaderValue(apiKey) {
            throw .invalidEndpoint("the API key contains control characters")
        }
        var head = ByteBufferAllocator().buffer(
            capacity: 240 + endpoint.pathPrefix.utf8.count + request.path.utf8.count + query.utf8.count
                + (signature?.utf8.count ?? 0) + endpoint.hostHeader.utf8.count + (apiKey?.utf8.count ?? 0))
        head.writeString(request.method.rawValue)
        head.writeStaticString(" ")
        head.writeString(endpoint.pathPrefix)
        head.writeString(request.path)
        if let signature {
            head.writeStaticString(query.isEmpty ? "?signature=" : "?")
            if !query.isEmpty {
                head.writeString(query)
                head.writeStaticString("&signature=")
            }
            head.writeString(signature)
        } else if !query.isEmpty {
            head.writeStaticString("?")
            head.writeString(query)
        }
        head.writeStaticString(" HTTP/1.1\r\nHost: ")
        head.writeString(endpoint.hostHeader)
        head.writeStaticString("\r\n")
        if let apiKey {
            head.writeStaticString("X-MBX-APIKEY: ")
            head.writeString(apiKey)
            head.writeStaticString("\r\n")
        }
        if request.method == .post || request.method == .put { head.writeStaticString("Content-Length: 0\r\n") }
        head.writeStaticString("\r\n")
        return head
    }

    /// No space, control character or DEL (the request line is split on spaces).
    private static func isTarget(_ text: String) -> Bool {
        let allowed = { (byte: UInt8) in byte > 0x20 && byte != 0x7F }
        return text.utf8.withContiguousStorageIfAvailable { $0.allSatisfy(allowed) } ?? text.utf8.allSatisfy(allowed)
    }

    /// No control character or DEL (a header value may hold spaces).
    private static func isHeaderValue(_ text: String) -> Bool {
        let allowed = { (byte: UInt8) in byte >= 0x20 && byte != 0x7F }
        return text.utf8.withContiguousStorageIfAvailable { $0.allSatisfy(allowed) } ?? text.utf8.allSatisfy(allowed)
    }
}
