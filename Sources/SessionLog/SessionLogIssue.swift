/// A line of a log that could not be used. Issues are reported and skipped, never fatal: a
/// log cut short by a crash must still read back.
package struct SessionLogIssue: Sendable, Hashable, CustomStringConvertible {
    package enum Problem: Sendable, Hashable {
        /// The last line has no newline and is not a complete record: the writer was stopped
        /// mid-write (crash, `kill -9`, full disk).
        case truncatedLastLine(bytes: Int)
        /// The line is not JSON.
        case invalidJSON(String)
        /// The line is JSON but not a record this version understands.
        case invalidRecord(String)
        /// The line is longer than the reader accepts.
        case lineTooLong(limit: Int)
        /// The log does not start with a header record.
        case missingHeader
        /// The header names a format version newer than this bnc reads.
        case unsupportedVersion(Int)
    }

    /// The 1-based line number.
    package var line: Int
    package var problem: Problem

    package init(line: Int, problem: Problem) {
        self.line = line
        self.problem = problem
    }

    package var description: String {
        switch problem {
        case .truncatedLastLine(let bytes):
            return "line \(line): half-written last line (\(bytes) bytes) skipped — the session was cut short"
        case .invalidJSON(let reason): return "line \(line): not JSON (\(reason)); skipped"
        case .invalidRecord(let reason): return "line \(line): not a session record (\(reason)); skipped"
        case .lineTooLong(let limit): return "line \(line): longer than \(limit) bytes; skipped"
        case .missingHeader: return "line \(line): the log does not start with a header record"
        case .unsupportedVersion(let version):
            return "line \(line): format version \(version) is newer than this bnc reads (\(SessionLogFormat.version))"
        }
    }
}
