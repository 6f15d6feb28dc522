import BinanceAPI

/// One item read from a log: a record with its line number, or an issue with a line.
package enum SessionLogEntry: Sendable, Hashable {
    case record(SessionRecord, line: Int)
    case issue(SessionLogIssue)
}

/// Reads a session log as a stream of records, in constant memory.
///
/// Tolerant by design: a line that is not a valid record becomes an ``SessionLogIssue`` and
/// reading goes on; only an unreadable file is an error.
package final class SessionLogReader: Sequence, IteratorProtocol {
    /// The log's path.
    package let path: String
    private let lines: LineReader
    private var sawRecord = false
    private var pendingRecord: SessionLogEntry?
    private var lastLine = 0
    /// Set when reading failed part-way (an I/O error, not a bad line).
    package private(set) var readError: SessionLogError?

    /// The record kinds to return; lines of other kinds are skipped unparsed. Nil for all.
    private let kinds: [[UInt8]]?

    /// Opens `path` for reading. With `kinds`, only records of those kinds (`request`,
    /// `statement`…) are parsed and returned: a replay reads the log twice at once, and each
    /// pass skips the other's lines by their `{"kind":"…"` prefix alone.
    package init(
        path: String, kinds: Set<String>? = nil, topLevelStatementsOnly: Bool = false,
        rawResponseBodies: Bool = false, maximumLineLength: Int = 64 * 1024 * 1024
    ) throws(SessionLogError) {
        self.path = path
        self.topLevelStatementsOnly = topLevelStatementsOnly
        self.rawResponseBodies = rawResponseBodies
        // A missing header is only noticed by a reader that reads headers.
        sawRecord = !(kinds?.contains("header") ?? true)
        self.kinds = kinds.map { $0.map { Array("{\"kind\":\"\($0)\"".utf8) } }
        lines = try LineReader(path: path, maximumLineLength: maximumLineLength)
    }

    /// Whether JSON response bodies are returned as their recorded bytes (`ResponseBody.text`)
    /// instead of parsed: what a replay serves back, without the cost of parsing them.
    private let rawResponseBodies: Bool

    /// Whether nested statements (`depth` above 0) are skipped unparsed.
    private let topLevelStatementsOnly: Bool

    /// Whether a line written by bnc (compact, `kind` first) is of a kind not asked for.
    private func isSkipped(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.starts(with: Self.kindPrefix) else { return false }
        if let kinds, !kinds.contains(where: { bytes.starts(with: $0) }) { return true }
        return topLevelStatementsOnly && bytes.starts(with: Self.statementPrefix) && Self.isNested(bytes)
    }

    /// A statement line ends `,"depth":N,"at":T}`. A bare `"` never occurs inside a JSON
    /// string (it is escaped there), so the last `,"depth":` is the field itself.
    private static func isNested(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let marker = Self.depthMarker
        var index = bytes.count - marker.count
        while index > 0 {
            if bytes[index] == marker[0] && bytes[index..<(index + marker.count)].elementsEqual(marker) {
                let after = index + marker.count
                return after + 1 < bytes.count && !(bytes[after] == UInt8(ascii: "0") && bytes[after + 1] == UInt8(ascii: ","))
            }
            index -= 1
        }
        return false
    }

    private static let statementPrefix = Array(#"{"kind":"statement","#.utf8)
    private static let depthMarker = Array(#","depth":"#.utf8)

    private static let kindPrefix = Array(#"{"kind":""#.utf8)

    /// The next record or issue; nil at the end of the log.
    package func next() -> SessionLogEntry? {
        if let pending = pendingRecord {
            pendingRecord = nil
            return pending
        }
        while true {
            let line: LineReader.Line
            do {
                guard let next = try lines.next() else {
                    // An empty log (or one of damaged lines only) has no header either: say so once.
                    if !sawRecord {
                        sawRecord = true
                        return .issue(SessionLogIssue(line: lastLine + 1, problem: .missingHeader))
                    }
                    return nil
                }
                line = next
                lastLine = next.number
            } catch {
                readError = error
                return nil
            }
            if line.overlong {
                return .issue(SessionLogIssue(line: line.number, problem: .lineTooLong(limit: lines.maximumLineLength)))
            }
            if line.bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) {
                if !line.terminated && !line.bytes.isEmpty {
                    return .issue(SessionLogIssue(line: line.number, problem: .truncatedLastLine(bytes: line.bytes.count)))
                }
                continue
            }
            if line.terminated && isSkipped(line.bytes) { continue }
            return entry(for: line)
        }
    }

    private func entry(for line: LineReader.Line) -> SessionLogEntry {
        // Request, response and statement lines: straight from the bytes. Bodies stay the
        // recorded bytes for a replay (nothing to parse or re-serialize) once the header is read.
        if let record = RecordLineDecoder.decode(line.bytes.span, rawBodies: rawResponseBodies && sawRecord && line.terminated) {
            return accept(record, line: line.number)
        }
        let value: JSONValue
        do {
            value = try JSONValue.parse(line.bytes.span)
        } catch {
            if !line.terminated {
                return .issue(SessionLogIssue(line: line.number, problem: .truncatedLastLine(bytes: line.bytes.count)))
            }
            return .issue(SessionLogIssue(line: line.number, problem: .invalidJSON(error.description)))
        }
        let record: SessionRecord
        do {
            record = try SessionRecord(json: value)
        } catch {
            if !line.terminated {
                return .issue(SessionLogIssue(line: line.number, problem: .truncatedLastLine(bytes: line.bytes.count)))
            }
            return .issue(SessionLogIssue(line: line.number, problem: .invalidRecord(error.reason)))
        }
        return accept(record, line: line.number)
    }

    /// `record` read from line `number`: checked against the header rules.
    private func accept(_ record: SessionRecord, line number: Int) -> SessionLogEntry {
        defer { sawRecord = true }
        // Both decoders read any integer; the range is checked here, once, for either.
        if case .statement(let statement) = record, !StatementRecord.depthRange.contains(statement.depth) {
            let range = StatementRecord.depthRange
            return .issue(
                SessionLogIssue(
                    line: number,
                    problem: .invalidRecord("field 'depth' is outside \(range.lowerBound)...\(range.upperBound)")))
        }
        if case .header(let header) = record {
            if header.version > SessionLogFormat.version {
                return .issue(SessionLogIssue(line: number, problem: .unsupportedVersion(header.version)))
            }
        } else if !sawRecord {
            // Report the missing header once, then still return the records that follow.
            pendingRecord = .record(record, line: number)
            return .issue(SessionLogIssue(line: number, problem: .missingHeader))
        }
        return .record(record, line: number)
    }
}
