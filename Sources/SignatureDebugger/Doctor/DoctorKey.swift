import BinanceAPI

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The key the doctor checks: the credentials that sign (environment over profile over the
/// demo key, as every command chooses), the HMAC secret's text for the shape checks, or why no
/// key could be loaded. The secret is never shown: the type has no public accessor for it.
package struct DoctorKey: Sendable {
    /// The credentials that sign; nil when none are configured or they could not be loaded.
    package let credentials: Credentials?
    /// The HMAC secret as configured (environment or profile `apiSecret`), for the shape checks.
    let secretText: String?
    /// Why the configured key could not be loaded (a message naming no secret), with a hint.
    let failure: (message: String, hint: String?)?
    /// Whether requests go to the live exchange (no demo key there).
    let isLive: Bool

    /// A key that loaded; `secretText` is the HMAC secret as configured, when known.
    package init(credentials: Credentials?, secretText: String? = nil, isLive: Bool) {
        self.credentials = credentials
        self.secretText = credentials?.signer.keyType == .hmac ? secretText : nil
        self.failure = nil
        self.isLive = isLive
    }

    /// A key that did not load: `message` says why.
    package init(failure message: String, hint: String? = nil, isLive: Bool) {
        credentials = nil
        secretText = nil
        failure = (message, hint)
        self.isLive = isLive
    }

    /// The key every command would sign with: `BINANCE_API_KEY` with `BINANCE_API_SECRET` or
    /// `BINANCE_PRIVATE_KEY_FILE`, else the profile's, else the demo key (not for live).
    package static func resolve(
        environment: [String: String] = ProcessInfo.processInfo.environment, profile: ConnectionProfile, isLive: Bool
    ) -> DoctorKey {
        do {
            if let credentials = try Credentials.fromEnvironment(environment) {
                return DoctorKey(credentials: credentials, secretText: environment["BINANCE_API_SECRET"], isLive: isLive)
            }
        } catch {
            return DoctorKey(
                failure: error.message, hint: pemHint(error, file: environment["BINANCE_PRIVATE_KEY_FILE"]), isLive: isLive)
        }
        do {
            if let credentials = try profile.credentials() {
                var secret: String?
                if case .secret(let text) = profile.signingKey { secret = text }
                return DoctorKey(credentials: credentials, secretText: secret, isLive: isLive)
            }
        } catch {
            var hint = error.hint
            if case .privateKeyFile(let file) = profile.signingKey, let kind = PEMKind.wrongKind(inFile: file) {
                hint = kind
            }
            return DoctorKey(failure: error.message, hint: hint, isLive: isLive)
        }
        return DoctorKey(
            credentials: isLive ? nil : DemoCredentials.hmac, secretText: isLive ? nil : DemoCredentials.secret, isLive: isLive)
    }

    /// The key check for credentials already loaded (the shell's client): the configured
    /// secret is looked up again only for its shape, and only when it is the same API key's.
    package static func signing(
        _ credentials: Credentials?, environment: [String: String] = ProcessInfo.processInfo.environment,
        profile: ConnectionProfile, isLive: Bool
    ) -> DoctorKey {
        let configured = resolve(environment: environment, profile: profile, isLive: isLive)
        let secret = configured.credentials?.apiKey == credentials?.apiKey ? configured.secretText : nil
        return DoctorKey(credentials: credentials, secretText: secret, isLive: isLive)
    }

    private static func pemHint(_ error: CredentialsError, file: String?) -> String? {
        guard case .unreadablePrivateKey = error, let file else { return nil }
        return PEMKind.wrongKind(inFile: file)
    }

    /// The key check: type, source and masked key; a problem when no key loaded or the secret
    /// cannot be the one the exchange gave (the API key itself, whitespace, a PEM).
    package var check: DoctorCheck {
        if let failure {
            return DoctorCheck(
                "key", .problem, failure.message,
                fix: failure.hint ?? "fix the key set-up; `bnc doctor` names what every command would sign with")
        }
        guard let credentials else {
            return DoctorCheck(
                "key", .problem, "no key: the live exchange gets no demo key, so nothing signed can be sent",
                fix:
                    "set BINANCE_API_KEY with BINANCE_API_SECRET (HMAC) or BINANCE_PRIVATE_KEY_FILE (Ed25519/RSA), or apiKey with apiSecret/secretFile/privateKeyFile in the profile"
            )
        }
        let type = credentials.signer.keyType.rawValue
        let source =
            credentials.apiKey == DemoCredentials.apiKey ? ", the documentation's demo key" : " from \(credentials.source)"
        let described = "\(type) key \(credentials.maskedAPIKey)\(source)"
        if let secret = secretText {
            if secret == credentials.apiKey {
                return DoctorCheck(
                    "key", .problem, "\(described): the secret is the API key itself (every signature gets -1022)",
                    fix: "the secret is the second string the exchange showed once when the key was created")
            }
            if secret.hasPrefix("-----BEGIN") {
                return DoctorCheck(
                    "key", .problem, "\(described): the HMAC secret holds a PEM key",
                    fix:
                        "an Ed25519 or RSA private key goes in a file named by BINANCE_PRIVATE_KEY_FILE or privateKeyFile, not in the secret"
                )
            }
            if secret.unicodeScalars.contains(where: { $0.properties.isWhitespace }) {
                return DoctorCheck(
                    "key", .problem, "\(described): the secret contains whitespace (every signature gets -1022)",
                    fix: "copy the secret again without spaces or line breaks")
            }
            if !Self.isKeyShaped(secret) {
                return DoctorCheck(
                    "key", .warning,
                    "\(described): the secret is \(secret.count) characters, the exchange's are 64 letters and digits",
                    fix: "check that the whole secret was copied (a cut-off secret gets -1022)")
            }
        }
        if !Self.isKeyShaped(credentials.apiKey) {
            return DoctorCheck(
                "key", .warning,
                "\(described): the API key is not 64 letters and digits (the exchange answers -2014 'API-key format invalid')",
                fix: "copy the API key again, whole")
        }
        if credentials.apiKey == DemoCredentials.apiKey && !isLive {
            return DoctorCheck(
                "key", .ok, "\(described) (the simulator knows it; a real exchange answers -2015)")
        }
        return DoctorCheck("key", .ok, described)
    }

    /// 64 ASCII letters and digits: the shape of the exchange's API keys and HMAC secrets.
    static func isKeyShaped(_ text: String) -> Bool {
        text.utf8.count == 64
            && text.utf8.allSatisfy { (48...57).contains($0) || (65...90).contains($0) || (97...122).contains($0) }
    }
}

extension DoctorKey: CustomStringConvertible, CustomDebugStringConvertible {
    package var description: String { "DoctorKey(\(credentials.map(String.init(describing:)) ?? "none"))" }
    package var debugDescription: String { description }
}
