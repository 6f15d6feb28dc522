import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// Sends prepared requests over HTTP(S).
///
/// Plain `http://` goes through a lean HTTP/1.1 keep-alive pool on one NIO event loop
/// (``HTTP1ConnectionPool``, per transport): a request costs one write and one read, and a task
/// that prefers ``preferredTaskExecutor`` never changes threads. `https://` goes through
/// async-http-client: all such transports with the same timeouts share one `HTTPClient` (one
/// connection pool for the life of the process); TLS verifies the certificate chain.
/// Parameters go in the URL query for every method (DELETE too); the API key goes in
/// `X-MBX-APIKEY`. Redirects are not followed: a signed request must reach the host it was
/// meant for or fail.
///
/// Errors say whether the request may have reached the exchange: a failure before the request
/// head was handed to the socket is ``TransportError/connectFailed(_:)`` (nothing sent); after
/// it, ``TransportError/timedOut(_:)`` or ``TransportError/connectionLost(_:)`` (outcome unknown).
public final class HTTPTransport: Transport {
    /// How long to wait for a connection and for each read.
    public struct Timeouts: Sendable, Hashable {
        /// Connecting (TCP and TLS).
        public var connect: Duration
        /// Waiting for the answer once the request is sent.
        public var read: Duration

        public init(connect: Duration = .seconds(5), read: Duration = .seconds(10)) {
            self.connect = connect
            self.read = read
        }
    }

    public let endpointName: String
    public let baseURL: String
    public let timeouts: Timeouts
    private let backend: Backend

    private enum Backend: Sendable {
        case plain(HTTP1ConnectionPool)
        case tls(HTTPClient)
    }

    /// The event loop of every plain-http connection, and an executor on it.
    static let plainEventLoop: any EventLoop = MultiThreadedEventLoopGroup.singleton.next()
    static let plainExecutor = EventLoopTaskExecutor(plainEventLoop)

    /// A transport to `baseURL` (`https://api.binance.com`, `http://127.0.0.1:8080`).
    /// `name` is what prompts show (`live`, or the URL).
    public init(baseURL: String, name: String? = nil, timeouts: Timeouts = Timeouts()) throws(TransportError) {
        let base = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        guard base.hasPrefix("http://") || base.hasPrefix("https://"),
            let components = URLComponents(string: base), let host = components.host, !host.isEmpty,
            components.query == nil, components.fragment == nil
        else {
            throw .invalidEndpoint("'\(baseURL)' is not an http:// or https:// base URL like https://api.binance.com")
        }
        self.baseURL = base
        self.endpointName = name ?? base
        self.timeouts = timeouts
        if base.hasPrefix("https://") {
            backend = .tls(Self.sharedClient(for: timeouts))
        } else {
            let port = components.port ?? 80
            let hostText = host.contains(":") ? "[\(host)]" : host
            let endpoint = HTTP1ConnectionPool.Endpoint(
                host: host, port: port, hostHeader: port == 80 ? hostText : "\(hostText):\(port)",
                pathPrefix: components.percentEncodedPath)
            backend = .plain(
                HTTP1ConnectionPool(
                    endpoint: endpoint, eventLoop: Self.plainEventLoop, connectTimeout: Self.timeAmount(timeouts.connect),
                    readTimeout: Self.timeAmount(timeouts.read)))
        }
    }

    /// For plain http: an executor on the connections' event loop. A task that sends many
    /// requests runs fastest under `withTaskExecutorPreference` of it (no thread switch per
    /// answer); nil for https.
    public var preferredTaskExecutor: (any TaskExecutor)? {
        if case .plain = backend { return Self.plainExecutor }
        return nil
    }

    public func send(_ request: PreparedRequest) async throws(TransportError) -> TransportResponse {
        switch backend {
        case .plain(let pool):
            return try await pool.send(try HTTP1ConnectionPool.encode(request, endpoint: pool.endpoint))
        case .tls(let client):
            return try await send(request, client: client)
        }
    }

    private func send(_ request: PreparedRequest, client: HTTPClient) async throws(TransportError) -> TransportResponse {
        let url = request.url(baseURL: baseURL)
        var headers = HTTPHeaders()
        if let apiKey = request.apiKey { headers.add(name: "X-MBX-APIKEY", value: apiKey) }
        let httpRequest: HTTPClient.Request
        do {
            httpRequest = try HTTPClient.Request(url: url, method: Self.method(request.method), headers: headers)
        } catch {
            throw .invalidEndpoint("cannot build a request for \(baseURL)\(request.path): \(error)")
        }
        let collector = ResponseCollector()
        let deadline = NIODeadline.now() + Self.timeAmount(timeouts.connect + timeouts.read)
        do {
            return try await client.execute(request: httpRequest, delegate: collector, deadline: deadline)
                .futureResult.get()
        } catch {
            throw Self.transportError(error, requestSent: collector.requestSent)
        }
    }

