/// "Did you mean …": the known words closest to a mistyped one, by edit distance.
///
/// The one rule for the whole program: the language's diagnostics (`$nmae`, `cancle`, `sym=`) and
/// the shell's (unknown command, unknown setting) ask it, so a typo is judged the same everywhere.
package enum Suggestion {
    /// The candidate closest to `word`, if it is close enough to be a plausible typo.
    package static func closest(to word: String, among candidates: [String]) -> String? {
        let lowered = word.lowercased()
        // An abbreviation or an extension of a name (`sym` for `symbol`) is a likely meaning too.
        if lowered.count >= 3,
            let extended = candidates.first(where: { isExtension(lowered, of: $0.lowercased()) }),
            editDistance(lowered, extended.lowercased()) > allowedDistance(for: word)
        {
            return extended
        }
        var best: (String, Int)?
        for candidate in candidates {
            let distance = editDistance(lowered, candidate.lowercased())
            if distance < (best?.1 ?? Int.max) { best = (candidate, distance) }
        }
        guard let (candidate, distance) = best else { return nil }
        return distance <= allowedDistance(for: word) ? candidate : nil
    }

    /// The plausible meanings of `word`, best first, at most `limit`: the `closest` one, then the
    /// other typos within the same distance (nearest first, then by name), then other extensions.
    package static func candidates(near word: String, among known: [String], limit: Int = 3) -> [String] {
        guard limit > 0, let best = closest(to: word, among: known) else { return [] }
        let lowered = word.lowercased()
        let allowed = allowedDistance(for: word)
        var seen: Set<String> = [best]
        var others: [(String, Int)] = []
        for candidate in known where seen.insert(candidate).inserted {
            let name = candidate.lowercased()
            let distance = editDistance(lowered, name)
            if distance <= allowed {
                others.append((candidate, distance))
            } else if lowered.count >= 3, isExtension(lowered, of: name) {
                others.append((candidate, allowed + 1))
            }
        }
        others.sort { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }
        return Array(([best] + others.map(\.0)).prefix(limit))
    }

    /// The message for an unknown command word, with suggestions when there are any.
    package static func message(forUnknown word: String, among known: [String]) -> String {
        let matches = candidates(near: word, among: known)
        var text = "unknown command '\(word)'"
        switch matches.count {
        case 0: text += "; type 'help' for the list of commands"
        case 1: text += "; did you mean '\(matches[0])'?"
        default:
            let quoted = matches.map { "'\($0)'" }
            text += "; did you mean " + quoted.dropLast().joined(separator: ", ") + " or " + quoted[quoted.count - 1] + "?"
        }
        return text
    }

    /// Levenshtein distance with adjacent transpositions counted as one edit.
    package static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        // Words this long are not typos of a name; skip the quadratic table.
        if a.count > 64 || b.count > 64 { return max(a.count, b.count) }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previousPrevious[j - 2] + 1)
                }
                current[j] = value
            }
            previousPrevious = previous
            previous = current
        }
        return previous[b.count]
    }

    /// How many edits still read as a typo: one for short words, up to three for long ones.
    private static func allowedDistance(for word: String) -> Int {
        max(1, min(3, (word.count + 1) / 3))
    }

    /// Whether `word` (lowercased) abbreviates `name` or extends it (both lowercased).
    private static func isExtension(_ word: String, of name: String) -> Bool {
        name != word && (name.hasPrefix(word) || word.hasPrefix(name) && name.count >= 3)
    }
}
