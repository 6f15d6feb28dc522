import BinanceAPI

/// How many terminal columns text takes, as `wcwidth(3)` counts them: East Asian Wide and
/// Fullwidth characters (CJK, Hangul syllables, fullwidth forms) and emoji shown as pictures
/// take 2, combining marks and other zero-width characters 0, everything else 1. Tables align
/// and text wraps by this, not by `Character` count: `count` made a column of 中文 or 🙂 cells
/// two columns short per character and an `é` written as e + U+0301 one column too wide in
/// UTF-16 units.
///
/// A control character counts as the text `TerminalText` shows in its place (`\x1B` is 4), so
/// a width measured before escaping is the width after it.
package enum DisplayWidth {
    /// The columns `text` takes on a terminal.
    package static func of<S: StringProtocol>(_ text: S) -> Int {
        // Most cells are printable ASCII (ids, prices, statuses): one column a byte.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text.utf8.count }
        var total = 0
        for character in text { total += of(character) }
        return total
    }

    /// The columns one grapheme cluster takes: 2 for an emoji shown as a picture (🙂, 👍🏽,
    /// a flag, a ZWJ family, ❤️ with its variation selector), otherwise the sum of its scalars'
    /// widths (a base letter and its combining marks: 1).
    package static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        if character.isASCII {
            guard let value = scalars.first?.value, value >= 0x20, value != 0x7F else {
                return controlWidth(character)
            }
            return 1
        }
        let hasPictureSelector = scalars.contains { $0.value == 0xFE0F }
        if scalars.contains(where: { $0.properties.isEmojiPresentation || (hasPictureSelector && $0.properties.isEmoji) }) {
            return 2
        }
        var total = 0
        for scalar in scalars {
            if isControl(scalar) { return controlWidth(character) }
            total += width(of: scalar)
        }
        return total
    }

    /// One scalar's columns, ignoring emoji presentation (``of(_:)-(Character)`` handles it).
    static func width(of scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        // Hangul medial vowels and final consonants join the syllable before them.
        if (0x1160...0x11FF).contains(value) || (0xD7B0...0xD7FF).contains(value) { return 0 }
        if value == 0x200B { return 0 } // zero width space (a format character in older data)
        return wideRanges.contains { $0.contains(value) } ? 2 : 1
    }

    /// East Asian Wide (W) and Fullwidth (F) blocks of UnicodeData's EastAsianWidth.txt, as
    /// wcwidth implementations group them (emoji are found by their presentation property).
    static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, // Hangul Jamo initial consonants
        0x2E80...0x303E, // CJK radicals, Kangxi, ideographic description, CJK symbols and punctuation
        0x3041...0x33FF, // Hiragana, Katakana, Bopomofo, Hangul compatibility Jamo, CJK compatibility
        0x3400...0x4DBF, // CJK Unified Ideographs extension A
        0x4E00...0x9FFF, // CJK Unified Ideographs
        0xA000...0xA4CF, // Yi
        0xA960...0xA97F, // Hangul Jamo extended A
        0xAC00...0xD7A3, // Hangul syllables
        0xF900...0xFAFF, // CJK compatibility ideographs
        0xFE10...0xFE19, // vertical forms
        0xFE30...0xFE6F, // CJK compatibility forms, small form variants
        0xFF00...0xFF60, // fullwidth forms
        0xFFE0...0xFFE6, // fullwidth signs
        0x16FE0...0x16FE4, 0x17000...0x18CFF, 0x1B000...0x1B2FF, // Tangut, Khitan, Kana supplement
        0x1F200...0x1F2FF, // enclosed ideographic supplement
        0x20000...0x2FFFD, 0x30000...0x3FFFD // CJK extensions B and later
    ]

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    /// A control character is shown escaped (`\n`, `\x1B`, `\u{9B}`): it takes that text's width.
    private static func controlWidth(_ character: Character) -> Int {
        let escaped = TerminalText.escaped(String(character))
        return escaped == String(character) ? 0 : of(escaped)
    }
}

extension String {
    /// The columns this text takes on a terminal (``DisplayWidth``).
    var displayWidth: Int { DisplayWidth.of(self) }
}
