/// Wraps prose at word boundaries to a width, so a hint never breaks in the middle of a word
/// ("fille / d"). A word longer than the width is cut (it cannot fit anyway). Widths are terminal
/// columns (``DisplayWidth``): a CJK character takes two, a combining mark none.
package enum TextWrapper {
    /// `text` wrapped to `width` columns; lines after the first start with `indent`. Line breaks
    /// already in `text` are kept. A width below 20 is taken as 20.
    package static func wrap(_ text: String, width: Int, indent: String = "") -> String {
        let width = max(20, width)
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            wrapLine(String(line), width: width, indent: indent)
        }.joined(separator: "\n")
    }

    /// Aligned `  name   summary` lines (help, listings) wrapped so that a continuation starts
    /// under the summary; other lines wrap under their own first character.
    package static func wrapColumns(_ text: String, width: Int) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            let line = String(line)
            guard line.displayWidth > width else { return line }
            let characters = Array(line)
            let lead = characters.prefix { $0 == " " }.count
            // The summary starts after the first run of two or more spaces past the name.
            var index = lead
            while index + 1 < characters.count, !(characters[index] == " " && characters[index + 1] == " ") { index += 1 }
            var summary = index
            while summary < characters.count, characters[summary] == " " { summary += 1 }
            let summaryColumn = DisplayWidth.of(String(characters[..<min(summary, characters.count)]))
            guard summary < characters.count, width - summaryColumn >= 20 else {
                return wrap(line, width: width, indent: String(repeating: " ", count: lead))
            }
            let body = wrap(String(characters[summary...]), width: width - summaryColumn)
            let indent = String(repeating: " ", count: summaryColumn)
            return String(characters[..<summary])
                + body.split(separator: "\n", omittingEmptySubsequences: false)
                .joined(separator: "\n" + indent)
        }.joined(separator: "\n")
    }

    private static func wrapLine(_ line: String, width: Int, indent: String) -> String {
        guard line.displayWidth > width else { return line }
        let indent = indent.displayWidth * 2 < width ? indent : ""
        let leading = line.prefix(while: { $0 == " " })
        var lines: [String] = []
        var current = String(leading)
        var count = leading.count
        var atStart = true
        for word in line.split(separator: " ") {
            var word = word
            var wordWidth = DisplayWidth.of(word)
            if !atStart && count + 1 + wordWidth > width {
                lines.append(current)
                current = indent
                count = indent.displayWidth
                atStart = true
            }
            if !atStart {
                current += " "
                count += 1
            }
            // A word longer than a whole line is cut into pieces that fit.
            while count + wordWidth > width {
                let piece = prefix(of: word, columns: max(1, width - count))
                current += piece
                lines.append(current)
                word = word.dropFirst(piece.count)
                wordWidth = DisplayWidth.of(word)
                current = indent
                count = indent.displayWidth
            }
            current += word
            count += wordWidth
            atStart = false
        }
        lines.append(current)
        return lines.map { $0.trimmingTrailingSpaces() }.joined(separator: "\n")
    }

    /// The longest start of `word` that fits in `columns` terminal columns; at least one
    /// character, so a double-width character in a one-column room still makes progress.
    private static func prefix(of word: Substring, columns: Int) -> Substring {
        var used = 0
        var end = word.startIndex
        for character in word {
            let width = DisplayWidth.of(character)
            if used + width > columns && end != word.startIndex { break }
            used += width
            end = word.index(after: end)
            if used >= columns { break }
        }
        return word[..<end]
    }
}
