/// "Did you mean …": the known words closest to a mistyped one.
public enum Suggestion {
    /// Known words within a small edit distance of `word` (transpositions count as one edit),
    /// closest first; at most `limit`.
    public static func closest(to word: String, among known: [String], limit: Int = 3) -> [String] {
        let lowered = word.lowercased()
        let allowed = max(1, min(2, lowered.count / 3))
        let scored = Set(known).compactMap { candidate -> (String, Int)? in
            let distance = editDistance(lowered, candidate.lowercased())
            if distance <= allowed { return (candidate, distance) }
            if candidate.count >= 3 && lowered.count >= 3 && candidate.lowercased().hasPrefix(lowered) {
                return (candidate, allowed)
            }
            return nil
        }
        return scored.sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }.prefix(limit).map(\.0)
    }

    /// The message for an unknown word, with suggestions when there are any.
    public static func message(forUnknown word: String, among known: [String]) -> String {
        let matches = closest(to: word, among: known)
        var text = "unknown command '\(word)'"
        switch matches.count {
        case 0: text += "; type 'help' for the list of commands"
        case 1: text += "; did you mean '\(matches[0])'?"
        default:
            text += "; did you mean " + matches.dropLast().map { "'\($0)'" }.joined(separator: ", ") + " or '\(matches.last!)'?"
        }
        return text
    }

    /// Optimal string alignment distance (Levenshtein plus adjacent transpositions).
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        // Words this long are not typos of a command name; skip the quadratic table.
        if a.count > 64 || b.count > 64 { return max(a.count, b.count) }
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }
}
