#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// An API key and the signer for the key it was registered with.
public struct Credentials: Sendable {
    /// The API key, sent in the `X-MBX-APIKEY` header. Show it only through ``maskedAPIKey``.
    public let apiKey: String
    /// Signs requests; holds the secret or private key.
    public let signer: RequestSigner
    /// Where the credentials came from, for messages ("environment", "demo").
    public let source: String

    public init(apiKey: String, signer: RequestSigner, source: String) {
        self.apiKey = apiKey
        self.signer = signer
        self.source = source
    }

    /// The API key with all but its first and last four characters hidden: `vmPU…jFEH`.
    public var maskedAPIKey: String { Self.mask(apiKey) }

    /// Masks any key-like text the same way.
    public static func mask(_ key: String) -> String {
        guard key.count > 12 else { return String(repeating: "*", count: max(key.count, 4)) }
        return "\(key.prefix(4))…\(key.suffix(4))"
    }

    /// Credentials from `BINANCE_API_KEY` with `BINANCE_API_SECRET` (HMAC) or
    /// `BINANCE_PRIVATE_KEY_FILE` (PEM, Ed25519 or RSA); nil when none of them is set.
    public static func fromEnvironment(_ environment: [String: String]) throws(CredentialsError) -> Credentials? {
        try fromEnvironment(lookup: { environment[$0] })
    }

    /// The same from this process's environment, where only these three names are looked up:
    /// `ProcessInfo`'s whole environment as a dictionary is not built on a dry run's start
    /// (docs/performance.md, "Fifth pass: cold start").
    public static func fromEnvironment() throws(CredentialsError) -> Credentials? {
        try fromEnvironment(lookup: ProcessEnvironment.value(of:))
    }

    /// The same, with each variable's value from `lookup` (nil when it is not set).
    public static func fromEnvironment(lookup: (String) -> String?) throws(CredentialsError) -> Credentials? {
        let apiKey = lookup("BINANCE_API_KEY").flatMap { $0.isEmpty ? nil : $0 }
        let secret = lookup("BINANCE_API_SECRET").flatMap { $0.isEmpty ? nil : $0 }
        let keyFile = lookup("BINANCE_PRIVATE_KEY_FILE").flatMap { $0.isEmpty ? nil : $0 }
        switch (apiKey, secret, keyFile) {
        case (nil, nil, nil):
            return nil
        case (nil, _, _):
            throw .missingAPIKey
        case (_?, nil, nil):
            throw .missingSigningKey
        case (_?, _?, _?):
            throw .ambiguousSigningKey
        case (let apiKey?, let secret?, nil):
            try rejectWhitespace(apiKey, name: "BINANCE_API_KEY")
            try rejectWhitespace(secret, name: "BINANCE_API_SECRET")
            SecretText.remember([apiKey, secret]) // kept out of the history and the session log
            return Credentials(apiKey: apiKey, signer: RequestSigner(hmacSecret: secret), source: "environment")
        case (let apiKey?, nil, let path?):
            try rejectWhitespace(apiKey, name: "BINANCE_API_KEY")
            // The same checks as a profile's privateKeyFile: a regular file, owner-only, bounded.
            let bytes: [UInt8]
            do {
                bytes = try OwnerOnlyFile.read(path, requirePrivate: true).bytes
            } catch {
                throw .unreadableKeyFile(path: path, reason: Self.reason(error, path: path))
            }
            guard let pem = String(validating: bytes, as: UTF8.self) else {
                throw .unreadableKeyFile(path: path, reason: "it is not UTF-8 text")
            }
            SecretText.remember([apiKey, pem])
            return Credentials(apiKey: apiKey, signer: try RequestSigner(pem: pem), source: "environment")
        }
    }

    /// Why a key file named by `BINANCE_PRIVATE_KEY_FILE` was not read, in words.
    static func reason(_ failure: OwnerOnlyFile.Failure, path: String) -> String {
        switch failure {
        case .unreadable(let reason): return reason
        case .notRegular: return "it is not a regular file"
        case .openToOthers(let mode):
            return "group or others have access to it (mode \(String(mode, radix: 8))): run chmod 600 \(path)"
        case .tooLarge(let limit): return "it is larger than \(limit / 1024) KiB, too large for a key"
        }
    }

    private static func rejectWhitespace(_ value: String, name: String) throws(CredentialsError) {
        if value.contains(where: { $0.isWhitespace || $0.isNewline }) { throw .whitespaceIn(name) }
    }
}

extension Credentials: CustomStringConvertible, CustomDebugStringConvertible {
    public var description: String { "Credentials(\(maskedAPIKey), \(signer.keyType.rawValue), \(source))" }
    public var debugDescription: String { description }
}
