import CHMACSHA256
import Crypto
import Testing

/// Key set-up leaves no key material on the stack (issue 13, item 9): the compression's message
/// schedule held the last pad block it absorbed (key XOR opad) after set-up returned — for a long
/// key, its digest XOR opad — and the SHA-extension path spilled it (debug builds, at least).
/// Set-up now runs the key through the portable compression only, which wipes its schedule.
@Suite(.serialized) struct HMACKeyWipeTests {
    static let shortKey: [UInt8] = Array("NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP".utf8)
    static let longKey: [UInt8] = Array("NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0jTAIL-OF-A-LONG-KEY".utf8)

    /// Whether key set-up from `secret` leaves `pattern` on the stack.
    static func leaves(_ pattern: [UInt8], after secret: [UInt8]) -> Bool {
        secret.withUnsafeBufferPointer { secret in
            pattern.withUnsafeBufferPointer { pattern in
                bnc_hmac_sha256_key_init_residue_for_testing(secret.baseAddress, secret.count, pattern.baseAddress, pattern.count)
            } == 1
        }
    }

    /// `key XOR 0x5c` (the outer pad, absorbed last) as the portable compression's schedule holds
    /// it: 32-bit words, loaded big-endian, stored in the machine's order.
    static func scheduleWords(_ key: [UInt8]) -> [UInt8] {
        var block = [UInt8](repeating: 0, count: 64)
        for (index, byte) in key.prefix(64).enumerated() { block[index] = byte }
        let pad = block.map { $0 ^ 0x5c }
        var words: [UInt8] = []
        for word in 0..<4 {
            let value =
                UInt32(pad[4 * word]) << 24 | UInt32(pad[4 * word + 1]) << 16 | UInt32(pad[4 * word + 2]) << 8
                | UInt32(pad[4 * word + 3])
            withUnsafeBytes(of: value) { words += $0 }
        }
        return words
    }

    @Test func theInnerPadIsNotLeftInTheSchedule() {
        #expect(!Self.leaves(Self.scheduleWords(Self.shortKey), after: Self.shortKey))
    }

    @Test func aLongKeysDigestIsNotLeftInTheSchedule() {
        let digest = Array(SHA256.hash(data: Self.longKey))
        #expect(!Self.leaves(Self.scheduleWords(digest), after: Self.longKey))
        #expect(!Self.leaves(Array(Self.longKey.suffix(Self.longKey.count - 64)), after: Self.longKey))
    }
}
