/// Where a replay stopped matching its log: the record, what differs, and both strings.
package struct ReplayMismatch: Error, Sendable, Hashable, CustomStringConvertible {
    /// The log's path.
    package var path: String
    /// The line of the recorded request (0 when the log had no request left).
    package var line: Int
    /// The recorded request's id (0 when the log had no request left).
    package var requestID: Int
    /// What differs: `method and path`, `canonical query`, `signature`, `key type`, `request`.
    package var field: String
    package var recorded: String
    package var replayed: String
    /// Why, when the strings alone do not say it.
    package var note: String?

    package init(
        path: String, line: Int, requestID: Int, field: String, recorded: String, replayed: String, note: String? = nil
    ) {
        self.path = path
        self.line = line
        self.requestID = requestID
        self.field = field
        self.recorded = recorded
        self.replayed = replayed
        self.note = note
    }

    /// `log.jsonl:5: request #2: the canonical query differs` then both strings.
    package var description: String {
        let place = line > 0 ? "\(path):\(line): request #\(requestID)" : "\(path)"
        var text = "\(place): the \(field) differs\n  recorded    \(recorded)\n  recompiled  \(replayed)"
        if let note { text += "\n  \(note)" }
        return text
    }
}
