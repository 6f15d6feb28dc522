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

/// Reads a file that holds or points at a signing key, after checking that only its owner can
/// read or write it.
///
/// The file is opened once and checked through that descriptor (`fstat`), so what is checked is
/// what is read: no window in which the path could be swapped between the check and the read.
/// The read is bounded (a profile or a key is a few hundred bytes; `maximumBytes` keeps a
/// mistaken path such as `/dev/zero` or a large file from filling memory).
enum OwnerOnlyFile {
    /// The most a profile, secret file or private key file may hold.
    static let maximumBytes = 64 * 1024

    /// Why a file was not read.
    enum Failure: Error, Equatable {
        /// It could not be opened or read (`reason` is the system's word for it).
        case unreadable(reason: String)
        /// It is not a regular file (a directory, a device, a pipe).
        case notRegular
        /// Group or others have a permission bit on it.
        case openToOthers(mode: mode_t)
        /// It holds more than `maximumBytes`.
        case tooLarge(limit: Int)
    }

    /// The file's bytes and permission bits. With `requirePrivate`, group and others must have no
    /// permission at all (mode `0600` or stricter); without it, only the size and type are checked.
    static func read(_ path: String, requirePrivate: Bool) throws(Failure) -> (bytes: [UInt8], mode: mode_t) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK)
        guard descriptor >= 0 else { throw .unreadable(reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw .unreadable(reason: String(cString: strerror(errno))) }
        guard status.st_mode & S_IFMT == S_IFREG else { throw .notRegular }
        let mode = status.st_mode & 0o777
        if requirePrivate && mode & 0o077 != 0 { throw .openToOthers(mode: mode) }
        guard status.st_size <= off_t(maximumBytes) else { throw .tooLarge(limit: maximumBytes) }
        var bytes = [UInt8](repeating: 0, count: maximumBytes + 1)
        var count = 0
        while count < bytes.count {
            let read = bytes.withUnsafeMutableBytes { buffer in
                systemRead(descriptor, buffer.baseAddress! + count, buffer.count - count)
            }
            if read < 0 {
                if errno == EINTR { continue }
                throw .unreadable(reason: String(cString: strerror(errno)))
            }
            if read == 0 { break }
            count += read
        }
        // The file grew after fstat: still bounded.
        guard count <= maximumBytes else { throw .tooLarge(limit: maximumBytes) }
        return (Array(bytes[..<count]), mode)
    }
}

/// `read(2)`, named apart from ``OwnerOnlyFile/read(_:requirePrivate:)``.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
        return Glibc.read(descriptor, buffer, count)
    #else
        return Darwin.read(descriptor, buffer, count)
    #endif
}
