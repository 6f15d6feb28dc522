/// Lays out completion candidates in columns, as shells list ambiguous completions, filling
/// down each column first (like `ls`) and never wider than the terminal.
package enum CompletionList {
    /// The candidates in rows of columns fitting `width`, each row ending in a newline.
    package static func format(_ candidates: [String], width: Int) -> String {
        guard !candidates.isEmpty else { return "" }
        let cell = (candidates.map(\.displayWidth).max() ?? 0) + 2
        let columns = max(1, min(candidates.count, max(1, width) / cell))
        let rows = (candidates.count + columns - 1) / columns
        var text = ""
        for row in 0..<rows {
            var line = ""
            for column in 0..<columns {
                let index = column * rows + row
                guard index < candidates.count else { break }
                let candidate = candidates[index]
                let isLast = column == columns - 1 || index + rows >= candidates.count
                line += isLast ? candidate : candidate + String(repeating: " ", count: cell - candidate.displayWidth)
            }
            text += line + "\n"
        }
        return text
    }
}
