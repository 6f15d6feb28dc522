#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The hold one `bnc sim` has on its `--state` file, so that a second one on the same file stops
/// at start-up instead of both serving and overwriting each other's books.
///
/// It is an exclusive `flock(2)` on `FILE.lock` beside the state file (the state file itself is
/// replaced by a rename on every write, so a lock on it would not last). The kernel drops the
/// lock when the process ends, however it ends (kill -9 included), so there is never a stale
/// lock to clean up; the file stays, holding the pid of the last holder for the message.
public final class SimulatorStateLock: Sendable {
    /// The lock file: the state file's path plus `.lock`.
    public let path: String
    private let descriptor: Int32

    /// Takes the lock of `stateFile`, or throws ``SimulatorSetupError/stateFile(path:reason:)``
    /// naming the other holder's pid when another process has it.
    public init(stateFile: String) throws(SimulatorSetupError) {
        // The file the path names, through any symlink: `--state link.json` and `--state s.json`
        // are one state and take one lock.
        let path = Self.resolved(stateFile) + ".lock"
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NOCTTY | O_NONBLOCK, 0o600)
        guard descriptor >= 0 else {
            throw .stateFile(path: stateFile, reason: "cannot open its lock file \(path): \(Self.systemError())")
        }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
            close(descriptor)
            throw .stateFile(path: stateFile, reason: "its lock file \(path) is not a regular file")
        }
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            if errno == EINTR { continue }
            let reason: String
            if errno == EWOULDBLOCK {
                let holder = Self.holder(descriptor).map { "pid \($0)" } ?? "its pid not yet written"
                reason =
                    "is in use by another bnc sim (\(holder); lock \(path)): two simulators on one state file would"
                    + " overwrite each other's books; stop that one or give this one another --state"
            } else {
                reason = "cannot lock \(path): \(Self.systemError())"
            }
            close(descriptor)
            throw .stateFile(path: stateFile, reason: reason)
        }
        // Ours now: the pid for the next one's message.
        let pid = Array("\(getpid())\n".utf8)
        if ftruncate(descriptor, 0) == 0 {
            _ = pid.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
        }
        self.path = path
        self.descriptor = descriptor
    }

    /// `path` with its symlinks resolved when it exists; as given otherwise (a new state file).
    static func resolved(_ path: String) -> String {
        guard let real = realpath(path, nil) else { return path }
        defer { free(real) }
        return String(cString: real)
    }

    /// Closing the descriptor releases the lock.
    deinit {
        close(descriptor)
    }

    /// The pid the lock file names: at most 20 bytes read, digits only, else nil.
    private static func holder(_ descriptor: Int32) -> Int32? {
        var bytes = [UInt8](repeating: 0, count: 20)
        let count = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return nil }
        let digits = bytes[..<count].prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
        guard !digits.isEmpty, digits.count <= 9 else { return nil }
        return Int32(String(decoding: digits, as: UTF8.self))
    }

    private static func systemError() -> String { String(cString: strerror(errno)) }
}
