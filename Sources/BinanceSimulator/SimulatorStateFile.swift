import BinanceAPI

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

/// The file behind `bnc sim --state FILE`: the simulated exchange's books, keys, prices and
/// balances (``ExchangeState/stateJSON()``), kept across restarts.
///
/// A write never leaves a file that does not load: the text goes to a new file in the same
/// directory (mode 0600, as it holds HMAC secrets), which is synced, renamed over the old one
/// and made durable by syncing the directory. A crash at any point leaves the old file or the
/// new one, whole. Reading is bounded (``maximumBytes``) and goes through one descriptor, so
/// what is checked (a regular file, owner-only) is what is read.
public struct SimulatorStateFile: Sendable {
    /// Where the state lives.
    public let path: String

    /// The largest state file read or written: 256 MiB, about 800,000 orders. A larger state is
    /// not written (the last good file stays) and the writer reports why.
    public static let maximumBytes = 256 * 1024 * 1024

    public init(path: String) { self.path = path }

    /// The state the file holds under `configuration`, or nil when there is no file yet. A file
    /// that exists but does not load (unreadable, open to others, too large, cut short, not a
    /// state file, or failing any check) is an error naming the file and the reason; it is left
    /// as it was.
    public func load(configuration: SimulatorConfiguration) throws(SimulatorSetupError) -> ExchangeState? {
        guard let bytes = try read() else { return nil }
        do {
            return try ExchangeState(stateJSON: bytes, configuration: configuration)
        } catch {
            throw .stateFile(path: path, reason: Self.reason(error))
        }
    }

    /// The file's bytes; nil when it does not exist.
    func read() throws(SimulatorSetupError) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK)
        guard descriptor >= 0 else {
            if errno == ENOENT { return nil }
            throw .stateFile(path: path, reason: "cannot be opened: \(Self.systemError())")
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw .stateFile(path: path, reason: Self.systemError()) }
        guard status.st_mode & S_IFMT == S_IFREG else { throw .stateFile(path: path, reason: "is not a regular file") }
        guard status.st_mode & 0o077 == 0 else {
            throw .stateFile(
                path: path,
                reason: "is open to others (mode \(String(status.st_mode & 0o777, radix: 8))): it holds API secrets; chmod 600 it"
            )
        }
        guard status.st_size <= off_t(Self.maximumBytes) else {
            throw .stateFile(path: path, reason: "is larger than \(Self.maximumBytes) bytes")
        }
        var bytes = [UInt8](repeating: 0, count: Int(status.st_size) + 1)
        var count = 0
        while count < bytes.count {
            let got = bytes.withUnsafeMutableBytes { buffer in
                systemRead(descriptor, buffer.baseAddress! + count, buffer.count - count)
            }
            if got < 0 {
                if errno == EINTR { continue }
                throw .stateFile(path: path, reason: "cannot be read: \(Self.systemError())")
            }
            if got == 0 { break }
            count += got
        }
        // It grew after fstat: someone else writes it.
        guard count <= Int(status.st_size) else {
            throw .stateFile(path: path, reason: "changed while it was read (is another bnc sim using it?)")
        }
        return Array(bytes[..<count])
    }

    /// Replaces the file with `text`, atomically and durably (see the type's notes).
    public func write(_ text: String) throws(SimulatorSetupError) {
        let bytes = Array(text.utf8)
        guard bytes.count <= Self.maximumBytes else {
            throw .stateFile(path: path, reason: "the state is \(bytes.count) bytes, over \(Self.maximumBytes): not written")
        }
        let (directory, name) = FoundationText.splitPath(path)
        let temporary =
            (directory.isEmpty ? "" : directory + "/") + ".\(name).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard descriptor >= 0 else {
            throw .stateFile(path: path, reason: "cannot create \(temporary): \(Self.systemError())")
        }
        var written = 0
        var failure: String?
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { buffer in
                systemWrite(descriptor, buffer.baseAddress! + written, buffer.count - written)
            }
            if result < 0 {
                if errno == EINTR { continue }
                failure = "cannot write \(temporary): \(Self.systemError())"
                break
            }
            written += result
        }
        if failure == nil, fsync(descriptor) != 0 { failure = "cannot sync \(temporary): \(Self.systemError())" }
        close(descriptor)
        if failure == nil, rename(temporary, path) != 0 { failure = "cannot rename over it: \(Self.systemError())" }
        if let failure {
            unlink(temporary)
            throw .stateFile(path: path, reason: failure)
        }
        // The rename is durable once the directory is synced.
        let directoryDescriptor = open(directory.isEmpty ? "." : directory, O_RDONLY | O_CLOEXEC | O_DIRECTORY)
        guard directoryDescriptor >= 0 else {
            throw .stateFile(path: path, reason: "cannot open its directory to sync it: \(Self.systemError())")
        }
        defer { close(directoryDescriptor) }
        guard fsync(directoryDescriptor) == 0 else {
            throw .stateFile(path: path, reason: "cannot sync its directory: \(Self.systemError())")
        }
    }

    private static func systemError() -> String { String(cString: strerror(errno)) }

    /// The reason of a load failure, without the `seed:` prefix of seed errors.
    private static func reason(_ error: SimulatorSetupError) -> String {
        if case .seed(let reason) = error { return reason }
        return error.message
    }
}

/// `read(2)` and `write(2)`, named apart from the type's own methods.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
        return Glibc.read(descriptor, buffer, count)
    #else
        return Darwin.read(descriptor, buffer, count)
    #endif
}

private func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
        return Glibc.write(descriptor, buffer, count)
    #else
        return Darwin.write(descriptor, buffer, count)
    #endif
}
