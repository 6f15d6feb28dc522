#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Just enough PEM/DER to read Ed25519 keys, which swift-crypto only takes as raw bytes.
public enum PEM {
    /// The DER prefix of a PKCS#8 Ed25519 private key (RFC 8410): the 32-byte seed follows.
    static let ed25519PrivatePrefix: [UInt8] = [
        0x30, 0x2E, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20
    ]
    /// The DER prefix of an Ed25519 SubjectPublicKeyInfo: the 32-byte key follows.
    static let ed25519PublicPrefix: [UInt8] = [
        0x30, 0x2A, 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70, 0x03, 0x21, 0x00
    ]

    /// The DER bytes of the first PEM block labelled `label`.
    public static func der(_ pem: String, label: String) -> [UInt8]? {
        let begin = "-----BEGIN \(label)-----"
        let end = "-----END \(label)-----"
        guard let start = pem.firstRange(of: begin), let stop = pem[start.upperBound...].firstRange(of: end)
        else { return nil }
        let body = pem[start.upperBound..<stop.lowerBound].filter { !$0.isWhitespace }
        guard let data = Data(base64Encoded: String(body)) else { return nil }
        return Array(data)
    }

    /// The 32-byte seed of a PKCS#8 Ed25519 private key PEM, or nil if it is not one.
    public static func ed25519Seed(fromPrivateKeyPEM pem: String) -> [UInt8]? {
        guard let der = der(pem, label: "PRIVATE KEY"), der.count == 48,
            Array(der.prefix(16)) == ed25519PrivatePrefix
        else { return nil }
        return Array(der.suffix(32))
    }

    /// The 32-byte key of an Ed25519 public key PEM, or nil if it is not one.
    public static func ed25519PublicKey(fromPEM pem: String) -> [UInt8]? {
        guard let der = der(pem, label: "PUBLIC KEY"), der.count == 44, Array(der.prefix(12)) == ed25519PublicPrefix
        else { return nil }
        return Array(der.suffix(32))
    }
}
