import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL

/// The simulated exchange as an HTTP/1.1 server (keep-alive) on a loopback address, for any
/// client: bnc, curl, python-binance.
///
/// `start` binds (port 0 picks a free port) and returns once the server listens; `stop` closes
/// the listener and every open connection.
public final class SimulatorServer: Sendable {
    /// The address it listens on.
    public let host: String
    /// The port it listens on (the chosen one when started with port 0).
    public let port: Int
    /// The exchange it serves.
    public let exchange: Exchange
    /// Whether it serves https (``SimulatorTLS``).
    public let tls: Bool
    private let channel: any Channel
    private let group: MultiThreadedEventLoopGroup

    private init(host: String, port: Int, exchange: Exchange, tls: Bool, channel: any Channel, group: MultiThreadedEventLoopGroup)
    {
        self.host = host
        self.port = port
        self.exchange = exchange
        self.tls = tls
        self.channel = channel
        self.group = group
    }

    /// `http://127.0.0.1:PORT`, or `https://…` with TLS.
    public var baseURL: String { "\(tls ? "https" : "http")://\(host):\(port)" }

    /// Starts serving `exchange` on `host:port` (port 0: any free port). `log` gets one line per
    /// judged request; `tls`: serve https with this identity (TLS in front of the same HTTP handler).
    public static func start(
        exchange: Exchange, host: String = "127.0.0.1", port: Int = 0, threads: Int = 2, tls: SimulatorTLS? = nil,
        log: (@Sendable (String) -> Void)? = nil
    ) async throws(SimulatorSetupError) -> SimulatorServer {
        guard (0...65_535).contains(port) else { throw .bind("port \(port) is out of range 0-65535") }
        let group = MultiThreadedEventLoopGroup(numberOfThreads: max(1, threads))
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(ChannelOptions.backlog, value: 256)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(ChannelOptions.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    // A failed handshake closes the connection before any request is read or logged.
                    if let tls { try channel.pipeline.syncOperations.addHandler(tls.handler()) }
                    // Timeouts watch raw bytes in front of the decoder and requests behind it.
                    let watches = exchange.configuration.connectionTimeouts.handlers()
                    try channel.pipeline.syncOperations.addHandler(watches.raw)
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
                    try channel.pipeline.syncOperations.addHandler(watches.requests)
                    try channel.pipeline.syncOperations.addHandler(SimulatorHTTPHandler(exchange: exchange, log: log))
                }
            }
        do {
            let channel = try await bootstrap.bind(host: host, port: port).get()
            let bound = channel.localAddress?.port ?? port
            return SimulatorServer(host: host, port: bound, exchange: exchange, tls: tls != nil, channel: channel, group: group)
        } catch {
            try? await group.shutdownGracefully()
            throw .bind("\(host):\(port): \(error)")
        }
    }

    /// Stops listening and closes every connection.
    public func stop() async {
        try? await channel.close()
        try? await group.shutdownGracefully()
    }
}
