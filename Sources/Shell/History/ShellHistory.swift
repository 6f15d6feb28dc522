/// The shell's history: the policy decides, libedit keeps the entries for Up/Down and Ctrl-R,
/// and the file keeps them across sessions. Each entry is a whole statement block.
package final class ShellHistory {
    /// The policy applied to every entry.
    package let policy: HistoryPolicy
    /// The file, or nil when history is in memory only.
    package let file: HistoryFile?
    /// The entries, oldest first (what `history` prints).
    package private(set) var entries: [String] = []
    /// Set when the file failed once; later failures are not repeated to the user.
    package private(set) var fileFailure: HistoryFile.Failure?

    /// History at `location` with at most `capacity` entries.
    package init(location: HistoryLocation, policy: HistoryPolicy, capacity: Int = 2000) {
        self.policy = policy
        if case .file(let path) = location {
            self.file = HistoryFile(path: path, capacity: capacity)
        } else {
            self.file = nil
        }
    }

    /// Reads the file into `editor`. Returns a warning for the user when the file cannot be read.
    package func load(into editor: any LineInput) -> String? {
        guard let file else { return nil }
        do {
            entries = try file.load()
        } catch {
            fileFailure = error
            return "history is not saved: \(error)"
        }
        for entry in entries { editor.addToHistory(entry) }
        return nil
    }

    /// Records `entry` if the policy allows it: in `editor`'s history and appended to the file.
    /// Returns the decision, and a warning the first time the file cannot be written.
    @discardableResult
    package func record(_ entry: String, in editor: any LineInput) -> (HistoryPolicy.Decision, warning: String?) {
        let decision = policy.decide(entry, previous: entries.last)
        guard decision == .record else { return (decision, nil) }
        entries.append(entry)
        editor.addToHistory(entry)
        guard let file else { return (decision, nil) }
        do {
            try file.append(entry)
        } catch {
            let first = fileFailure == nil
            fileFailure = error
            return (decision, first ? "history is not saved: \(error)" : nil)
        }
        return (decision, nil)
    }

    /// `history [N]`: the newest `last` entries (all when nil), numbered from the oldest kept.
    package func listing(last: Int?) -> String {
        let count = min(last ?? entries.count, entries.count)
        let start = entries.count - count
        let width = String(entries.count).count
        return entries[start...].enumerated().map { offset, entry in
            let number = String(start + offset + 1)
            let padded = String(repeating: " ", count: max(0, width - number.count)) + number
            let indent = String(repeating: " ", count: width + 2)
            return padded + "  " + entry.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n" + indent)
        }.joined(separator: "\n")
    }
}
