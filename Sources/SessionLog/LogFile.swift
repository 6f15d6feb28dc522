#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An append-only file descriptor with whole-buffer writes (retrying short writes and EINTR).
struct LogFile {
    let path: String
    let descriptor: Int32

    /// Creates `path` (mode 0600); fails when it exists, so a log is never appended to or
    /// overwritten.
    static func create(_ path: String) throws(SessionLogError) -> LogFile {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_APPEND | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            let code = errno
            if code == EEXIST { throw .alreadyExists(path: path) }
            throw .cannotOpen(path: path, reason: String(cString: strerror(code)))
        }
        // The umask can only remove bits, but make the mode explicit anyway.
        _ = fchmod(descriptor, 0o600)
        return LogFile(path: path, descriptor: descriptor)
    }

    /// Writes all of `bytes`.
    func write(_ bytes: UnsafeRawBufferPointer) throws(SessionLogError) {
        guard let base = bytes.baseAddress else { return }
        var offset = 0
        while offset < bytes.count {
            #if canImport(Glibc)
                let written = Glibc.write(descriptor, base + offset, bytes.count - offset)
            #else
                let written = Darwin.write(descriptor, base + offset, bytes.count - offset)
            #endif
            if written < 0 {
                if errno == EINTR { continue }
                throw .writeFailed(path: path, reason: String(cString: strerror(errno)))
            }
            offset += written
        }
    }

    /// Forces written data to the device (survives power loss, not only a process crash).
    func sync() throws(SessionLogError) {
        #if canImport(Glibc)
            let result = fdatasync(descriptor)
        #else
            let result = fsync(descriptor)
        #endif
        if result != 0 { throw .writeFailed(path: path, reason: String(cString: strerror(errno))) }
    }

    func close() {
        #if canImport(Glibc)
            _ = Glibc.close(descriptor)
        #else
            _ = Darwin.close(descriptor)
        #endif
    }
}
