import BinanceAPI

/// Decides which entered statements may be kept in the history file.
///
/// Filtering is by the *kind* of what a statement carries, not by command name (a fixed list of
/// commands keeps leaking, as redis-cli's history did for years): a statement is kept out when
/// it holds a configured secret value, names a secret (`secret=`, `BINANCE_API_SECRET`,
/// `let apiSecret = …`), carries private key material, or looks like raw key material. A leading
/// space keeps any statement out, as psql's `ignorespace` and fish do.
package struct HistoryPolicy: Sendable {
    /// Why a statement was not recorded.
    package enum Exclusion: Equatable, Sendable {
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
    package enum Decision: Equatable, Sendable {
        case record
        case skip(Exclusion)
    }

    /// Values that must never reach disk (the API secret, private key text). Shorter than
    /// `minimumSecretLength` characters they are ignored: matching them would hide ordinary words.
    package let secretValues: [String]

    /// Values shorter than this are not treated as secrets when matching `secretValues`.
    package static let minimumSecretLength = SecretText.minimumSecretLength

    /// Creates a policy that also hides the given configured secret values.
    package init(secretValues: [String] = []) {
        self.secretValues =
            secretValues
            .map { $0.trimmingWhitespace }
            .filter { $0.count >= Self.minimumSecretLength }
    }

    /// Whether `entry` may be recorded after `previous` (the newest recorded entry).
    package func decide(_ entry: String, previous: String?) -> Decision {
        if entry.trimmingWhitespace.isEmpty { return .skip(.empty) }
        if entry.first == " " || entry.first == "\t" { return .skip(.leadingSpace) }
        if let reason = secretReason(in: entry) { return .skip(.secret(reason: reason)) }
        if entry == previous { return .skip(.duplicate) }
        return .record
    }

    /// The rule that makes `text` secret-bearing, or nil when it is safe to keep. The rules are
    /// BinanceAPI's ``SecretText``, which the session log uses too; besides `secretValues` it
    /// knows every secret this process read (the environment's and the profile's).
    package func secretReason(in text: String) -> String? {
        SecretText(secretValues: secretValues).reason(in: text)
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
