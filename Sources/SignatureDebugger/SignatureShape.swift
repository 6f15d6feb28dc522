import BinanceAPI

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// What a signature's text looks like: its encoding and the number of bytes it carries, which
/// tells which kind of key made it (HMAC-SHA256: 32 bytes; Ed25519: 64; RSA: the modulus size).
package struct SignatureShape: Sendable, Hashable {
    /// The text encoding of a signature.
    package enum Encoding: String, Sendable, Hashable, Codable {
        case hex
        case base64
        /// Neither hex nor base64.
        case unknown
    }

    package var encoding: Encoding
    /// The signature's bytes, when the text decodes.
    package var bytes: [UInt8]?

    /// Reads `text`: hex when it is an even number of hex digits (either case), else base64.
    package init(_ text: String) {
        if text.count >= 2, text.count % 2 == 0, let bytes = Self.hexBytes(text) {
            encoding = .hex
            self.bytes = bytes
        } else if !text.isEmpty, let data = Data(base64Encoded: text) {
            encoding = .base64
            bytes = Array(data)
        } else {
            encoding = .unknown
            bytes = nil
        }
    }

    /// The key type whose signatures have this many bytes, if any.
    package var likelyKeyType: KeyType? {
        switch bytes?.count {
        case 32: return .hmac
        case 64: return .ed25519
        case 128, 256, 384, 512: return .rsa
        default: return nil
        }
    }

    /// The encoding the exchange expects for `keyType`.
    package static func expectedEncoding(for keyType: KeyType) -> Encoding {
        keyType == .hmac ? .hex : .base64
    }

    /// A short description: "64 hex characters (32 bytes: HMAC-SHA256)".
    package var summary: String {
        guard let bytes else { return "neither hex nor base64" }
        let what: String
        switch likelyKeyType {
        case .hmac?: what = "HMAC-SHA256"
        case .ed25519?: what = "Ed25519"
        case .rsa?: what = "RSA-\(bytes.count * 8)"
        case nil: what = "no known key type"
        }
        switch encoding {
        case .hex: return "\(bytes.count * 2) hex characters (\(bytes.count) bytes: \(what))"
        case .base64: return "base64 of \(bytes.count) bytes (\(what))"
        case .unknown: return "neither hex nor base64"
        }
    }

    static func hexBytes(_ text: String) -> [UInt8]? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count / 2)
        var high: UInt8?
        for byte in text.utf8 {
            let nibble: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): nibble = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): nibble = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): nibble = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            if let value = high {
                bytes.append(value << 4 | nibble)
                high = nil
            } else {
                high = nibble
            }
        }
        return high == nil ? bytes : nil
    }
}

extension Signature {
    /// The signature's bytes (hex for HMAC, base64 otherwise).
    var bytes: [UInt8] { SignatureShape(text).bytes ?? [] }
}
