import BNCTestSupport
import Testing

@testable import BinanceAPI

/// The hot path's byte loops (issue 8) against the plain, one-byte-at-a-time reference: the
/// canonical query is what gets signed, so the two must agree on every input.
extension String {
    fileprivate func leftPadded() -> String { count < 2 ? "0" + self : self }
}

@Suite struct EncodingFastPathTests {
    /// Strings mixing unreserved ASCII, reserved ASCII, controls, multi-byte scalars, combining
    /// marks and CR LF; short (inline) and long (heap) ones.
    static func randomString(_ generator: inout SplitMix64) -> String {
        let pieces: [String] = [
            "A", "z", "0", "9", "-", ".", "_", "~", " ", "&", "=", "+", "%", "/", "?", "#", "\u{0}", "\t", "\r\n",
            "é", "e\u{301}", "币", "安", "人生", "１", "🙂", "👩‍👩‍👧", "\u{7F}", "\u{80}", "LTCBTC", "1499827319559"
        ]
        let length = Int(generator.next() % 48)
        var text = ""
        for _ in 0..<length { text += pieces[Int(generator.next() % UInt64(pieces.count))] }
        return text
    }

    /// The reference: each byte on its own, the unreserved set by ranges.
    static func bytewise(_ value: String) -> String {
        var text = ""
        for byte in value.utf8 {
            text +=
                PercentEncoding.isUnreservedByRanges(byte)
                ? String(UnicodeScalar(byte)) : "%" + String(byte, radix: 16, uppercase: true).leftPadded()
        }
        return text
    }

    @Test func encodeEqualsTheBytewiseReferenceOnRandomStrings() {
        var generator = SplitMix64(seed: 8)
        for _ in 0..<5_000 {
            let value = Self.randomString(&generator)
            let expected = Self.bytewise(value)
            #expect(PercentEncoding.encode(value) == expected, "\(value.debugDescription)")
            var appended: [UInt8] = [UInt8(ascii: "x")]
            PercentEncoding.append(value, to: &appended)
            #expect(String(decoding: appended, as: UTF8.self) == "x" + expected, "\(value.debugDescription)")
            #expect(PercentEncoding.needsNoEscaping(value) == (expected == value))
        }
    }

    @Test func theUnreservedBitmaskEqualsTheRanges() {
        for byte in UInt8.min...UInt8.max {
            #expect(PercentEncoding.isUnreserved(byte) == PercentEncoding.isUnreservedByRanges(byte), "\(byte)")
        }
    }

    @Test func everySingleByteEncodesAsTheReference() {
        for scalar in 0...0x7F {
            let value = String(UnicodeScalar(UInt8(scalar)))
            #expect(PercentEncoding.encode(value) == Self.bytewise(value))
        }
        #expect(PercentEncoding.encode("a b") == "a%20b")
        #expect(PercentEncoding.encode("ü") == "%C3%BC")
    }

    @Test func canonicalQueryEqualsTheBytewiseReferenceOnRandomParameters() {
        var generator = SplitMix64(seed: 2026)
        for _ in 0..<2_000 {
            let count = Int(generator.next() % 7)
            let parameters = (0..<count).map { _ in
                QueryParameter(Self.randomString(&generator), Self.randomString(&generator))
            }
            let reference = parameters.map { Self.bytewise($0.name) + "=" + Self.bytewise($0.value) }.joined(separator: "&")
            #expect(CanonicalQuery(parameters).encoded == reference)
            #expect(CanonicalQuery.bytewise(parameters) == reference)
        }
        #expect(CanonicalQuery([]).encoded == "")
        #expect(CanonicalQuery([QueryParameter("", "")]).encoded == "=")
    }

    // MARK: - Dry-run text

    /// The dry-run text as it was built before it was rendered into bytes: lines joined.
    static func referenceText(_ request: PreparedRequest, baseURL: String) -> String {
        var facts = [request.title, "weight \(request.weight)"]
        if let marginMode = request.marginMode { facts.append(marginMode) }
        var lines = ["\(request.method.rawValue) \(request.path)  (\(facts.joined(separator: ", ")))"]
        lines.append("  query      \(request.query)")
        if let signature = request.signature {
            let scheme = signature.keyType == .hmac ? "HMAC-SHA256, hex" : "\(signature.keyType.rawValue), base64"
            lines.append("  signature  \(signature.text)  (\(scheme))")
        }
        lines.append("  url        \(request.url(baseURL: baseURL))")
        if let apiKey = request.apiKey {
            lines.append("  header     X-MBX-APIKEY: \(Credentials.mask(apiKey))")
        }
        return lines.joined(separator: "\n")
    }

