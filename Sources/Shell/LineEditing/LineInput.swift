/// Where the shell reads its lines: libedit's `LineEditor`, or `PlainLineReader` when libedit
/// cannot be loaded.
package protocol LineInput: AnyObject {
    /// Shows `prompt` (escape sequences bracketed by `Prompt.literalMarker`) and reads a line.
    func readLine(prompt: String) -> ReadResult
    /// Adds an entry to the in-memory history that Up and Ctrl-R search (none without libedit).
    func addToHistory(_ entry: String)
    /// The terminal's width in columns.
    var terminalWidth: Int { get }
}

extension LineEditor: LineInput {}
