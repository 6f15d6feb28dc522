/// Decides which entered statements may be kept in the history file.
///
/// Filtering is by the *kind* of what a statement carries, not by command name (a fixed list of
/// commands keeps leaking, as redis-cli's history did for years): a statement is kept out when
/// it holds a configured secret value, names a secret (`secret=`, `BINANCE_API_SECRET`,
/// `let apiSecret = …`), carries private key material, or looks like raw key material. A leading
/// space keeps any statement out, as psql's `ignorespace` and fish do.
public struct HistoryPolicy: Sendable {
    /// Why a statement was not recorded.
    public enum Exclusion: Equatable, Sendable {
        /// Blank or whitespace only.
        case empty
        /// The user asked for it with a leading space.
        case leadingSpace
        /// The same as the previous entry.
        case duplicate
        /// Holds, names or looks like a secret; `reason` says which rule matched.
        case secret(reason: String)
    }

    /// The outcome for one statement.
    public enum Decision: Equatable, Sendable {
        case record
        case skip(Exclusion)
    }

    /// Values that must never reach disk (the API secret, private key text). Shorter than
    /// `minimumSecretLength` characters they are ignored: matching them would hide ordinary words.
    public let secretValues: [String]

    /// Values shorter than this are not treated as secrets when matching `secretValues`.
    public static let minimumSecretLength = 8

    /// Name fragments that mark an argument, variable or environment variable as secret.
    static let secretNameFragments = ["secret", "privatekey", "private_key", "private-key", "passphrase", "password"]

    /// Creates a policy that also hides the given configured secret values.
    public init(secretValues: [String] = []) {
        self.secretValues = secretValues
            .map { $0.trimmingWhitespace }
            .filter { $0.count >= Self.minimumSecretLength }
    }

    /// Whether `entry` may be recorded after `previous` (the newest recorded entry).
    public func decide(_ entry: String, previous: String?) -> Decision {
        if entry.trimmingWhitespace.isEmpty { return .skip(.empty) }
        if entry.first == " " || entry.first == "\t" { return .skip(.leadingSpace) }
        if let reason = secretReason(in: entry) { return .skip(.secret(reason: reason)) }
        if entry == previous { return .skip(.duplicate) }
        return .record
    }

    /// The rule that makes `text` secret-bearing, or nil when it is safe to keep.
    public func secretReason(in text: String) -> String? {
        for value in secretValues where text.contains(value) {
            return "contains the configured secret"
        }
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let lowered = line.lowercased()
            if lowered.contains("-----begin") || lowered.contains("private key-----") {
                return "contains private key material"
            }
            for word in Self.words(of: lowered) {
                let name = Self.nameBearingSecret(word)
                if let name { return "names a secret (\(name))" }
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
            return String(name)
        }
        return nil
    }

    /// A long run of letters and digits mixing upper case, lower case and digits, as API keys,
    /// HMAC secrets and base64 private keys do. Lowercase hex (signatures, hashes) is left alone.
    static func looksLikeKeyMaterial(_ token: Substring) -> Bool {
        var value = token
        if let equals = value.firstIndex(of: "=") { value = value[value.index(after: equals)...] }
        guard value.count >= 40 else { return false }
        var upper = false, lower = false, digit = false
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
}

extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and newlines.
    var trimmingWhitespace: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let start = firstIndex(where: { !isSpace($0) }), let end = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[start...end])
    }
}
