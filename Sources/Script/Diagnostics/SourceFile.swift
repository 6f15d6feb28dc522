/// The text of a script with its lines split once, so diagnostics can quote the line they are
/// about.
package struct SourceFile: Sendable {
    /// The name shown in diagnostics.
    package let name: String
    /// The text as characters (columns and offsets count characters).
    let characters: [Character]
    /// The lines without their terminators.
    let lines: [String]

    package init(name: String, text: String) {
        self.name = name
        self.characters = Array(text)
        var lines: [String] = []
        var current = ""
        for character in characters {
            if character == "\n" || character == "\r\n" {
                lines.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        lines.append(current)
        self.lines = lines
    }

    /// Line `number` (1-based), or "" past the end.
    package func line(_ number: Int) -> String {
        number >= 1 && number <= lines.count ? lines[number - 1] : ""
    }

    /// The source text a range covers (used for statement events).
    func text(of range: SourceRange) -> String {
        let lower = min(max(0, range.offset), characters.count)
        let upper = min(max(lower, range.endOffset), characters.count)
        return String(characters[lower..<upper])
    }
}
