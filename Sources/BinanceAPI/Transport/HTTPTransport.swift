import NIOCore
import NIOPosix
import NIOSSL

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Sends prepared requests over HTTP(S).
///
/// One path for http and https: a lean HTTP/1.1 keep-alive pool on one NIO event loop
/// (``HTTP1ConnectionPool``, per transport), where https adds TLS on the same channel
/// (``HTTPConnector``: chain and host name verified, SNI, TLS 1.2 or later) and a proxy adds a
/// CONNECT tunnel under it. A request costs one write and one read, and a task that prefers
/// ``preferredTaskExecutor`` never changes threads. Parameters go in the URL query for every
/// method (DELETE too); the API key goes in `X-MBX-APIKEY`. Redirects are not followed: a signed
/// request must reach the host it was meant for or fail.
///
/// Errors say whether the request may have reached the exchange: a failure before the request
/// was written (connect, proxy, TLS) is ``TransportError/connectFailed(_:)`` (nothing sent);
/// after it, ``TransportError/timedOut(_:)`` or ``TransportError/connectionLost(_:)`` (outcome unknown).
public final class HTTPTransport: Transport {
    /// How long to wait for a connection and for each read.
    public struct Timeouts: Sendable, Hashable {
        /// Connecting (TCP, the proxy's tunnel and TLS together).
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
    /// The proxy requests go through, if any.
    public let proxy: HTTPProxy?
    /// The CA roots an https connection trusts (read on the first https connection).
    public let trust: TLSTrust
    private let pool: HTTP1ConnectionPool

    /// The event loop of every connection, and an executor on it.
    static let plainEventLoop: any EventLoop = MultiThreadedEventLoopGroup.singleton.next()
    static let plainExecutor = EventLoopTaskExecutor(plainEventLoop)

    /// A transport to `baseURL` (`https://api.binance.com`, `http://127.0.0.1:8080`).
    /// `name` is what prompts show (`live`, or the URL); `trust`: the roots for https;
    /// `proxy`: an HTTP proxy to tunnel through (``HTTPProxy/resolve(host:https:profileProxy:environment:)``).
    public init(
        baseURL: String, name: String? = nil, timeouts: Timeouts = Timeouts(), trust: TLSTrust = .system,
        proxy: HTTPProxy? = nil
    ) throws(TransportError) {
        let base = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        guard let parts = Self.parse(base) else {
            throw .invalidEndpoint("'\(baseURL)' is not an http:// or https:// base URL like https://api.binance.com")
        }
        self.baseURL = base
        self.endpointName = name ?? base
        self.timeouts = timeouts
        self.proxy = proxy
        self.trust = trust
        let defaultPort = parts.tls ? 443 : 80
        let hostText = parts.host.contains(":") ? "[\(parts.host)]" : parts.host
        let endpoint = HTTP1ConnectionPool.Endpoint(
            host: parts.host, port: parts.port ?? defaultPort,
            hostHeader: parts.port == nil || parts.port == defaultPort ? hostText : "\(hostText):\(parts.port!)",
            pathPrefix: parts.path, tls: parts.tls)
        pool = HTTP1ConnectionPool(
            endpoint: endpoint, eventLoop: Self.plainEventLoop, connectTimeout: Self.timeAmount(timeouts.connect),
            readTimeout: Self.timeAmount(timeouts.read), tls: parts.tls ? TLSClientContext(trust: trust) : nil, proxy: proxy)
    }

    /// The scheme, host, port and path of a base URL; nil when it is not one.
    static func parse(_ base: String) -> (tls: Bool, host: String, port: Int?, path: String)? {
        guard base.hasPrefix("http://") || base.hasPrefix("https://"),
            let components = URLComponents(string: base), let host = components.host, !host.isEmpty,
            components.query == nil, components.fragment == nil, components.user == nil, components.password == nil,
            host.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F })
        else { return nil }
        if let port = components.port, !(1...65_535).contains(port) { return nil }
        // Foundation on Linux keeps an IPv6 literal's brackets ("[::1]"), on Darwin not; the
        // endpoint holds the bare address (NIO connects to it; Host and CONNECT add brackets).
        var bare = host
        if bare.hasPrefix("[") {
            guard bare.hasSuffix("]"), bare.count > 2 else { return nil }
            bare = String(bare.dropFirst().dropLast())
        }
        guard !bare.contains("[") && !bare.contains("]") else { return nil }
        return (base.hasPrefix("https://"), bare, components.port, components.percentEncodedPath)
    }

    /// An executor on the connections' event loop. A task that sends many requests runs
    /// fastest under `withTaskExecutorPreference` of it (no thread switch per answer), over
    /// http and https alike.
    public var preferredTaskExecutor: (any TaskExecutor)? { Self.plainExecutor }

    public nonisolated(nonsending) func send(_ request: PreparedRequest) async throws(TransportError) -> TransportResponse {
        try await pool.send(try HTTP1ConnectionPool.encode(request, endpoint: pool.endpoint))
    }

    public nonisolated(nonsending) func warmUp() async { await pool.warmUp() }

    /// The cause of a NIO or TLS failure in words, without NIO's address syntax
    /// (`connection refused`, `no connection within 5 s`, `cannot resolve the host name`).
    static func reason(_ error: any Error) -> String {
        if let error = error as? NIOConnectionError {
            if let first = error.connectionErrors.first { return reason(first.error) }
            if error.dnsAError != nil || error.dnsAAAAError != nil { return "cannot resolve the host name \(error.host)" }
            return "no address to connect to"
        }
        if let error = error as? ChannelError {
            switch error {
            case .connectTimeout(let amount): return "no connection within \(HTTP1Connection.describe(amount))"
            case .ioOnClosedChannel, .alreadyClosed, .eof: return "the connection was closed"
            default: return "\(error)"
            }
        }
        if let error = error as? IOError {
            return lowercasedFirst(String(cString: strerror(error.errnoCode)))
        }
        if let error = error as? NIOSSLError {
            switch error {
            case .uncleanShutdown: return "the server closed the TLS connection without a close_notify"
            case .handshakeFailed(let failure): return "TLS handshake failed (\(failure))"
            default: return "TLS: \(error)"
            }
        }
        if error is TLSClosed { return "the server closed the connection during the TLS handshake" }
        return String(describing: error)
    }

    /// A short description of a NIO error, for messages about a connection that closed.
    static func describe(_ error: any Error) -> String { reason(error) }

    private static func lowercasedFirst(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.lowercased() + text.dropFirst()
    }

    private static func timeAmount(_ duration: Duration) -> TimeAmount {
        let (seconds, attoseconds) = duration.components
        return .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}
