import BNCTestSupport
import Crypto
import Foundation
import Testing

@testable import BinanceAPI

/// The session log's fingerprint of a signature, from the C SHA-256 (`bnc_sha256`), against
/// swift-crypto's SHA-256 it was computed with before: the same 64 hex digits for texts of every
/// length around the block boundaries, and for non-ASCII and control characters.
@Suite struct SignatureFingerprintTests {
    @Test func theFingerprintIsSwiftCryptosSHA256() {
        var generator = SplitMix64(seed: 0xF1A9_0000_0000_0018)
        var texts = ["", "a", String(repeating: "f", count: 64), String(repeating: "x", count: 55)]
        texts += (0..<2_000).map { _ in
            String((0..<generator.below(300)).map { _ in Character(UnicodeScalar(UInt8(0x20 + generator.below(95)))) })
        }
        texts += ["币安人生", "e\u{301}", "\u{0}\u{7F}"]
        for text in texts {
            let expected = SHA256.hash(data: Array(text.utf8)).map { String(format: "%02x", $0) }.joined()
            #expect(Signature(text: text, keyType: .hmac).fingerprint == expected, "\(text)")
        }
    }
}
