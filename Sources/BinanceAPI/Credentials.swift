import Foundation

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
    public static func fromEnvironment(
        _ environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(CredentialsError) -> Credentials? {
        let apiKey = environment["BINANCE_API_KEY"].flatMap { $0.isEmpty ? nil : $0 }
        let secret = environment["BINANCE_API_SECRET"].flatMap { $0.isEmpty ? nil : $0 }
        let keyFile = environment["BINANCE_PRIVATE_KEY_FILE"].flatMap { $0.isEmpty ? nil : $0 }
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
            SecretText.remember([apiKey, secret])  // kept out of the history and the session log
            return Credentials(apiKey: apiKey, signer: RequestSigner(hmacSecret: secret), source: "environment")
        case (let apiKey?, nil, let path?):
            try rejectWhitespace(apiKey, name: "BINANCE_API_KEY")
            let pem: String
            do {
                pem = try String(contentsOfFile: path, encoding: .utf8)
            } catch {
                throw .unreadableKeyFile(path: path, reason: (error as NSError).localizedDescription)
            }
            SecretText.remember([apiKey, pem])
            return Credentials(apiKey: apiKey, signer: try RequestSigner(pem: pem), source: "environment")
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
