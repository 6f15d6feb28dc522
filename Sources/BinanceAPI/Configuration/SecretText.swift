import Synchronization

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Tells text that must never be stored — in the shell's history or the session log — from
/// text that may be.
///
/// Filtering is by the *kind* of what the text carries, not by command name (a fixed list of
/// commands keeps leaking, as redis-cli's history did for years): text is secret-bearing when it
/// holds a known secret value, names a secret (`secret=`, `BINANCE_API_SECRET`,
/// `let apiSecret = …`), carries private key material, or looks like raw key material.
///
/// The known values are the ones this process holds: every secret, API key and private key read
/// from the environment or a profile is remembered (``remember(_:)``) when it is read, so the
/// history and the log know the profile's secrets as well as the environment's.
public struct SecretText: Sendable {
    /// Values that must never reach disk. Shorter than ``minimumSecretLength`` characters they
    /// are ignored: matching them would hide ordinary words.
    public let secretValues: [String]

    /// Values shorter than this are not treated as secrets when matching ``secretValues``.
    public static let minimumSecretLength = 8

    /// Name fragments that mark an argument, variable or environment variable as secret.
    static let secretNameFragments = ["secret", "privatekey", "private_key", "private-key", "passphrase", "password"]

    /// The values this process remembered when the detector was made (``remember(_:)``).
    let rememberedValues: [String]

    /// A detector for `secretValues` and the values this process remembered.
    public init(secretValues: [String] = []) {
        func usable(_ values: [String]) -> [String] {
            values.map { $0.trimmingWhitespaceAndNewlines() }.filter { $0.count >= Self.minimumSecretLength }
        }
        self.secretValues = usable(secretValues)
        rememberedValues = usable(Self.remembered())
    }

    /// The rule that makes `text` secret-bearing, or nil when it is safe to keep. Names a rule,
    /// never the secret. The values given are checked first, then the patterns, then what the
    /// process remembered — so the reason for a text does not depend on which keys were read.
    public func reason(in text: String) -> String? {
        for value in secretValues where text.contains(value) {
            return "contains the configured secret"
        }
        if let reason = patternReason(in: text) { return reason }
        for value in rememberedValues where text.contains(value) {
            return "contains the configured secret"
        }
        return nil
    }

    /// The name and material rules alone.
    private func patternReason(in text: String) -> String? {
        for line in text.split(whereSeparator: \.isNewline) {
            let lowered = line.lowercased()
            if lowered.contains("-----begin") || lowered.contains("private key-----") {
                return "contains private key material"
            }
            for word in Self.words(of: lowered) {
                if let name = Self.nameBearingSecret(word) { return "names a secret (\(name))" }
            }
            for token in Self.words(of: String(line)) where Self.looksLikeKeyMaterial(token) {
                return "looks like key material"
            }
        }
        return nil
    }

    /// Splits on the characters that separate words in statements, keeping `name=value` and
    /// `$name` together so that the name can be inspected.
    private static func words(of text: String) -> [Substring] {
        text.split(whereSeparator: { " \t\"'{}()[],;".contains($0) })
    }

    /// The secret name in `word` when the word is such a name used as an argument name
    /// (`secret=…`), variable (`$apiSecret`, `let secret`) or environment variable.
    private static func nameBearingSecret(_ word: Substring) -> String? {
        var name = word
        if let equals = name.firstIndex(of: "=") { name = name[..<equals] }
        while name.first == "$" || name.first == "-" { name = name.dropFirst() }
        let compact = name.filter { $0 != "_" && $0 != "-" }
        for fragment in secretNameFragments where name.contains(fragment) || compact.contains(fragment) {
            // The name only, cut short and printable: it is shown in a message.
            return TerminalText.escaped(String(name.prefix(32)))
        }
        return nil
    }

    /// A long run of letters and digits mixing upper case, lower case and digits, as API keys,
    /// HMAC secrets and base64 private keys do. Lowercase hex (signatures, hashes) is left alone.
    public static func looksLikeKeyMaterial(_ token: Substring) -> Bool {
        var value = token
        if let equals = value.firstIndex(of: "=") { value = value[value.index(after: equals)...] }
        guard value.count >= 40 else { return false }
        var upper = false
        var lower = false
        var digit = false
        for scalar in value.unicodeScalars {
            switch scalar {
            case "A"..."Z": upper = true
            case "a"..."z": lower = true
            case "0"..."9": digit = true
            case "+", "/", "=", "-", "_": continue
            default: return false
            }
        }
        return upper && lower && digit
    }

    // MARK: The values this process holds

    private static let values = Mutex<[String]>([])

    /// Remembers secret values read by this process (a secret, an API key, a private key's text
    /// and each of its lines), so every later ``SecretText`` hides them.
    public static func remember(_ secrets: [String]) {
        var more: [String] = []
        for secret in secrets {
            more.append(secret)
            if secret.contains("\n") {
                more += secret.split(whereSeparator: \.isNewline).map(String.init).filter { !$0.hasPrefix("-----") }
            }
        }
        values.withLock { values in
            for value in more where !values.contains(value) { values.append(value) }
        }
    }

    /// The values remembered so far.
    public static func remembered() -> [String] {
        values.withLock { $0 }
    }
}
