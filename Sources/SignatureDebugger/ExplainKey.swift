import BinanceAPI

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The key a captured request is checked against: the configured credentials, and — for HMAC —
/// the secret's text, so that variants of it (a trailing newline, a space) can be tried.
///
/// The secret is never shown: the type has no public accessor for it and its description is
/// redacted.
package struct ExplainKey: Sendable {
    package let credentials: Credentials
    let hmacSecret: String?

    /// Checks against `credentials`; pass the HMAC secret's text to allow trying its variants.
    package init(credentials: Credentials, hmacSecret: String? = nil) {
        self.credentials = credentials
        self.hmacSecret = credentials.signer.keyType == .hmac ? hmacSecret : nil
    }

    /// The documented example key of the exchange's signing documentation.
    package static var demo: ExplainKey {
        ExplainKey(credentials: DemoCredentials.hmac, hmacSecret: DemoCredentials.secret)
    }

    /// The key from `BINANCE_API_KEY` with `BINANCE_API_SECRET` or `BINANCE_PRIVATE_KEY_FILE`,
    /// as ``Credentials/fromEnvironment(_:)`` reads it; nil when none of them is set.
    package static func fromEnvironment(
        _ environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(CredentialsError) -> ExplainKey? {
        guard let credentials = try Credentials.fromEnvironment(environment) else { return nil }
        return ExplainKey(credentials: credentials, hmacSecret: environment["BINANCE_API_SECRET"])
    }

    /// Whether this is the documentation's demo key rather than the user's own.
    package var isDemo: Bool { credentials.apiKey == DemoCredentials.apiKey }

    /// Where the key came from, for the report: "environment" or "demo".
    package var source: String { credentials.source }

    /// Signers over variants of the HMAC secret that copy-paste accidents produce, with a label.
    var whitespaceVariants: [(label: String, signer: RequestSigner)] {
        guard let hmacSecret else { return [] }
        let variants: [(String, String)] = [
            ("a trailing newline", hmacSecret + "\n"), ("a trailing CR LF", hmacSecret + "\r\n"),
            ("a trailing space", hmacSecret + " "), ("a leading space", " " + hmacSecret),
            ("a leading newline", "\n" + hmacSecret), ("a trailing tab", hmacSecret + "\t"),
            ("surrounding quotes", "\"" + hmacSecret + "\"")
        ]
        var result = variants.map { ($0.0, RequestSigner(hmacSecret: $0.1)) }
        let trimmed = hmacSecret.trimmingWhitespace()
        if trimmed != hmacSecret {
            // The configured secret is the one with whitespace; the client's may be clean.
            result.insert(("no whitespace, unlike the configured secret", RequestSigner(hmacSecret: trimmed)), at: 0)
        }
        return result
    }
}

extension ExplainKey: CustomStringConvertible, CustomDebugStringConvertible {
    package var description: String { "ExplainKey(\(credentials))" }
    package var debugDescription: String { description }
}