    /// Classifies a failure by whether the request left the process.
    static func transportError(_ error: any Error, requestSent: Bool) -> TransportError {
        let detail = describe(error)
        guard requestSent else { return .connectFailed(detail) }
        if let error = error as? HTTPClientError, error == .readTimeout || error == .deadlineExceeded {
            return .timedOut(detail)
        }
        return .connectionLost(detail)
    }

    /// A short description of an AHC or NIO error.
    static func describe(_ error: any Error) -> String {
        if let error = error as? HTTPClientError {
            switch error {
            case .readTimeout: return "no answer within the read timeout"
            case .deadlineExceeded: return "no answer before the deadline"
            case .connectTimeout: return "connect timeout"
            case .remoteConnectionClosed: return "the server closed the connection"
            default: return error.shortDescription
            }
        }
        if let error = error as? NIOConnectionError {
            if let first = error.connectionErrors.first {
                return "\(first.target): \(describe(first.error))"
            }
            return error.dnsAAAAError.map { "DNS: \($0)" } ?? error.dnsAError.map { "DNS: \($0)" } ?? "\(error)"
        }
        if let error = error as? IOError {
            return String(cString: strerror(error.errnoCode))
        }
        return String(describing: error)
    }

    private static func method(_ method: HTTPMethod) -> NIOHTTP1.HTTPMethod {
        switch method {
        case .get: return .GET
        case .post: return .POST
        case .put: return .PUT
        case .delete: return .DELETE
        }
    }

    private static func timeAmount(_ duration: Duration) -> TimeAmount {
        let (seconds, attoseconds) = duration.components
        return .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }

    // MARK: - The shared pool

    private static let clients = NSLock()
    nonisolated(unsafe) private static var clientsByTimeouts: [Timeouts: HTTPClient] = [:]

    /// One client per timeout setting for the life of the process (never shut down, like
    /// `HTTPClient.shared`), so every transport reuses its pooled connections.
    private static func sharedClient(for timeouts: Timeouts) -> HTTPClient {
        clients.withLock {
            if let client = clientsByTimeouts[timeouts] { return client }
            var pool = HTTPClient.Configuration.ConnectionPool(idleTimeout: .seconds(60))
            // A refused connection must fail now (nothing was sent), not be retried until the deadline.
            pool.retryConnectionEstablishment = false
            var configuration = HTTPClient.Configuration(
                redirectConfiguration: .disallow,
                timeout: .init(connect: timeAmount(timeouts.connect), read: timeAmount(timeouts.read)),
                connectionPool: pool)
            configuration.httpVersion = .automatic
            let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
            clientsByTimeouts[timeouts] = client
            return client
        }
    }
}

/// Collects one response, and remembers whether the request head was handed to the socket.
///
/// AHC calls the delegate on the request's event loop, one call at a time; the flag is also read
/// from the awaiting task after a failure, hence the lock.
private final class ResponseCollector: HTTPClientResponseDelegate, @unchecked Sendable {
    typealias Response = TransportResponse

    private let lock = NSLock()
    private var sent = false
    private var status = 0
    private var headers: [HTTPHeader] = []
    private var body: ByteBuffer?

    var requestSent: Bool { lock.withLock { sent } }

    func didSendRequestHead(task: HTTPClient.Task<TransportResponse>, _ head: HTTPRequestHead) {
        lock.withLock { sent = true }
    }

    func didReceiveHead(task: HTTPClient.Task<TransportResponse>, _ head: HTTPResponseHead) -> EventLoopFuture<Void> {
        status = Int(head.status.code)
        headers = head.headers.map { HTTPHeader($0.name, $0.value) }
        return task.eventLoop.makeSucceededVoidFuture()
    }

    func didReceiveBodyPart(task: HTTPClient.Task<TransportResponse>, _ buffer: ByteBuffer) -> EventLoopFuture<Void> {
        if body == nil {
            body = buffer
        } else {
            var incoming = buffer
            body!.writeBuffer(&incoming)
        }
        return task.eventLoop.makeSucceededVoidFuture()
    }

    func didFinishRequest(task: HTTPClient.Task<TransportResponse>) throws -> TransportResponse {
        TransportResponse(status: status, headers: headers, body: body.map { Array($0.readableBytesView) } ?? [])
    }
}
