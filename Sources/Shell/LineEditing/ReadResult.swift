/// What one read from the line editor produced.
package enum ReadResult: Equatable, Sendable {
    /// End of input: Ctrl-D on an empty line, or the terminal went away.
    case eof
    /// A line the user entered (without its newline; it may hold newlines of a recalled block).
    case line(String)
    /// Ctrl-C: the line being edited was abandoned.
    case interrupted
}
