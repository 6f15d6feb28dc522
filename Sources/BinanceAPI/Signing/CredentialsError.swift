/// Credentials that cannot be used, with what to fix.
public enum CredentialsError: Error, Sendable, Hashable {
    /// `BINANCE_API_KEY` is set but neither a secret nor a private key file is.
    case missingSigningKey
    /// A secret or key is set but `BINANCE_API_KEY` is not.
    case missingAPIKey
    /// Both `BINANCE_API_SECRET` and `BINANCE_PRIVATE_KEY_FILE` are set.
    case ambiguousSigningKey
    /// The private key file could not be read.
    case unreadableKeyFile(path: String, reason: String)
    /// The private key is not a usable PEM key.
    case unreadablePrivateKey(String)
    /// The secret or API key contains whitespace (a copy-paste accident that gives -1022).
    case whitespaceIn(String)

    /// What is wrong, in one line. Never contains the secret.
    public var message: String {
        switch self {
        case .missingSigningKey:
            return "BINANCE_API_KEY is set but no signing key: set BINANCE_API_SECRET (HMAC) or"
                + " BINANCE_PRIVATE_KEY_FILE (Ed25519 or RSA PEM)"
        case .missingAPIKey:
            return "a signing key is set but BINANCE_API_KEY is not"
        case .ambiguousSigningKey:
            return "both BINANCE_API_SECRET and BINANCE_PRIVATE_KEY_FILE are set: keep the one your API key was"
                + " registered with"
        case .unreadableKeyFile(let path, let reason):
            return "cannot read private key file \(path): \(reason)"
        case .unreadablePrivateKey(let reason):
            return "unusable private key: \(reason)"
        case .whitespaceIn(let name):
            return "\(name) contains whitespace or a newline; the exchange would reject every signature (-1022)"
        }
    }
}

extension CredentialsError: CustomStringConvertible {
    public var description: String { message }
}
