import BinanceAPI

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Where session logs go: `$XDG_STATE_HOME/bnc/sessions/`, by default
/// `~/.local/state/bnc/sessions/`, one file per session.
package enum SessionLogLocation {
    /// The sessions directory for `environment`.
    package static func directory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return state + "/bnc/sessions"
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? FileManager.default.homeDirectoryForCurrentUser.path
        return home + "/.local/state/bnc/sessions"
    }

    /// A file name for a session started at `started` by process `pid`, e.g.
    /// `20261125T130344Z-4242.jsonl`: sorts by time, unique per process.
    package static func fileName(started: Int64, pid: Int32, attempt: Int = 0) -> String {
        let suffix = attempt == 0 ? "" : "-\(attempt)"
        return "\(UTCTime.compact(milliseconds: started))-\(pid)\(suffix).\(SessionLogFormat.fileExtension)"
    }

    /// Creates `path` and its missing parents with mode 0700 (session logs are private).
    package static func makeDirectory(_ path: String) throws(SessionLogError) {
        if let isDirectory = FoundationText.isDirectory(atPath: path) {
            guard isDirectory else { throw .cannotCreateDirectory(path: path, reason: "not a directory") }
            return
        }
        do {
            try FileManager.default.createDirectory(
                atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw .cannotCreateDirectory(path: path, reason: FoundationText.errorDescription(error))
        }
    }
}
