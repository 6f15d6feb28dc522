import BinanceAPI
import Synchronization

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Which statements the session log records without their text: those ``SecretText`` finds a
/// secret in (a known value — the environment's or the profile's —, a secret's name, key
/// material), exactly as the shell keeps them out of its history.
///
/// A loop runs the same statement text many times: the last decision is kept, so a long loop
/// pays for the scan once.
enum StatementRedaction {
    private static let last = Mutex<(text: String, secrets: Int, reason: String?)?>(nil)

    /// Why `text` must not be recorded, or nil.
    static func reason(in text: String) -> String? {
        let known = SecretText.remembered().count
        if let cached = last.withLock({ $0 }), cached.secrets == known, cached.text == text { return cached.reason }
        let reason = SecretText().reason(in: text)
        last.withLock { $0 = (text, known, reason) }
        return reason
    }

    /// The text recorded instead of `original`: comment lines, so `log script` and replay read
    /// it as nothing. It spans exactly the lines and last-line width of `original`, because the
    /// writer works out the nesting of later statements from where each one ends (a statement in
    /// a redacted loop's body stays nested in it).
    static func placeholder(_ reason: String, replacing original: String) -> String {
        let comment = "# statement not recorded: it \(reason)"
        let lines = original.split(separator: "\n", omittingEmptySubsequences: false)
        func width(_ line: Substring) -> Int { line.unicodeScalars.filter { $0 != "\r" }.count }
        guard lines.count > 1, let lastLine = lines.last else {
            return fitted(comment, width: width(lines.first ?? ""))
        }
        let middle = Array(repeating: "#", count: lines.count - 2)
        return ([comment] + middle + [fitted("#", width: width(lastLine))]).joined(separator: "\n")
    }

    /// `text` cut or padded with spaces to `width` characters (ASCII only here).
    private static func fitted(_ text: String, width: Int) -> String {
        if text.count >= width { return String(text.prefix(width)) }
        return text + String(repeating: " ", count: width - text.count)
    }
}
