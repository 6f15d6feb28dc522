/// Why a session log could not be created, written or read.
package enum SessionLogError: Error, Sendable, Hashable {
    /// The log directory could not be created or is not a directory.
    case cannotCreateDirectory(path: String, reason: String)
    /// The log file could not be opened.
    case cannotOpen(path: String, reason: String)
    /// A file given with `--log` already exists; logs are never appended to or overwritten.
    case alreadyExists(path: String)
    /// Writing or flushing the log failed (disk full, I/O error).
    case writeFailed(path: String, reason: String)
    /// Reading the log failed.
    case readFailed(path: String, reason: String)
    /// The writer was closed.
    case closed(path: String)

    /// What happened, in one line.
    package var message: String {
        switch self {
        case .cannotCreateDirectory(let path, let reason): return "cannot create the log directory \(path): \(reason)"
        case .cannotOpen(let path, let reason): return "cannot open the session log \(path): \(reason)"
        case .alreadyExists(let path): return "the session log \(path) already exists"
        case .writeFailed(let path, let reason): return "cannot write the session log \(path): \(reason)"
        case .readFailed(let path, let reason): return "cannot read the session log \(path): \(reason)"
        case .closed(let path): return "the session log \(path) is already closed"
        }
    }

    /// A next step for the user.
    package var hint: String? {
        switch self {
        case .cannotCreateDirectory, .cannotOpen:
            return "choose another file with --log FILE, or run with --no-log"
        case .alreadyExists: return "choose a new file name; a log is never appended to"
        case .writeFailed: return "nothing further is sent until the log can be written; free space or use --log FILE"
        case .readFailed, .closed: return nil
        }
    }
}
