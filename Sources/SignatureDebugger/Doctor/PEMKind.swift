import BinanceAPI

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Names the PEM a key file holds when it is not the unencrypted private key bnc signs with —
/// the public key uploaded to the exchange, a certificate, an encrypted or OpenSSH key — so the
/// fix can say what to do instead of "unusable private key".
enum PEMKind {
    /// The first `-----BEGIN …-----` label's fix, or nil when it is a private key kind bnc reads.
    static func wrongKind(_ text: String) -> String? {
        guard let begin = text.firstRange(of: "-----BEGIN ") else {
            return "the file holds no PEM block (-----BEGIN …-----): it should be the private key file openssl wrote"
        }
        let rest = text[begin.upperBound...]
        guard let end = rest.firstRange(of: "-----") else { return nil }
        let label = String(rest[..<end.lowerBound])
        switch label {
        case "PUBLIC KEY", "RSA PUBLIC KEY":
            return "the file holds the PUBLIC key (the one registered with the exchange); name the PRIVATE key file instead"
        case "CERTIFICATE":
            return "the file holds a certificate, not a key; name the private key file instead"
        case "ENCRYPTED PRIVATE KEY":
            return "the private key is encrypted; write an unencrypted copy: openssl pkey -in KEY.pem -out plain.pem (chmod 600)"
        case "OPENSSH PRIVATE KEY":
            return "an OpenSSH key; convert it to PKCS#8: ssh-keygen -p -m PKCS8 -f KEY (on a copy)"
        case "EC PRIVATE KEY":
            return "an EC (ECDSA) key: the exchange signs with HMAC, Ed25519 or RSA only"
        default:
            return nil
        }
    }

    /// ``wrongKind(_:)`` of the file at `path`: only a regular file of at most 64 KiB is read
    /// (a FIFO would block, a device never end); nil otherwise.
    static func wrongKind(inFile path: String) -> String? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            attributes[.type] as? FileAttributeType == .typeRegular,
            let size = attributes[.size] as? UInt, size <= 65_536,
            case .success(let data) = FoundationText.readFile(atPath: path, upToCount: 65_536)
        else { return nil }
        return wrongKind(String(decoding: data, as: UTF8.self))
    }
}
