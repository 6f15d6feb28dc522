import Foundation
import Testing

@testable import Shell

@Suite("History file: location, format, permissions, cap")
struct HistoryFileTests {
    /// A fresh directory under the system temporary directory, removed by the caller.
    private func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("bnc-history-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    private func mode(_ path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    @Test("location: BNC_HISTORY, then XDG_STATE_HOME, then ~/.local/state")
    func location() {
        #expect(
            HistoryLocation.resolve(environment: ["BNC_HISTORY": "/tmp/h", "XDG_STATE_HOME": "/s", "HOME": "/home/u"])
                == .file("/tmp/h"))
        #expect(HistoryLocation.resolve(environment: ["BNC_HISTORY": "/dev/null", "HOME": "/home/u"]) == .disabled)
        #expect(HistoryLocation.resolve(environment: ["BNC_HISTORY": "", "HOME": "/home/u"]) == .disabled)
        #expect(HistoryLocation.resolve(environment: ["XDG_STATE_HOME": "/s/", "HOME": "/home/u"]) == .file("/s/bnc/history"))
        #expect(
            HistoryLocation.resolve(environment: ["XDG_STATE_HOME": "relative", "HOME": "/home/u"])
                == .file("/home/u/.local/state/bnc/history"))
        #expect(HistoryLocation.resolve(environment: [:]) == .disabled)
    }

    @Test("codec: a multi-line block is one line in the file and reads back unchanged")
    func codecRoundTrip() {
        let entries = [
            "cancel LTCBTC id=28", "for id in 1..3 {\n  cancel LTCBTC id=$id\n}", "print \"a\\\\nb\"", "币安人生 \\", "cr\r\nlf"
        ]
        for entry in entries {
            let line = HistoryCodec.encode(entry)
            #expect(!line.contains("\n") && !line.contains("\r"))
            #expect(HistoryCodec.decode(Substring(line)) == entry)
        }
        #expect(HistoryCodec.encode("for x in [1] {\n}") == "for x in [1] {\\n}")
        #expect(HistoryCodec.decode("odd \\q end\\") == "odd \\q end\\")
    }

    @Test("append creates the directory and a 0600 file; load reads the entries back")
    func appendAndLoad() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("state/bnc/history").path
        let file = HistoryFile(path: path)
        #expect(try file.load() == [])
        try file.append("cancel LTCBTC id=28")
        try file.append("for id in 1..2 {\n  cancel LTCBTC id=$id\n}")
        #expect(try mode(path) == 0o600)
        #expect(try mode(directory.appendingPathComponent("state/bnc").path) == 0o700)
        #expect(try file.load() == ["cancel LTCBTC id=28", "for id in 1..2 {\n  cancel LTCBTC id=$id\n}"])
    }

    @Test("a history file readable by others is narrowed to 0600")
    func narrowsMode() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("history").path
        FileManager.default.createFile(atPath: path, contents: Data("one\n".utf8), attributes: [.posixPermissions: 0o644])
        #expect(try mode(path) == 0o644)
        #expect(try HistoryFile(path: path).load() == ["one"])
        #expect(try mode(path) == 0o600)
    }

    @Test("loading more than the cap keeps the newest entries and compacts the file")
    func capacity() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("history").path
        let file = HistoryFile(path: path, capacity: 3)
        for index in 1...5 { try file.append("print \(index)") }
        #expect(try file.load() == ["print 3", "print 4", "print 5"])
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text == "print 3\nprint 4\nprint 5\n")
        #expect(try mode(path) == 0o600)
    }

    @Test("an unwritable location is a typed failure, not a crash")
    func unwritable() {
        let file = HistoryFile(path: "/proc/bnc-cannot-exist/history")
        #expect(throws: HistoryFile.Failure.self) { try file.append("x") }
    }
}

/// A relative `BNC_HISTORY` (issue 13, item 9): it names a file under the directory bnc started
/// in, and its directories are made there — not at `/`.
@Suite struct RelativeHistoryPathTests {
    @Test func aRelativeLocationIsTakenFromTheCurrentDirectory() {
        #expect(
            HistoryLocation.resolve(environment: ["BNC_HISTORY": "h/history"], currentDirectory: "/work")
                == .file("/work/h/history"))
        #expect(
            HistoryLocation.resolve(environment: ["BNC_HISTORY": "history"], currentDirectory: "/work/") == .file("/work/history")
        )
        let here = FileManager.default.currentDirectoryPath
        #expect(
            HistoryLocation.resolve(environment: ["BNC_HISTORY": "x"]) == .file(here + (here.hasSuffix("/") ? "" : "/") + "x"))
    }

    @Test func aRelativeFileMakesItsDirectoriesBelowTheCurrentDirectory() throws {
        let top = ".bnc-test-history-\(UUID().uuidString)"
        defer {
            try? FileManager.default.removeItem(atPath: top)
            try? FileManager.default.removeItem(atPath: "/" + top)
        }
        let file = HistoryFile(path: top + "/a/history")
        try file.append("cancel LTCBTC id=28")
        #expect(FileManager.default.fileExists(atPath: FileManager.default.currentDirectoryPath + "/" + top + "/a/history"))
        #expect(!FileManager.default.fileExists(atPath: "/" + top))
        #expect(try file.load() == ["cancel LTCBTC id=28"])
    }
}
