import Crypto
import _CryptoExtras

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The kind of key an API key was registered with.
public enum KeyType: String, Sendable, Hashable, Codable, CaseIterable {
    /// A shared secret; signatures are HMAC-SHA256, lowercase hex.
    case hmac = "HMAC"
    /// An Ed25519 private key; signatures are base64.
    case ed25519 = "Ed25519"
    /// An RSA private key; signatures are PKCS#1 v1.5 SHA-256, base64.
    case rsa = "RSA"
}

/// A signature over a canonical query, in the exchange's text form.
public struct Signature: Sendable, Hashable, Codable {
    /// Lowercase hex (HMAC) or base64 (Ed25519, RSA), as computed.
    public var text: String
    /// The kind of key that made it.
    public var keyType: KeyType

    public init(text: String, keyType: KeyType) {
        self.text = text
        self.keyType = keyType
    }

    /// The value as it goes into the URL: base64's `+ / =` percent-encoded; hex unchanged.
    public var urlValue: String { PercentEncoding.encode(text) }
}

/// Signs canonical query strings with one key. The key's state is prepared once and reused.
///
/// The secret itself is never exposed: the type has no accessor for it and its description is
/// redacted.
public struct RequestSigner: Sendable {
    private enum Backing: @unchecked Sendable {
        // The pad states absorbed once; signing allocates only the hex string (see HMACSHA256).
        case hmac(HMACSHA256)
        case ed25519(Curve25519.Signing.PrivateKey)
        case rsa(_RSA.Signing.PrivateKey)
    }

    private let backing: Backing

    /// The kind of key.
    public var keyType: KeyType {
        switch backing {
        case .hmac: return .hmac
        case .ed25519: return .ed25519
        case .rsa: return .rsa
        }
    }

    /// An HMAC-SHA256 signer over a secret key (the secret's UTF-8 bytes are the key).
    public init(hmacSecret: String) {
        backing = .hmac(HMACSHA256(key: hmacSecret.utf8))
    }

    /// An Ed25519 signer.
    public init(ed25519 key: Curve25519.Signing.PrivateKey) {
        backing = .ed25519(key)
    }

    /// An RSA PKCS#1 v1.5 SHA-256 signer.
    public init(rsa key: _RSA.Signing.PrivateKey) {
        backing = .rsa(key)
    }

    /// A signer from a PEM private key: PKCS#8 Ed25519 (`-----BEGIN PRIVATE KEY-----`), or RSA in
    /// PKCS#1 or PKCS#8 form.
    public init(pem: String) throws(CredentialsError) {
        if let seed = PEM.ed25519Seed(fromPrivateKeyPEM: pem) {
            do {
                backing = .ed25519(try Curve25519.Signing.PrivateKey(rawRepresentation: seed))
            } catch {
                throw .unreadablePrivateKey("the Ed25519 key is malformed")
            }
            return
        }
        do {
            backing = .rsa(try _RSA.Signing.PrivateKey(pemRepresentation: pem))
        } catch {
            throw .unreadablePrivateKey(
                "expected a PEM Ed25519 (PKCS#8) or RSA (2048 bits or more) private key, unencrypted")
        }
    }

    /// Signs the exact bytes of `payload` (the canonical query, or a raw query for `bnc sign`).
    public func sign(_ payload: String) -> Signature {
        switch backing {
        case .hmac(let keyed):
            return Signature(text: keyed.hex(of: payload), keyType: .hmac)
        case .ed25519(let key):
            // Ed25519 signing cannot fail for a valid key; BoringSSL reports only allocation failure.
            let signature = (try? key.signature(for: Array(payload.utf8))) ?? Data()
            return Signature(text: signature.base64EncodedString(), keyType: .ed25519)
        case .rsa(let key):
            let signature = try? key.signature(for: Array(payload.utf8), padding: .insecurePKCS1v1_5)
            return Signature(text: signature?.rawRepresentation.base64EncodedString() ?? "", keyType: .rsa)
        }
    }
}

extension RequestSigner: CustomStringConvertible, CustomDebugStringConvertible {
    public var description: String { "RequestSigner(\(keyType.rawValue), key redacted)" }
    public var debugDescription: String { description }
}

/// Lowercase hex encoding without intermediate strings.
public enum Hex {
    private static let digits: [UInt8] = Array("0123456789abcdef".utf8)

    /// The lowercase hex of `bytes`.
    public static func lowercase<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        var output: [UInt8] = []
        output.reserveCapacity(64)
        for byte in bytes {
            output.append(digits[Int(byte >> 4)])
            output.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The lowercase hex of a MAC.
    public static func lowercase(_ code: HashedAuthenticationCode<SHA256>) -> String {
        code.withUnsafeBytes { lowercase($0) }
    }
}
