#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A history file on disk: read once at start, appended to after every recorded statement (so a
/// crash loses nothing), owner-only (mode 0600, and a wider mode found on disk is narrowed), and
/// capped at `capacity` entries (the oldest are dropped when the file is compacted at load).
package struct HistoryFile: Sendable {
    /// What went wrong with the history file; the shell reports it once and keeps going
    /// with history in memory only.
    package enum Failure: Error, Equatable, CustomStringConvertible {
        case cannotCreateDirectory(path: String, reason: String)
        case cannotOpen(path: String, reason: String)
        case cannotWrite(path: String, reason: String)

        package var description: String {
            switch self {
            case .cannotCreateDirectory(let path, let reason): "cannot create \(path): \(reason)"
            case .cannotOpen(let path, let reason): "cannot open history file \(path): \(reason)"
            case .cannotWrite(let path, let reason): "cannot write history file \(path): \(reason)"
            }
        }
    }

    /// The file's path.
    package let path: String
    /// The most entries kept.
    package let capacity: Int

    /// A history file at `path` keeping at most `capacity` entries.
    package init(path: String, capacity: Int = 2000) {
        self.path = path
        self.capacity = max(1, capacity)
    }

    /// The entries in the file, oldest first (at most `capacity`). A missing file is empty.
    /// Narrows a group- or world-accessible file to 0600 and compacts an over-long one.
    package func load() throws(Failure) -> [String] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            if errno == ENOENT { return [] }
            throw .cannotOpen(path: path, reason: Self.reason())
        }
        defer { close(fd) }
        Self.narrowMode(fd)
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .cannotOpen(path: path, reason: Self.reason())
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
        }
        let text = String(decoding: bytes, as: UTF8.self)
        let entries = text.split(separator: "\n", omittingEmptySubsequences: true).map(HistoryCodec.decode)
        if entries.count > capacity {
            let kept = Array(entries.suffix(capacity))
            try rewrite(kept)
            return kept
        }
        return entries
    }

    /// Appends one entry, creating the file (0600) and its directory (0700) when needed.
    package func append(_ entry: String) throws(Failure) {
        try createParentDirectory()
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        if fd < 0 { throw .cannotOpen(path: path, reason: Self.reason()) }
        defer { close(fd) }
        Self.narrowMode(fd)
        try write(HistoryCodec.encode(entry) + "\n", to: fd)
    }

    /// Replaces the file's content with `entries`, atomically (a temporary file renamed over it).
    package func rewrite(_ entries: [String]) throws(Failure) {
        try createParentDirectory()
        let temporary = path + ".tmp.\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        if fd < 0 { throw .cannotOpen(path: temporary, reason: Self.reason()) }
        do {
            try write(entries.map { HistoryCodec.encode($0) + "\n" }.joined(), to: fd)
        } catch {
            close(fd)
            unlink(temporary)
            throw error
        }
        close(fd)
        if rename(temporary, path) != 0 {
            let reason = Self.reason()
            unlink(temporary)
            throw .cannotWrite(path: path, reason: reason)
        }
    }

    private func write(_ text: String, to fd: Int32) throws(Failure) {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw .cannotWrite(path: path, reason: Self.reason())
            }
            offset += written
        }
    }

    private func createParentDirectory() throws(Failure) {
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return }
        let directory = String(path[..<slash])
        // A relative path's directories are made relative to the current directory, not at the
        // root (`a/b/history` once made `/a`).
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in directory.split(separator: "/") {
            prefix += component + "/"
            if mkdir(prefix, 0o700) != 0 && errno != EEXIST {
                throw .cannotCreateDirectory(path: prefix, reason: Self.reason())
            }
        }
    }

    /// History can hold account details: keep it owner-only even if something widened it.
    private static func narrowMode(_ fd: Int32) {
        var info = stat()
        guard fstat(fd, &info) == 0 else { return }
        if info.st_mode & 0o077 != 0 {
            fchmod(fd, info.st_mode & 0o700)
        }
    }

    private static func reason() -> String {
        String(cString: strerror(errno))
    }
}
