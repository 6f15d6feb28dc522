import BinanceAPI
import Foundation
import Testing

/// Known-answer tests for the HMAC-SHA256 signer, on both compression paths.
@Suite struct HMACSHA256VectorTests {
    /// RFC 4231 section 4: key, data, HMAC-SHA-256 (test case 5 is truncated to 128 bits).
    static let rfc4231: [(name: String, key: [UInt8], data: [UInt8], mac: String)] = [
        (
            "1", [UInt8](repeating: 0x0b, count: 20), Array("Hi There".utf8),
            "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"
        ),
        (
            "2", Array("Jefe".utf8), Array("what do ya want for nothing?".utf8),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        ),
        (
            "3", [UInt8](repeating: 0xaa, count: 20), [UInt8](repeating: 0xdd, count: 50),
            "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"
        ),
        (
            "4", Array(1...25), [UInt8](repeating: 0xcd, count: 50),
            "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"
        ),
        (
            "5", [UInt8](repeating: 0x0c, count: 20), Array("Test With Truncation".utf8),
            "a3b6167473100ee06e0c796c2955552b"
        ),
        (
            "6", [UInt8](repeating: 0xaa, count: 131),
            Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8),
            "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"
        ),
        (
            "7", [UInt8](repeating: 0xaa, count: 131),
            Array(
                ("This is a test using a larger than block-size key and a larger than block-size data. "
                    + "The key needs to be hashed before being used by the HMAC algorithm.").utf8),
            "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"
        )
    ]

    static let implementations: [HMACSHA256.Implementation] = [.automatic, .portable]

    @Test("RFC 4231 test cases", arguments: implementations)
    func rfc4231Vectors(implementation: HMACSHA256.Implementation) {
        for vector in Self.rfc4231 {
            let hmac = HMACSHA256(key: vector.key, implementation: implementation)
            let mac = hmac.mac(of: vector.data).map { String(format: "%02x", $0) }.joined()
            #expect(mac.hasPrefix(vector.mac), "RFC 4231 test case \(vector.name)")
            var hex = [UInt8](repeating: 0, count: 64)
            var output = hex.mutableSpan
            hmac.hex(of: vector.data.span, into: &output)
            #expect(String(decoding: hex, as: UTF8.self) == mac, "hex path, test case \(vector.name)")
        }
    }

    /// The example in Binance's "SIGNED endpoint examples for POST /api/v3/order".
    @Test("Binance's documented HMAC example", arguments: implementations)
    func binanceExample(implementation: HMACSHA256.Implementation) {
        let secret = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j"
        let query =
            "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559"
        let expected = "c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71"
        #expect(HMACSHA256(key: secret.utf8, implementation: implementation).hex(of: query) == expected)
        if implementation == .automatic {
            let signature = RequestSigner(hmacSecret: secret).sign(query)
            #expect(signature.text == expected)
            #expect(signature.keyType == .hmac)
            #expect(signature.urlValue == expected)
        }
    }

    @Test func emptyKeyAndEmptyPayload() {
        // HMAC-SHA256 with an empty key of an empty message (a well-known value).
        let expected = "b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad"
        #expect(HMACSHA256(key: [UInt8]()).hex(of: "") == expected)
        #expect(HMACSHA256(key: [UInt8](), implementation: .portable).hex(of: "") == expected)
    }

    /// The fast path is chosen exactly when the CPU reports the SHA extensions, and `.portable`
    /// is honoured: otherwise the property tests would compare a path with itself.
    @Test func dispatchFollowsTheCPU() throws {
        #expect(HMACSHA256(key: [1, 2, 3], implementation: .portable).isAccelerated == false)
        #if os(Linux) && arch(x86_64)
            let cpuinfo = try String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)
            let flags = cpuinfo.split(separator: "\n").first { $0.hasPrefix("flags") } ?? ""
            let hasSHA = flags.split(separator: " ").contains("sha_ni")
            #expect(HMACSHA256(key: [1, 2, 3]).isAccelerated == hasSHA)
        #endif
    }

    /// The keyed state is key-equivalent, so it must not show up in logs or `dump`.
    @Test func keyedStateIsRedacted() {
        let hmac = HMACSHA256(key: Array("secret-secret".utf8))
        #expect(String(describing: hmac) == "HMACSHA256(key redacted)")
        #expect(String(reflecting: hmac) == "HMACSHA256(key redacted)")
        var dumped = ""
        dump(hmac, to: &dumped)
        let fieldsShown = ["inner", "outer", "key:", "accelerated"].filter { dumped.contains($0) }
        #expect(fieldsShown.isEmpty, "dump shows \(fieldsShown)")
        #expect(String(describing: RequestSigner(hmacSecret: "secret-secret")).contains("secret-secret") == false)
    }
}
