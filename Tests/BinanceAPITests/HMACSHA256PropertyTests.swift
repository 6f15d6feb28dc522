import BNCTestSupport
import BinanceAPI
import Crypto
import Testing

/// The signer against swift-crypto's HMAC<SHA256> for random keys and payloads, on both
/// compression paths: key lengths around and beyond the 64-byte block (long keys are hashed
/// first), payload lengths 0...300 so the padding lands on every offset of a block, including
/// the 55/56-byte boundary where the length spills into an extra block.
@Suite struct HMACSHA256PropertyTests {
    static func reference(key: [UInt8], payload: [UInt8]) -> [UInt8] {
        Array(HMAC<SHA256>.authenticationCode(for: payload, using: SymmetricKey(data: key)))
    }

    @Test(
        "every payload length 0...300 under random keys",
        arguments: [HMACSHA256.Implementation.automatic, .portable])
    func everyPayloadLength(implementation: HMACSHA256.Implementation) {
        var random = SplitMix64(seed: 0x8BAD_F00D)
        let keyLengths = [0, 1, 20, 32, 55, 56, 63, 64, 65, 100, 128, 129, 200]
        for keyLength in keyLengths {
            let key = (0..<keyLength).map { _ in UInt8.random(in: 0...255, using: &random) }
            let hmac = HMACSHA256(key: key, implementation: implementation)
            for payloadLength in 0...300 {
                let payload = (0..<payloadLength).map { _ in UInt8.random(in: 0...255, using: &random) }
                let mac = hmac.mac(of: payload)
                #expect(
                    mac == Self.reference(key: key, payload: payload),
                    "key \(keyLength) bytes, payload \(payloadLength) bytes")
            }
        }
    }

    @Test(
        "random keys and query-like payloads, hex path",
        arguments: [HMACSHA256.Implementation.automatic, .portable])
    func randomQueries(implementation: HMACSHA256.Implementation) {
        var random = SplitMix64(seed: 0x5EED_1234)
        let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789=&%-_.~".utf8)
        for round in 0..<500 {
            let key = (0..<Int.random(in: 0...160, using: &random)).map { _ in
                UInt8.random(in: 0...255, using: &random)
            }
            let payload = String(
                decoding: (0..<Int.random(in: 0...300, using: &random)).map { _ in
                    alphabet.randomElement(using: &random)!
                }, as: UTF8.self)
            let expected = Self.reference(key: key, payload: Array(payload.utf8))
                .map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }
                .joined()
            #expect(
                HMACSHA256(key: key, implementation: implementation).hex(of: payload) == expected,
                "round \(round): key \(key.count) bytes, payload \(payload.utf8.count) bytes")
        }
    }

    /// One keyed value signs many payloads: the saved state must not be advanced by a call.
    @Test func keyedStateIsReusable() {
        let signer = RequestSigner(hmacSecret: "reuse-me")
        let key = SymmetricKey(data: Array("reuse-me".utf8))
        for length in [0, 1, 64, 119, 120, 130, 200] {
            let payload = String(repeating: "q", count: length)
            let first = signer.sign(payload).text
            let second = signer.sign(payload).text
            let expected = HMAC<SHA256>.authenticationCode(for: Array(payload.utf8), using: key)
                .map { String(format: "%02x", $0) }.joined()
            #expect(first == expected)
            #expect(second == expected)
        }
    }
}
