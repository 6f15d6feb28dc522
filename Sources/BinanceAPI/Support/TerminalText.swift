/// Text from outside the process made safe to show on a terminal.
///
/// A server's error message, a response body, a profile value or a session log's contents can
/// hold control characters: `ESC ] 0;title BEL` retitles the window, `ESC [41m` paints it, a
/// bare `CR` overwrites a line that was already printed, and a newline forges one that bnc
/// never printed. Every place that renders such text for a person passes it through here, so
/// what reaches the terminal is characters to read, never commands to obey. JSON output is not
/// rendered through here: JSON escaping already covers it (`\u001b`).
///
/// Escaped are the Unicode control characters (general category Cc): C0 (U+0000–U+001F), DEL
/// (U+007F) and C1 (U+0080–U+009F, which some terminals take as 8-bit `CSI`). They are shown as
/// `\n`, `\r`, `\t`, `\x1B` (C0 and DEL) or `\u{9B}` (C1); everything else is left as it is.
public enum TerminalText {
    /// `text` with every control character escaped. With `keepingLineBreaks`, a newline (`LF`)
    /// and a tab stay as they are: for multi-line output a script chose to print, where the
    /// lines are its own (a `CR` is escaped either way: it rewrites what is already shown).
    public static func escaped(_ text: String, keepingLineBreaks: Bool = false) -> String {
        // The common case, no control character at all, costs one pass over the bytes and
        // returns the same string (no copy): the text renderer calls this for every field.
        guard needsEscaping(text, keepingLineBreaks: keepingLineBreaks) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if isControl(value) && !(keepingLineBreaks && (value == 0x0A || value == 0x09)) {
                result += escape(value)
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Whether `text` holds a control character that ``escaped(_:keepingLineBreaks:)`` would
    /// change.
    public static func needsEscaping(_ text: String, keepingLineBreaks: Bool = false) -> Bool {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            defer { previous = byte }
            if byte < 0x20 {
                if keepingLineBreaks && (byte == 0x0A || byte == 0x09) { continue }
                return true
            }
            if byte == 0x7F { return true }
            // C1 controls are U+0080–U+009F: in UTF-8, 0xC2 followed by 0x80–0x9F.
            if previous == 0xC2 && byte >= 0x80 && byte <= 0x9F { return true }
        }
        return false
    }

    private static func isControl(_ value: UInt32) -> Bool {
        value < 0x20 || (value >= 0x7F && value <= 0x9F)
    }

    private static func escape(_ value: UInt32) -> String {
        switch value {
        case 0x0A: return "\\n"
        case 0x0D: return "\\r"
        case 0x09: return "\\t"
        case 0x80...0x9F: return "\\u{" + hex(value) + "}"
        default: return "\\x" + hex(value)
        }
    }

    private static func hex(_ value: UInt32) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(value >> 4) & 0xF], digits[Int(value) & 0xF]])
    }
}
