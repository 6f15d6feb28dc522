/// Carries a prepared request to an exchange and returns what came back.
///
/// Three implementations: the HTTP transport (live or any URL), the in-process simulator, and
/// test doubles. A transport never retries and never interprets the body; the client does.
public protocol Transport: Sendable {
    /// A name for prompts and logs: `sim`, `live`, or the base URL.
    var endpointName: String { get }
    /// The base URL requests are shown against (`https://api.binance.com`).
    var baseURL: String { get }
    /// Sends `request` (parameters in the URL query, `X-MBX-APIKEY` header when it has a key).
    ///
    /// It runs on the caller's executor (`nonisolated(nonsending)`), so the client's actor does
    /// not hop off and back for it; an implementation that is not `nonisolated(nonsending)`
    /// still runs where it declares.
    nonisolated(nonsending) func send(_ request: PreparedRequest) async throws(TransportError) -> TransportResponse
    /// An executor that a task sending through this transport should prefer, so that answers
    /// resume it without a thread switch; nil when any will do.
    var preferredTaskExecutor: (any TaskExecutor)? { get }
    /// Makes ready what the next ``send(_:)`` needs before anything is stamped (a connection,
    /// its tunnel and TLS handshake), so the time a request is signed is close to the time it
    /// leaves. Never throws: a failure is reported by the send that follows. On the caller's
    /// executor, like ``send(_:)``.
    nonisolated(nonsending) func warmUp() async
}

extension Transport {
    public var preferredTaskExecutor: (any TaskExecutor)? { nil }
    /// Nothing to make ready (in-process transports, test doubles).
    public nonisolated(nonsending) func warmUp() async {}
}

/// What the exchange answered: status, headers and the raw body.
public struct TransportResponse: Sendable, Hashable {
    public var status: Int
    /// Headers in received order; names as received.
    public var headers: [HTTPHeader]
    public var body: [UInt8]

    public init(status: Int, headers: [HTTPHeader], body: [UInt8]) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// The first header named `name`, compared case-insensitively (ASCII, as HTTP names are).
    public func header(_ name: String) -> String? {
        headers.first { HTTPHeader.namesEqual($0.name, name) }?.value
    }
}

/// One HTTP header.
public struct HTTPHeader: Sendable, Hashable, Codable {
    public var name: String
    public var value: String

    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }

    /// Whether two header names are equal ignoring ASCII case, without allocating.
    static func namesEqual(_ left: String, _ right: String) -> Bool {
        hasPrefix(left, right, exactly: true)
    }

    /// Whether `name` starts with `prefix` ignoring ASCII case (or equals it, with `exactly`).
    static func hasPrefix(_ name: String, _ prefix: String, exactly: Bool = false) -> Bool {
        var names = name.utf8.makeIterator()
        for expected in prefix.utf8 {
            guard let byte = names.next(), lowered(byte) == lowered(expected) else { return false }
        }
        return !exactly || names.next() == nil
    }

    @inline(__always)
    private static func lowered(_ byte: UInt8) -> UInt8 {
        (65...90).contains(byte) ? byte | 0x20 : byte
    }
}

/// A request that did not get a response.
public enum TransportError: Error, Sendable, Hashable {
    /// Nothing was sent: the connection could not be made (TCP, the proxy's tunnel, TLS), or
    /// the request certainly was not written. The text says which step failed and why.
    case connectFailed(String)
    /// The request may have reached the exchange, but no complete response arrived in time.
    case timedOut(String)
    /// The connection closed after the request was written: the outcome is unknown.
    case connectionLost(String)
    /// The endpoint URL is not usable.
    case invalidEndpoint(String)

    /// Whether the exchange may have acted on the request.
    public var outcomeUnknown: Bool {
        switch self {
        case .timedOut, .connectionLost: return true
        case .connectFailed, .invalidEndpoint: return false
        }
    }

    /// What happened, in one line.
    public var message: String {
        switch self {
        case .connectFailed(let detail): return "not sent: \(detail)"
        case .timedOut(let detail): return "timed out: \(detail)"
        case .connectionLost(let detail): return "connection lost: \(detail)"
        case .invalidEndpoint(let detail): return "invalid endpoint: \(detail)"
        }
    }
}
