/// Works out how deeply a statement is nested from the statements that ran before it.
///
/// Statement events carry a start position and the statement's text, not a depth. A statement
/// is nested in an earlier one when it starts strictly after the earlier one's start and ends
/// within its text (a block statement's text includes its block). The stack holds the
/// enclosing statements only, so it stays as shallow as the script's nesting.
struct StatementNesting {
    private struct Span {
        var file: String
        var start: (line: Int, column: Int)
        var end: (line: Int, column: Int)
    }

    private var open: [Span] = []

    /// The depth of a statement starting at `line`:`column` of `file` with `text`, which then
    /// counts as open for the statements after it.
    mutating func depth(file: String, line: Int, column: Int, text: String) -> Int {
        let span = Span(file: file, start: (line, column), end: Self.end(of: text, line: line, column: column))
        while let last = open.last, !Self.contains(last, span) { open.removeLast() }
        let depth = open.count
        open.append(span)
        return depth
    }

    private static func contains(_ outer: Span, _ inner: Span) -> Bool {
        outer.file == inner.file && outer.start < inner.start && inner.end <= outer.end
    }

    /// Where `text` ends when it starts at `line`:`column`. Columns count Unicode scalars (UTF-8
    /// lead bytes), which equals characters for everything but combining marks — close enough
    /// to compare spans, and a byte loop keeps the writer's hot path cheap.
    private static func end(of text: String, line: Int, column: Int) -> (line: Int, column: Int) {
        var line = line
        var column = column
        for byte in text.utf8 {
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 && byte != 0x0D {
                column += 1
            }
        }
        return (line, column)
    }
}

extension StatementRecord {
    /// The depths a log may record. The language nests far less (its parser stops at 64
    /// levels); a log claiming more, or less than 0, was damaged or crafted, and its line is
    /// reported and skipped by the reader, never used to indent (`"depth":1e14` would ask for
    /// 200 TB of spaces).
    package static let depthRange: ClosedRange<Int> = 0...1_000
}
