#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where the shell keeps its history, chosen from the environment.
///
/// `BNC_HISTORY` wins (empty or `/dev/null` disables history on disk); otherwise
/// `$XDG_STATE_HOME/bnc/history`, falling back to `~/.local/state/bnc/history` as the XDG base
/// directory specification says (a relative `XDG_STATE_HOME` is ignored, as the spec requires).
package enum HistoryLocation: Equatable, Sendable {
    /// History is kept in memory for the session only.
    case disabled
    /// History is read from and appended to this file.
    case file(String)

    /// The location the environment asks for. A relative `BNC_HISTORY` is taken from
    /// `currentDirectory` (the directory bnc started in), so it names one file for the session.
    package static func resolve(environment: [String: String], currentDirectory: String? = nil) -> HistoryLocation {
        if let explicit = environment["BNC_HISTORY"] {
            if explicit.isEmpty || explicit == "/dev/null" { return .disabled }
            if explicit.hasPrefix("/") { return .file(explicit) }
            guard let directory = currentDirectory ?? workingDirectory(), directory.hasPrefix("/") else { return .disabled }
            return .file(join(directory, explicit))
        }
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return .file(join(state, "bnc/history"))
        }
        if let home = environment["HOME"], home.hasPrefix("/") {
            return .file(join(home, ".local/state/bnc/history"))
        }
        return .disabled
    }

    private static func workingDirectory() -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil else { return nil }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    private static func join(_ directory: String, _ tail: String) -> String {
        directory.hasSuffix("/") ? directory + tail : directory + "/" + tail
    }
}
