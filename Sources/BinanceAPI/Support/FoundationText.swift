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

/// The few pieces of Foundation's text handling bnc used that FoundationEssentials does not
/// have, with the same results: on Linux bnc links FoundationEssentials alone, without
/// Foundation, CoreFoundation and ICU, whose relocations and constructors cost a third of a
/// cold start (docs/performance.md, "Fourth pass: cold start").
extension StringProtocol {
    /// The text without leading and trailing whitespace, as `trimmingCharacters(in: .whitespaces)`
    /// gave it: tab and Foundation's space separators (U+0020, U+00A0, U+1680, U+2000–U+200B,
    /// U+202F, U+205F, U+3000), removed by Unicode scalar.
    package func trimmingWhitespace() -> String {
        trimmingScalars(where: FoundationText.isWhitespace)
    }

    /// The text without leading and trailing whitespace and line breaks, as
    /// `trimmingCharacters(in: .whitespacesAndNewlines)` gave it: ``trimmingWhitespace()``'s set
    /// and U+000A–U+000D, U+0085, U+2028, U+2029.
    package func trimmingWhitespaceAndNewlines() -> String {
        trimmingScalars(where: FoundationText.isWhitespaceOrNewline)
    }

    /// The text without the leading and trailing scalars for which `isTrimmed` holds.
    package func trimmingScalars(where isTrimmed: (Unicode.Scalar) -> Bool) -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !isTrimmed($0) }),
            let last = scalars.lastIndex(where: { !isTrimmed($0) })
        else { return "" }
        var kept = String.UnicodeScalarView()
        kept.append(contentsOf: scalars[first...last])
        return String(kept)
    }
}

/// Foundation's character sets, file paths and file error texts, as bnc used them.
package enum FoundationText {
    /// In `CharacterSet.whitespaces`.
    package static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x20, 0xA0, 0x1680, 0x2000...0x200B, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// In `CharacterSet.whitespacesAndNewlines`.
    package static func isWhitespaceOrNewline(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A...0x0D, 0x85, 0x2028, 0x2029: return true
        default: return isWhitespace(scalar)
        }
    }

    /// `FileManager.default.fileExists(atPath:isDirectory:)`: nil when nothing is at `path`, else
    /// whether it is a directory.
    package static func isDirectory(atPath path: String) -> Bool? {
        #if canImport(FoundationEssentials)
            var isDirectory = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return nil }
            return isDirectory
        #else
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return nil }
            return isDirectory.boolValue
        #endif
    }

    /// `(directory as NSString).appendingPathComponent(component)`.
    package static func appendingPathComponent(_ component: String, to directory: String) -> String {
        if component.isEmpty { return directory }
        if directory.isEmpty { return component }
        return directory.hasSuffix("/") ? directory + component : directory + "/" + component
    }

    /// `(path as NSString).deletingLastPathComponent` and `.lastPathComponent`: trailing slashes
    /// do not count, the root stays the root, and the directory's repeated slashes become one.
    /// (Foundation's own stops the process on some paths, such as `a` and `./`.)
    package static func splitPath(_ path: String) -> (directory: String, name: String) {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        if trimmed == "/" { return path.count > 1 ? ("", "") : ("/", "/") }
        guard let slash = trimmed.lastIndex(of: "/") else { return ("", String(trimmed)) }
        let name = String(trimmed[trimmed.index(after: slash)...])
        var directory = ""
        for character in trimmed[..<slash] where !(character == "/" && directory.hasSuffix("/")) {
            directory.append(character)
        }
        if directory.count > 1, directory.hasSuffix("/") { directory.removeLast() }
        return (directory.isEmpty ? "/" : directory, name)
    }

    /// `String.removingPercentEncoding` for ASCII text (a URL's): each `%XX` (two hex digits,
    /// either case) decoded; nil when a `%` is not followed by two hex digits or the bytes are not
    /// UTF-8; a byte order mark at the start dropped, as Foundation drops it.
    package static func removingPercentEncoding(_ text: some StringProtocol) -> String? {
        guard var text = PercentEncoding.decode(Substring(text), plusIsSpace: false) else { return nil }
        if text.unicodeScalars.first == "\u{FEFF}" { text.unicodeScalars.removeFirst() }
        return text
    }

    /// `text.padding(toLength: length, withPad: " ", startingAt: 0)`: spaces added, or the text
    /// cut, to `length` UTF-16 code units (a negative length is 0: nothing is left, no trap).
    package static func padding(_ text: String, toLength length: Int) -> String {
        let length = max(0, length)
        let units = text.utf16.count
        if units < length { return text + String(repeating: " ", count: length - units) }
        return units == length ? text : String(decoding: Array(text.utf16.prefix(length)), as: UTF16.self)
    }

    /// What `(error as NSError).localizedDescription` says of an error from FileManager or
    /// `Data.write`: swift-corelibs-foundation's text for each `CocoaError` code.
    package static func errorDescription(_ error: any Error) -> String {
        #if canImport(FoundationEssentials)
            guard let error = error as? CocoaError else { return "The operation could not be completed. \(error)" }
            let prefix = "The operation could not be completed. "
            switch error.code.rawValue {
            case 4, 260: return prefix + "The file doesn’t exist."
            case 255: return prefix + "The file couldn’t be locked."
            case 257, 513: return prefix + "You don’t have permission."
            case 258, 514: return prefix + "The file name is invalid."
            case 259: return prefix + "The file isn’t in the correct format."
            case 261, 517: return prefix + "The specified text encoding isn’t applicable."
            case 262, 518: return prefix + "The specified URL type isn’t supported."
            case 263: return prefix + "The item is too large."
            case 264: return prefix + "The text encoding of the contents couldn’t be determined."
            case 516: return prefix + "A file with the same name already exists."
            case 640: return prefix + "There isn’t enough space."
            case 642: return prefix + "The volume is read only."
            default: return prefix + "(NSCocoaErrorDomain error \(error.code.rawValue).)"
            }
        #else
            return (error as NSError).localizedDescription
        #endif
    }

    /// A read that failed after the file was opened (`errno`).
    package struct ReadError: Error {
        package var code: Int32
    }

    /// `FileHandle(forReadingAtPath:)` and `read(upToCount: limit)`: nil when the file cannot be
    /// opened for reading, else at most `limit` bytes from its start (fewer only at its end).
    package static func readFile(atPath path: String, upToCount limit: Int) -> Result<[UInt8], ReadError>? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        return read(descriptor, upToCount: limit)
    }

    /// `FileHandle.standardInput.readDataToEndOfFile()`: everything until the end of standard
    /// input (what was read before an error, which FileHandle would have stopped the process for).
    package static func readStandardInputToEnd() -> [UInt8] {
        (try? read(0, upToCount: .max).get()) ?? []
    }

    private static func read(_ descriptor: Int32, upToCount limit: Int) -> Result<[UInt8], ReadError> {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while bytes.count < limit {
            let wanted = min(chunk.count, limit - bytes.count)
            let got = chunk.withUnsafeMutableBytes { buffer in systemRead(descriptor, buffer.baseAddress!, wanted) }
            if got < 0 {
                if errno == EINTR { continue }
                return .failure(ReadError(code: errno))
            }
            if got == 0 { break }
            bytes.append(contentsOf: chunk[..<got])
        }
        return .success(bytes)
    }

    private static func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
            return Glibc.read(descriptor, buffer, count)
        #else
            return Darwin.read(descriptor, buffer, count)
        #endif
    }
}
