/// A position in a script: file name, 1-based line, and 1-based column counted in characters.
package struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The file as the user named it (`close.bnc`, `<command>`, `<stdin>`).
    package var file: String
    package var line: Int
    package var column: Int

    package init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `FILE:LINE:COL`, the prefix of every diagnostic.
    package var description: String { "\(file):\(line):\(column)" }

    package static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}

/// The characters a token or construct covers: where it starts and how many characters of its
/// first line it spans (the width of the caret line).
package struct SourceRange: Sendable, Hashable {
    package var start: SourceLocation
    /// Width in characters on the start line; at least 1.
    package var length: Int
    /// Offset of the first character in the source (for slicing statement text).
    package var offset: Int
    /// Offset one past the last character.
    package var endOffset: Int

    package init(start: SourceLocation, length: Int, offset: Int, endOffset: Int) {
        self.start = start
        self.length = max(1, length)
        self.offset = offset
        self.endOffset = endOffset
    }

    /// The range from the start of `self` to the end of `other`.
    func through(_ other: SourceRange) -> SourceRange {
        let sameLine = other.start.line == start.line
        let length = sameLine ? other.start.column + other.length - start.column : self.length
        return SourceRange(start: start, length: length, offset: offset, endOffset: max(endOffset, other.endOffset))
    }
}
