import BNCTestSupport
import NIOCore
import Testing

@testable import BinanceAPI

/// The HTTP/1.1 request head written straight into a `ByteBuffer` (`HTTP1ConnectionPool.encode`)
/// against the `String` it was built as before: the same bytes, and the same refusals, on random
/// requests.
@Suite struct RequestEncodingTests {
    /// `encode` as it was: a `String` head with `urlQuery`, then one copy into a buffer.
    static func reference(_ request: PreparedRequest, endpoint: HTTP1ConnectionPool.Endpoint) throws(TransportError)
        -> [UInt8]
    {
        func isTarget(_ text: String) -> Bool { text.utf8.allSatisfy { $0 > 0x20 && $0 != 0x7F } }
        var head = ""
        head += request.method.rawValue
        head += " "
        head += endpoint.pathPrefix
        head += request.path
        let query = request.urlQuery
        guard isTarget(request.path), isTarget(query) else {
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
            guard apiKey.utf8.allSatisfy({ $0 >= 0x20 && $0 != 0x7F }) else {
                throw .invalidEndpoint("the API key contains control characters")
            }
            head += "X-MBX-APIKEY: "
            head += apiKey
            head += "\r\n"
        }
        if request.method == .post || request.method == .put { head += "Content-Length: 0\r\n" }
        head += "\r\n"
        return Array(head.utf8)
    }

    static let pieces = [
        "", "a", "symbol=LTCBTC", "orderId=28", "%20", " ", "\t", "\r\n", "\u{7F}", "\u{0}", "é", "币", "&", "=", "+", "/",
        "timestamp=1499827319559", "\u{85}", "x\u{301}", "~", "?", "#"
    ]

    static func text(_ generator: inout SplitMix64, clean: Bool) -> String {
        var text = ""
        for _ in 0..<generator.below(5) {
            let piece = generator.pick(pieces)
            if clean, piece.utf8.contains(where: { $0 <= 0x20 || $0 == 0x7F }) { continue }
            text += piece
        }
        return text
    }

    @Test func theBufferHoldsTheBytesTheStringHeld() throws {
        var generator = SplitMix64(seed: 0x5E9D_0000_0000_0018)
        let base = try RequestBuilder(credentials: DemoCredentials.hmac).prepare(
            CancelMarginOrder(symbol: "LTCBTC", orderId: 28), timestamp: 1_499_827_319_559)
        var refused = 0
        for _ in 0..<5_000 {
            var request = base
            let clean = generator.chance(70)
            request.method = generator.pick([.get, .post, .put, .delete])
            request.path = "/" + Self.text(&generator, clean: clean)
            request.query = Self.text(&generator, clean: clean)
            switch generator.below(4) {
            case 0: request.signature = nil
            case 1: request.signature = Signature(text: Self.text(&generator, clean: clean), keyType: .ed25519)
            default: break
            }
            if generator.chance(20) { request.apiKey = nil }
            if generator.chance(20) { request.apiKey = "key " + Self.text(&generator, clean: false) }
            let endpoint = HTTP1ConnectionPool.Endpoint(
                host: "127.0.0.1", port: 8080, hostHeader: generator.pick(["127.0.0.1:8080", "api.binance.com"]),
                pathPrefix: generator.pick(["", "/proxy"]))
            let expected = Result { () throws(TransportError) in try Self.reference(request, endpoint: endpoint) }
            let actual = Result { () throws(TransportError) in
                var buffer = try HTTP1ConnectionPool.encode(request, endpoint: endpoint)
                return buffer.readBytes(length: buffer.readableBytes) ?? []
            }
            switch (expected, actual) {
            case (.success(let reference), .success(let bytes)):
                #expect(bytes == reference, "\(String(decoding: reference, as: UTF8.self))")
            case (.failure(let reference), .failure(let error)):
                refused += 1
                #expect(error == reference)
            default:
                Issue.record("differs: \(expected) against \(actual) for \(request.path) ? \(request.query)")
            }
        }
        #expect(refused > 100)
    }
}
