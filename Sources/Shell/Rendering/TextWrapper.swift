/// Wraps prose at word boundaries to a width, so a hint never breaks in the middle of a word
/// ("fille / d"). A word longer than the width is cut (it cannot fit anyway).
public enum TextWrapper {
    /// `text` wrapped to `width` columns; lines after the first start with `indent`. Line breaks
    /// already in `text` are kept. A width below 20 is taken as 20.
    public static func wrap(_ text: String, width: Int, indent: String = "") -> String {
        let width = max(20, width)
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            wrapLine(String(line), width: width, indent: indent)
        }.joined(separator: "\n")
    }

    private static func wrapLine(_ line: String, width: Int, indent: String) -> String {
        guard line.count > width else { return line }
        let indent = indent.count * 2 < width ? indent : ""
        let leading = line.prefix(while: { $0 == " " })
        var lines: [String] = []
        var current = String(leading)
        var count = leading.count
        var atStart = true
        for word in line.split(separator: " ") {
            var word = word
            if !atStart && count + 1 + word.count > width {
                lines.append(current)
                current = indent
                count = indent.count
                atStart = true
            }
            if !atStart {
                current += " "
                count += 1
            }
            // A word longer than a whole line is cut into pieces that fit.
            while count + word.count > width {
                let room = max(1, width - count)
                current += word.prefix(room)
                lines.append(current)
                word = word.dropFirst(room)
                current = indent
                count = indent.count
            }
            current += word
            count += word.count
            atStart = false
        }
        lines.append(current)
        return lines.map { $0.trimmingTrailingSpaces() }.joined(separator: "\n")
    }
}
