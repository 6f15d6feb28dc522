import BNCTestSupport
import Testing

@testable import BinanceAPI

/// The dry run's JSON written straight into bytes (issue 18) against the object it replaces,
/// `dryRunJSON(baseURL:).serialized`, and the serialiser's whole-string fast path against the
/// scalar-by-scalar escaping it had: `--output json` must stay byte for byte what it was.
@Suite struct DryRunJSONFastPathTests {
    /// JSON string escaping as `JSONValue.writeString` did it before its fast path: scalar by scalar.
    static func referenceEscaped(_ text: String) -> String {
        var output = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "\u{08}": output += "\\b"
            case "\u{0C}": output += "\\f"
            case "\u{00}"..."\u{1F}":
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output + "\""
    }

    /// The dry-run object serialised with the reference escaping (keys in the object's order).
    static func referenceJSON(_ request: PreparedRequest, baseURL: String) -> String {
        guard case .object(let object) = request.dryRunJSON(baseURL: baseURL) else { return "" }
        let fields = object.pairs.map { pair -> String in
            let value: String
            switch pair.value {
            case .null: value = "null"
            case .number(let text): value = text
            case .string(let text): value = referenceEscaped(text)
            default: value = "?"
            }
            return referenceEscaped(pair.key) + ":" + value
        }
        return "{" + fields.joined(separator: ",") + "}"
    }

    /// Strings with every byte JSON escapes, printable ASCII including `"` and `\`, multi-byte
    /// scalars and grapheme clusters.
    static func randomText(_ generator: inout SplitMix64) -> String {
        let pieces: [String] =
            (0..<0x20).map { String(UnicodeScalar(UInt8($0))) } + [
                "\"", "\\", "/", "A", "z", "0", "=", "&", "%", " ", "\u{7F}", "\u{80}", "é", "e\u{301}", "币", "🙂", "\r\n"
            ]
        let length = Int(generator.next() % 40)
        var text = ""
        for _ in 0..<length { text += pieces[Int(generator.next() % UInt64(pieces.count))] }
        return text
    }

    @Test func writeStringEqualsTheScalarReference() {
        var generator = SplitMix64(seed: 18)
        var samples = (0..<0x80).map { String(UnicodeScalar(UInt8($0))) } + ["", "LTCBTC", "a\"b", "ключ", "\u{1F}x"]
        for _ in 0..<5_000 { samples.append(Self.randomText(&generator)) }
        for text in samples {
            var output = "x"
            JSONValue.writeString(text, to: &output)
            #expect(output == "x" + Self.referenceEscaped(text), "\(text.debugDescription)")
            #expect(JSONValue.needsEscaping(text) == (Self.referenceEscaped(text) != "\"" + text + "\""))
        }
    }

