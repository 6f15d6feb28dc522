import BinanceAPI

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Reads directories for file name completion (`run exa<TAB>`) and files for `run FILE`.
enum DirectoryListing {
    /// The entries of `directory` (`""` is the current directory; `~/` is the home directory),
    /// or nil when it cannot be read.
    @Sendable static func list(_ directory: String) -> [Completer.FileEntry]? {
        var path = directory.isEmpty ? "." : directory
        if path.hasPrefix("~/") { path = FileManager.default.homeDirectoryForCurrentUser.path + path.dropFirst(1) }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return nil }
        return names.map { name in
            let isDirectory = FoundationText.isDirectory(atPath: FoundationText.appendingPathComponent(name, to: path))
            return Completer.FileEntry(name: name, isDirectory: isDirectory ?? false)
        }
    }

    /// The UTF-8 text of the file at `path`, or nil when it cannot be read.
    static func read(_ path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return String(data: data, encoding: .utf8)
    }
}
