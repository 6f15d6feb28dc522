import BinanceAPI

/// One HTTP request as the exchange receives it: nothing decoded, nothing re-encoded.
///
/// The query is kept as the raw bytes after `?` because the exchange verifies the signature over
/// exactly those bytes; a simulator that parsed and re-encoded them would accept requests the
/// exchange rejects.
public struct SimulatorRequest: Sendable {
    /// The method as received (`DELETE`).
    public var method: String
    /// The path without the query (`/sapi/v1/margin/order`).
    public var path: String
    /// The raw query bytes after `?`, as received (percent-escapes intact); empty when none.
    public var query: [UInt8]
    /// Headers in received order.
    public var headers: [HTTPHeader]
    /// The raw body bytes.
    public var body: [UInt8]
    /// Who sent it (the peer's IP address): request weight is counted per client.
    public var client: String

    public init(
        method: String, path: String, query: [UInt8], headers: [HTTPHeader] = [], body: [UInt8] = [],
        client: String = "127.0.0.1"
    ) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
        self.client = client
    }

    /// A request from a URL target such as `/sapi/v1/margin/order?symbol=LTCBTC&...`.
    public init(
        method: String, target: String, headers: [HTTPHeader] = [], body: [UInt8] = [], client: String = "127.0.0.1"
    ) {
        let bytes = Array(target.utf8)
        if let mark = bytes.firstIndex(of: UInt8(ascii: "?")) {
            self.init(
                method: method, path: String(decoding: bytes[..<mark], as: UTF8.self),
                query: Array(bytes[(mark + 1)...]), headers: headers, body: body, client: client)
        } else {
            self.init(method: method, path: target, query: [], headers: headers, body: body, client: client)
        }
    }

    /// The value of the first header named `name` (ASCII case-insensitive).
    public func header(_ name: String) -> String? {
        headers.first { $0.name.utf8.count == name.utf8.count && Self.equalsIgnoringCase($0.name, name) }?.value
    }

    static func equalsIgnoringCase(_ a: String, _ b: String) -> Bool {
        a.utf8.elementsEqual(b.utf8) { x, y in
            let lx = (x >= 0x41 && x <= 0x5A) ? x | 0x20 : x
            let ly = (y >= 0x41 && y <= 0x5A) ? y | 0x20 : y
            return lx == ly
        }
    }
}

/// What the simulated exchange does with a request.
public struct SimulatorResponse: Sendable {
    /// How the answer leaves the server.
    public enum Delivery: Sendable, Hashable {
        /// Send the status, headers and body.
        case respond
        /// Close the connection without a response (an injected dropped connection).
        case drop
    }

    public var status: Int
    public var headers: [HTTPHeader]
    public var body: [UInt8]
    public var delivery: Delivery
    /// Added latency to wait before answering (an injected fault), in milliseconds.
    public var delayMilliseconds: Int
    /// What the exchange decided, for the request log.
    public var verdict: Verdict

    public init(
        status: Int, headers: [HTTPHeader], body: [UInt8], delivery: Delivery = .respond, delayMilliseconds: Int = 0,
        verdict: Verdict
    ) {
        self.status = status
        self.headers = headers
        self.body = body
        self.delivery = delivery
        self.delayMilliseconds = delayMilliseconds
        self.verdict = verdict
    }

    /// The body as text (for tests and logs).
    public var bodyText: String { String(decoding: body, as: UTF8.self) }

    /// The first header named `name` (case-insensitive).
    public func header(_ name: String) -> String? {
        headers.first { SimulatorRequest.equalsIgnoringCase($0.name, name) }?.value
    }
}
