/// Joins physical lines into one statement block: while the language says the text so far is
/// incomplete (an open `{`, an unterminated string), it asks for another line with the
/// continuation prompt. The finished block is what runs and what history records as one entry.
package struct InputAccumulator {
    /// What to do after a line was fed.
    package enum Step: Equatable, Sendable {
        /// Read another line with the continuation prompt.
        case needsMore
        /// The block is complete: run it (it may be blank, which does nothing).
        case complete(String)
    }

    /// The lines of the block being read.
    package private(set) var lines: [String] = []
    private let isComplete: (String) -> Bool

    /// An accumulator that asks `isComplete` whether a block is finished.
    package init(isComplete: @escaping (String) -> Bool) {
        self.isComplete = isComplete
    }

    /// Whether a block is open (the next prompt is the continuation prompt).
    package var isContinuing: Bool { !lines.isEmpty }

    /// Adds one line (without its newline).
    package mutating func feed(_ line: String) -> Step {
        var line = line
        while line.last == "\n" || line.last == "\r" { line.removeLast() }
        if lines.isEmpty && line.trimmingWhitespace.isEmpty {
            return .complete("")
        }
        lines.append(line)
        let text = lines.joined(separator: "\n")
        if isComplete(text) {
            lines.removeAll()
            return .complete(text)
        }
        return .needsMore
    }

    /// Drops the open block (Ctrl-C at a continuation prompt).
    package mutating func reset() {
        lines.removeAll()
    }
}
