import BinanceAPI
import Crypto
import _CryptoExtras

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// What the exchange holds for an API key to check signatures: the HMAC secret, or the public
/// half of an Ed25519 or RSA key pair.
///
/// Verification is written here against swift-crypto directly, independently of BinanceAPI's
/// signer, so that a bug in the client's signing cannot be mirrored by the simulator.
public struct VerificationKey: Sendable {
    private enum Backing: @unchecked Sendable {
        case hmac(HMAC<SHA256>)
        case ed25519(Curve25519.Signing.PublicKey)
        case rsa(_RSA.Signing.PublicKey)
    }

    private let backing: Backing

    /// What the key was made from, kept so a state file (`bnc sim --state`) can register the
    /// same key again after a restart.
    public enum Material: Sendable, Hashable {
        case hmacSecret(String)
        case publicKeyPEM(String)
    }

    /// The secret or PEM this key was made from.
    public let material: Material

    /// The kind of key.
    public var keyType: KeyType {
        switch backing {
        case .hmac: return .hmac
        case .ed25519: return .ed25519
        case .rsa: return .rsa
        }
    }

    /// An HMAC-SHA256 key: the secret's UTF-8 bytes.
    public init(hmacSecret: String) {
        backing = .hmac(HMAC<SHA256>(key: SymmetricKey(data: Array(hmacSecret.utf8))))
        material = .hmacSecret(hmacSecret)
    }

    /// A public key from PEM (`-----BEGIN PUBLIC KEY-----`): Ed25519 or RSA (2048 bits or more).
    public init(publicKeyPEM pem: String) throws(SimulatorSetupError) {
        material = .publicKeyPEM(pem)
        if let raw = Self.ed25519PublicKey(pem) {
            do {
                backing = .ed25519(try Curve25519.Signing.PublicKey(rawRepresentation: raw))
            } catch {
                throw .badPublicKey("the Ed25519 public key is malformed")
            }
            return
        }
        do {
            backing = .rsa(try _RSA.Signing.PublicKey(pemRepresentation: pem))
        } catch {
            throw .badPublicKey("expected a PEM Ed25519 or RSA (2048 bits or more) public key")
        }
    }

    /// Whether `signature` (as received, percent-decoded) signs `payload`.
    ///
    /// HMAC signatures are hex and, as the exchange documents, not case sensitive; Ed25519 and RSA
    /// signatures are base64.
    func verify(_ signature: String, over payload: [UInt8]) -> Bool {
        switch backing {
        case .hmac(let keyed):
            guard let expected = Self.hexBytes(signature), expected.count == SHA256.byteCount else { return false }
            var mac = keyed
            mac.update(data: payload)
            let code = mac.finalize()
            return code.withUnsafeBytes { actual in
                // Constant time: the exchange does not leak where a signature first differs.
                var difference: UInt8 = 0
                for index in 0..<SHA256.byteCount { difference |= actual[index] ^ expected[index] }
                return difference == 0
            }
        case .ed25519(let key):
            guard let raw = Data(base64Encoded: signature) else { return false }
            return key.isValidSignature(raw, for: payload)
        case .rsa(let key):
            guard let raw = Data(base64Encoded: signature) else { return false }
            return key.isValidSignature(
                _RSA.Signing.RSASignature(rawRepresentation: raw), for: payload, padding: .insecurePKCS1v1_5)
        }
    }

    /// Hex digits (either case) as bytes; nil when not hex.
    static func hexBytes(_ text: String) -> [UInt8]? {
        let utf8 = text.utf8
        guard utf8.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count / 2)
        var high: UInt8?
        for character in utf8 {
            let nibble: UInt8
            switch character {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): nibble = character - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): nibble = character - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): nibble = character - UInt8(ascii: "A") + 10
            default: return nil
            }
            if let first = high {
                bytes.append(first << 4 | nibble)
                high = nil
            } else {
                high = nibble
            }
        }
        return bytes
    }

    /// The raw 32 bytes of an Ed25519 SubjectPublicKeyInfo PEM (RFC 8410), or nil.
    static func ed25519PublicKey(_ pem: String) -> [UInt8]? {
        let prefix: [UInt8] = [0x30, 0x2A, 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70, 0x03, 0x21, 0x00]
        let begin = "-----BEGIN PUBLIC KEY-----"
        let end = "-----END PUBLIC KEY-----"
        guard let start = pem.firstRange(of: begin), let stop = pem[start.upperBound...].firstRange(of: end),
            let der = Data(base64Encoded: String(pem[start.upperBound..<stop.lowerBound].filter { !$0.isWhitespace }))
        else { return nil }
        let bytes = Array(der)
        guard bytes.count == 44, Array(bytes.prefix(12)) == prefix else { return nil }
        return Array(bytes.suffix(32))
    }
}

extension VerificationKey: CustomStringConvertible {
    public var description: String { "VerificationKey(\(keyType.rawValue), redacted)" }
}

/// Why a simulator could not be set up as asked (bad seed file, bad account). Nothing started.
public enum SimulatorSetupError: Error, Sendable, Hashable {
    case badPublicKey(String)
    case badAPIKey(String)
    case duplicateAPIKey(String)
    case seedFile(path: String, reason: String)
    /// A `bnc sim --state` file that cannot be loaded or written.
    case stateFile(path: String, reason: String)
    case seed(String)
    case bind(String)

    /// What went wrong, in one line.
    public var message: String {
        switch self {
        case .badPublicKey(let reason): return "unusable public key: \(reason)"
        case .badAPIKey(let reason): return "unusable API key: \(reason)"
        case .duplicateAPIKey(let masked): return "the API key \(masked) is registered twice"
        case .seedFile(let path, let reason): return "seed file \(path): \(reason)"
        case .stateFile(let path, let reason): return "state file \(path): \(reason)"
        case .seed(let reason): return "seed: \(reason)"
        case .bind(let reason): return "could not listen: \(reason)"
        }
    }
}