    @Test func dryRunTextEqualsTheLineByLineReference() throws {
        var generator = SplitMix64(seed: 42)
        let keys = [
            DemoCredentials.hmac.apiKey, "short", "", "exactly12chr", "thirteen-char", "ключ-ключ-ключ-ключ",
            "ab\r\ncdefghijklmnop", "e\u{301}e\u{301}e\u{301}e\u{301}e\u{301}e\u{301}e\u{301}", "🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂"
        ]
        let bases = ["https://api.binance.com", "https://api.binance.com/", "", "/", "http://x\u{600}/", "x/\u{301}"]
        for _ in 0..<500 {
            let symbol = Bool.random(using: &generator) ? "LTCBTC" : Self.randomString(&generator)
            let signature: Signature? =
                switch generator.next() % 4 {
                case 0: nil
                case 1: Signature(text: "c8db5682", keyType: .hmac)
                case 2: Signature(text: "ab+/=", keyType: .ed25519)
                default: Signature(text: "x==", keyType: .rsa)
                }
            let parameters =
                generator.next() % 3 == 0
                ? []
                : [
                    QueryParameter("symbol", symbol),
                    QueryParameter("isIsolated", ["TRUE", "true", "FALSE"][Int(generator.next() % 3)])
                ]
            let path = generator.next() % 2 == 0 ? "/sapi/v1/margin/order" : "/api/v3/time"
            let request = PreparedRequest(
                title: "margin cancel", method: .delete, path: path, query: CanonicalQuery(parameters).encoded,
                signature: signature, timestamp: 1_499_827_319_559,
                apiKey: generator.next() % 5 == 0 ? nil : keys[Int(generator.next() % UInt64(keys.count))],
                weight: RequestWeight(Int(generator.next() % 3000), generator.next() % 2 == 0 ? .ip : .uid),
                parameters: parameters)
            let base = bases[Int(generator.next() % UInt64(bases.count))]
            #expect(request.dryRunText(baseURL: base) == Self.referenceText(request, baseURL: base))
            var bytes = Array("prefix".utf8)
            request.appendDryRunText(baseURL: base, to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == "prefix" + Self.referenceText(request, baseURL: base))
        }
    }

    @Test func maskedKeyEqualsCredentialsMask() {
        var generator = SplitMix64(seed: 7)
        for _ in 0..<2_000 {
            let key = Self.randomString(&generator)
            var bytes: [UInt8] = []
            PreparedRequest.appendMasked(key, to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == Credentials.mask(key), "\(key.debugDescription)")
        }
    }

    @Test func marginPrefixOnBytesEqualsStartsWith() {
        let paths = [
            "/sapi/v1/margin/order", "/sapi/v1/margin/", "/sapi/v1/margin", "/sapi/v1/margin/openOrders", "/api/v3/time",
            "", "/sapi/v1/marginx/", "/SAPI/v1/margin/order", "/sapi/v1/margin/\u{301}", "/sapi/v1/margin/币"
        ]
        for path in paths {
            #expect(PreparedRequest.hasMarginPrefix(path) == path.utf8.starts(with: "/sapi/v1/margin/".utf8), "\(path)")
        }
    }

    @Test func decimalDigitsOfWeights() {
        for value in [0, 1, 9, 10, 99, 100, 12_345, Int.max, -1, -250, Int.min] {
            var bytes = [UInt8](repeating: 0, count: 24)
            let count = bytes.withUnsafeMutableBufferPointer { buffer in
                var writer = ByteWriter(base: buffer.baseAddress!)
                writer.writeDecimal(value)
                return writer.count
            }
            #expect(String(decoding: bytes.prefix(count), as: UTF8.self) == String(value))
        }
    }

    @Test func preparedCancelIsUnchangedByTheFastPaths() throws {
        let builder = RequestBuilder(credentials: DemoCredentials.hmac, recvWindow: 5000)
        let request = try builder.prepare(
            CancelMarginOrder(symbol: "LTCBTC", isIsolated: true, orderId: 28, newClientOrderId: "a:b/c"),
            timestamp: 1_499_827_319_559)
        #expect(
            request.query
                == "symbol=LTCBTC&isIsolated=TRUE&orderId=28&newClientOrderId=a%3Ab%2Fc&recvWindow=5000&timestamp=1499827319559")
        #expect(request.query == CanonicalQuery.bytewise(request.parameters))
    }
}
