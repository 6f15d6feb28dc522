import BinanceAPI

/// A problem found in a script, as data: where, what, and what to do about it.
///
/// ``rendered`` gives the one format bnc shows everywhere:
/// ```
/// FILE:LINE:COL: error: message
/// <the source line>
///        ^~~~
/// hint: what to do
/// ```
package struct Diagnostic: Sendable, Hashable, Error {
    /// How serious the problem is.
    package enum Severity: String, Sendable, Hashable {
        case error
        case warning
        case note
    }

    package var location: SourceLocation
    /// Width of the caret line, in characters.
    package var length: Int
    package var message: String
    package var hint: String?
    package var severity: Severity
    /// The source line the location is on, quoted under the message.
    package var sourceLine: String

    package init(
        location: SourceLocation, length: Int = 1, message: String, hint: String? = nil,
        severity: Severity = .error, sourceLine: String
    ) {
        self.location = location
        self.length = max(1, length)
        self.message = message
        self.hint = hint
        self.severity = severity
        self.sourceLine = sourceLine
    }

    init(_ message: String, at range: SourceRange, in source: SourceFile, hint: String? = nil) {
        self.init(
            location: range.start, length: range.length, message: message, hint: hint,
            sourceLine: source.line(range.start.line))
    }

    /// The first line only: `FILE:LINE:COL: error: message`.
    package var headline: String { "\(location): \(severity.rawValue): \(message)" }

    /// The full text: headline, source line, caret line, and the hint when there is one.
    package var rendered: String { DiagnosticRenderer.render(self, colour: false) }
}

/// Renders diagnostics as text, optionally with ANSI colour.
package enum DiagnosticRenderer {
    /// The text of one diagnostic, ending without a newline.
    ///
    /// The message, hint and source line may hold text from outside (an exchange's error
    /// message, a server's body): their control characters are shown escaped (``TerminalText``),
    /// and the caret still lines up under the escaped source line.
    package static func render(_ diagnostic: Diagnostic, colour: Bool) -> String {
        let source = diagnostic.sourceLine
        var line = ""
        var caretPrefix = ""
        // Copy tabs from the source line so the caret stays under the token; an escaped control
        // character is as wide as its escape.
        for (index, character) in source.enumerated() {
            let shown = character == "\t" ? "\t" : TerminalText.escaped(String(character))
            line += shown
            if index < diagnostic.location.column - 1 {
                caretPrefix += character == "\t" ? "\t" : String(repeating: " ", count: shown.count)
            }
        }
        let padding = max(0, diagnostic.location.column - 1 - source.count)
        caretPrefix += String(repeating: " ", count: padding)
        let visible = max(1, min(diagnostic.length, max(1, source.count - diagnostic.location.column + 1)))
        let caret = "^" + String(repeating: "~", count: visible - 1)
        let severity = diagnostic.severity.rawValue
        let message = TerminalText.escaped(diagnostic.message)
        var headline = "\(diagnostic.location): \(severity): \(message)"
        var caretLine = caretPrefix + caret
        if colour {
            let code = diagnostic.severity == .error ? "31" : diagnostic.severity == .warning ? "35" : "36"
            headline = "\u{1B}[1m\(diagnostic.location): \u{1B}[\(code)m\(severity):\u{1B}[0m\u{1B}[1m \(message)\u{1B}[0m"
            caretLine = caretPrefix + "\u{1B}[32m" + caret + "\u{1B}[0m"
        }
        var lines = [headline, line, caretLine]
        if let hint = diagnostic.hint { lines.append("hint: \(TerminalText.escaped(hint))") }
        return lines.joined(separator: "\n")
    }
}
