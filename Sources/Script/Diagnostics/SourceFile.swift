/// The text of a script with its lines split once, so diagnostics can quote the line they are
/// about.
package struct SourceFile: Sendable {
    /// The name, characters and lines in one immutable object: an evaluator, a binder and the
    /// interpreter each hold the file, and a loop makes an evaluator per statement, so copying a
    /// file is one retain instead of three (one each for the name, characters and lines).
    private final class Storage: Sendable {
        let name: String
        let characters: [Character]
        let lines: [String]

        init(name: String, characters: [Character], lines: [String]) {
            self.name = name
            self.characters = characters
            self.lines = lines
        }
    }

    private let storage: Storage

    /// The name shown in diagnostics.
    package var name: String { storage.name }
    /// The text as characters (columns and offsets count characters).
    var characters: [Character] { storage.characters }
    /// The lines without their terminators.
    var lines: [String] { storage.lines }

    package init(name: String, text: String) {
        let characters = Array(text)
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
        self.storage = Storage(name: name, characters: characters, lines: lines)
    }

    /// Line `number` (1-based), or "" past the end.
    package func line(_ number: Int) -> String {
        number >= 1 && number <= lines.count ? lines[number - 1] : ""
    }

    /// The source text a range covers (used for statement events).
    func text(of range: SourceRange) -> String {
        let lower = min(max(0, range.offset), characters.count)
        let upper = min(max(lower, range.endOffset), characters.count)
        // Appended one by one rather than `String(characters[lower..<upper])`, whose generic
        // `append(contentsOf:)` looked up its conformances at run time: 3% of a dry run's start
        // (docs/performance.md, "Fifth pass: cold start"). The same characters, the same string.
        var text = ""
        for index in lower..<upper { text.append(characters[index]) }
        return text
    }
}
