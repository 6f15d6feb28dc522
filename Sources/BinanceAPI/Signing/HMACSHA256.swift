import CHMACSHA256

/// HMAC-SHA256 with one key, the key's pad states absorbed once at set-up.
///
/// A signature then costs the compression of the payload's blocks plus one outer block, with no
/// allocation (the keyed state is a plain 68-byte value). On x86-64 CPUs with the SHA extensions
/// the compression uses them; ``Implementation/portable`` forces the portable C path, so tests
/// can check both paths on a machine that has the extensions.
///
/// The state is key-equivalent: its description and reflection are redacted.
public struct HMACSHA256: Sendable {
    /// Which SHA-256 compression function to use.
    public enum Implementation: Sendable, Hashable {
        /// The SHA extensions when the CPU has them, else portable C.
        case automatic
        /// Portable C, even on a CPU with the SHA extensions.
        case portable
    }

    private var key = bnc_hmac_sha256_key()

    /// The length of the MAC in bytes.
    public static let byteCount = 32
    /// The length of the MAC in lowercase hex characters.
    public static let hexCount = 64

    /// Absorbs `key` (any length; keys longer than 64 bytes are hashed first, per RFC 2104).
    public init<Key: Collection>(key secret: Key, implementation: Implementation = .automatic)
    where Key.Element == UInt8 {
        let allow: Int32 = implementation == .automatic ? 1 : 0
        let absorbed = secret.withContiguousStorageIfAvailable { bytes in
            bnc_hmac_sha256_key_init(&key, bytes.baseAddress, bytes.count, allow)
        }
        if absorbed == nil {
            let bytes = Array(secret)
            bytes.withUnsafeBufferPointer { bnc_hmac_sha256_key_init(&key, $0.baseAddress, $0.count, allow) }
        }
    }

    /// Whether the SHA extensions are in use for this key.
    public var isAccelerated: Bool { key.accelerated != 0 }

    /// Writes the 64 lowercase hex characters of the MAC of `payload` over the first ``hexCount``
    /// bytes of `hex` (a reused buffer; a trap when it is shorter). Allocates nothing.
    public func hex(of payload: Span<UInt8>, into hex: inout MutableSpan<UInt8>) {
        precondition(hex.count >= Self.hexCount, "HMACSHA256.hex needs 64 bytes of output")
        payload.withUnsafeBytes { payload in
            hex.withUnsafeMutableBytes { hex in self.hex(of: payload, into: hex) }
        }
    }

    /// ``hex(of:into:)`` on raw memory, for this module.
    func hex(of payload: UnsafeRawBufferPointer, into hex: UnsafeMutableRawBufferPointer) {
        precondition(hex.count >= Self.hexCount, "HMACSHA256.hex needs 64 bytes of output")
        withUnsafePointer(to: key) { key in
            bnc_hmac_sha256_hex(
                key, payload.baseAddress?.assumingMemoryBound(to: UInt8.self), payload.count,
                hex.baseAddress!.assumingMemoryBound(to: UInt8.self))
        }
    }

    /// The lowercase hex MAC of the UTF-8 bytes of `payload`; the only allocation is the string.
    public func hex(of payload: String) -> String {
        var payload = payload
        return payload.withUTF8 { bytes in
            String(unsafeUninitializedCapacity: Self.hexCount) { output in
                hex(of: UnsafeRawBufferPointer(bytes), into: UnsafeMutableRawBufferPointer(output))
                return Self.hexCount
            }
        }
    }

    /// The 32-byte MAC of `payload`.
    public func mac<Payload: Sequence>(of payload: Payload) -> [UInt8] where Payload.Element == UInt8 {
        let bytes = Array(payload)
        return [UInt8](unsafeUninitializedCapacity: Self.byteCount) { output, count in
            withUnsafePointer(to: key) { key in
                bytes.withUnsafeBufferPointer { input in
                    bnc_hmac_sha256(key, input.baseAddress, input.count, output.baseAddress!)
                }
            }
            count = Self.byteCount
        }
    }
}

extension HMACSHA256: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var description: String { "HMACSHA256(key redacted)" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: [:]) }
}