    @Test func dryRunJSONBytesEqualTheSerialisedObject() {
        var generator = SplitMix64(seed: 1818)
        let keys = [
            DemoCredentials.hmac.apiKey, "short", "", "exactly12chr", "thirteen-char", "ab\"d\\fghijklmn\"\\",
            "ключ-ключ-ключ-ключ", "ab\r\ncdefghijklmnop", "\u{1}\u{2}\u{3}\u{4}efghijklm\u{1F}\u{1F}\"\\",
            "🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂"
        ]
        let bases = [
            "https://api.binance.com", "https://api.binance.com/", "", "/", "http://x\u{600}/", "x/\u{301}",
            "http://\"quoted\"\\/", "http://a\tb\n/"
        ]
        for round in 0..<3_000 {
            let signature: Signature? =
                switch generator.next() % 4 {
                case 0: nil
                case 1: Signature(text: "c8db5682", keyType: .hmac)
                case 2: Signature(text: "ab+/=", keyType: .ed25519)
                default: Signature(text: "x==\"\\\u{1}", keyType: .rsa)
                }
            let parameters =
                generator.next() % 3 == 0
                ? []
                : [
                    QueryParameter("symbol", Bool.random(using: &generator) ? "LTCBTC" : Self.randomText(&generator)),
                    QueryParameter("isIsolated", ["TRUE", "true", "FALSE"][Int(generator.next() % 3)])
                ]
            // The query is taken raw half the time (not percent-encoded) so every escape reaches
            // the query and url fields too.
            let query =
                generator.next() % 2 == 0 ? CanonicalQuery(parameters).encoded : parameters.map(\.value).joined()
            let paths = ["/sapi/v1/margin/order", "/api/v3/time", "/sapi/v1/margin/\"x\"", Self.randomText(&generator)]
            let timestamps: [Int64?] = [1_499_827_319_559, nil, 0, Int64.max, -5]
            let request = PreparedRequest(
                title: round % 7 == 0 ? Self.randomText(&generator) : "margin cancel",
                method: [.delete, .get, .post][Int(generator.next() % 3)], path: paths[Int(generator.next() % 4)],
                query: query, signature: signature, timestamp: timestamps[Int(generator.next() % 5)],
                apiKey: generator.next() % 5 == 0 ? nil : keys[Int(generator.next() % UInt64(keys.count))],
                weight: RequestWeight(Int(generator.next() % 3000), generator.next() % 2 == 0 ? .ip : .uid),
                parameters: parameters)
            let base = bases[Int(generator.next() % UInt64(bases.count))]
            let expected = Self.referenceJSON(request, baseURL: base)
            #expect(request.dryRunJSON(baseURL: base).serialized == expected)
            let text = request.dryRunJSONText(baseURL: base)
            #expect(text == expected, "\(request)")
            #expect(text.utf8.count <= request.dryRunJSONCapacity(baseURL: base))
        }
    }

    @Test func theWordScanFindsTheFirstEscapedByteAsTheByteLoopDoes() {
        var generator = SplitMix64(seed: 0x18)
        // Mostly bytes that need nothing (printable ASCII and 0x80...0xFF), now and then one that does.
        for _ in 0..<20_000 {
            let length = Int(generator.next() % 70)
            let bytes: [UInt8] = (0..<length).map { _ in
                let draw = generator.next()
                if draw % 23 == 0 { return [0x00, 0x08, 0x0A, 0x1F, 0x22, 0x5C][Int(draw / 23 % 6)] }
                return draw % 3 == 0 ? UInt8(0x80 + draw / 3 % 0x80) : UInt8(0x20 + draw / 3 % 0x60)
            }
            let start = length == 0 ? 0 : Int(generator.next() % UInt64(length))
            let expected = bytes[start...].firstIndex(where: ByteWriter.isJSONEscaped) ?? bytes.count
            bytes.withUnsafeBufferPointer { buffer in
                #expect(ByteWriter.firstJSONEscape(in: buffer, from: start) == expected, "\(bytes) from \(start)")
            }
        }
        // Every byte value at every position of a 17-byte run of 'a'.
        for byte in UInt8.min...UInt8.max {
            for position in 0..<17 {
                var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 17)
                bytes[position] = byte
                bytes.withUnsafeBufferPointer { buffer in
                    let found = ByteWriter.firstJSONEscape(in: buffer, from: 0)
                    #expect(found == (ByteWriter.isJSONEscaped(byte) ? position : 17), "\(byte) at \(position)")
                }
            }
        }
    }

    @Test func aCancelsJSONLineIsTheAgreedOne() throws {
        let request = try RequestBuilder(credentials: DemoCredentials.hmac).prepare(
            CancelMarginOrder(symbol: "LTCBTC", isIsolated: true, orderId: 28), timestamp: 1_499_827_319_559)
        let signature = try #require(request.signature?.text)
        let query = "symbol=LTCBTC&isIsolated=TRUE&orderId=28&timestamp=1499827319559"
        #expect(
            request.dryRunJSONText(baseURL: "https://api.binance.com")
                == "{\"operation\":\"margin cancel\",\"method\":\"DELETE\",\"path\":\"/sapi/v1/margin/order\","
                + "\"query\":\"\(query)\",\"signature\":\"\(signature)\",\"keyType\":\"HMAC\","
                + "\"timestamp\":1499827319559,\"url\":\"https://api.binance.com/sapi/v1/margin/order?\(query)"
                + "&signature=\(signature)\",\"apiKey\":\"vmPU…Eh8A\",\"weight\":10,\"marginMode\":\"isolated\"}")
    }
}
