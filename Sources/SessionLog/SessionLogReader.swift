import BinanceAPI

/// One item read from a log: a record with its line number, or an issue with a line.
public enum SessionLogEntry: Sendable, Hashable {
    case record(SessionRecord, line: Int)
    case issue(SessionLogIssue)
}

/// Reads a session log as a stream of records, in constant memory.
///
/// Tolerant by design: a line that is not a valid record becomes an ``SessionLogIssue`` and
/// reading goes on; only an unreadable file is an error.
public final class SessionLogReader: Sequence, IteratorProtocol {
    /// The log's path.
    public let path: String
    private let lines: LineReader
    private var sawRecord = false
    private var pendingRecord: SessionLogEntry?
    /// Set when reading failed part-way (an I/O error, not a bad line).
    public private(set) var readError: SessionLogError?

    /// Opens `path` for reading.
    public init(path: String, maximumLineLength: Int = 64 * 1024 * 1024) throws(SessionLogError) {
        self.path = path
        lines = try LineReader(path: path, maximumLineLength: maximumLineLength)
    }

    /// The next record or issue; nil at the end of the log.
    public func next() -> SessionLogEntry? {
        if let pending = pendingRecord {
            pendingRecord = nil
            return pending
        }
        while true {
            let line: LineReader.Line
            do {
                guard let next = try lines.next() else { return nil }
                line = next
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
            return entry(for: line)
        }
    }

    private func entry(for line: LineReader.Line) -> SessionLogEntry {
        let value: JSONValue
        do {
            value = try JSONValue.parse(line.bytes)
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
        defer { sawRecord = true }
        if case .header(let header) = record {
            if header.version > SessionLogFormat.version {
                return .issue(SessionLogIssue(line: line.number, problem: .unsupportedVersion(header.version)))
            }
        } else if !sawRecord {
            // Report the missing header once, then still return the records that follow.
            pendingRecord = .record(record, line: line.number)
            return .issue(SessionLogIssue(line: line.number, problem: .missingHeader))
        }
        return .record(record, line: line.number)
    }
}
