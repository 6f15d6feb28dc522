import CEditlineShim
import Foundation
import Testing

@testable import Shell

#if canImport(Glibc)
    import Glibc
#endif

/// libedit is loaded when the shell starts, not linked (issue 18): a library that is missing or
/// is not libedit is refused with the loader's reason, nothing of it is kept, and the shell falls
/// back to the plain reader with one warning that says why.
@Suite struct EditlineLibraryTests {
    static let missing = "libbnc-no-such-libedit.so.9"

    static func load(_ name: String) -> (status: Int32, message: String) {
        var message = [CChar](repeating: 0, count: 512)
        let status = bnc_editline_load_library(name, &message, message.count)
        return (status, String(decoding: message.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self))
    }

    @Test func aMissingLibraryIsRefusedWithTheLoadersReason() {
        let (status, message) = Self.load(Self.missing)
        #expect(status == -1)
        #expect(message.contains(Self.missing), "\(message)")
        #expect(
            EditlineLibrary.load(names: [Self.missing, "libbnc-second-missing.so"])?.contains("libbnc-second-missing.so") == true)
    }

    #if os(Linux)
        @Test func aLibraryWithoutLibeditsFunctionsIsRefused() {
            // libm is there on every glibc system and has none of libedit's functions.
            let (status, message) = Self.load("libm.so.6")
            #expect(status == -1)
            #expect(message == "libm.so.6: no function el_init")
        }
    #endif

    @Test func theSystemLibraryLoadsAndItsFunctionsAreCalled() throws {
        try #require(EditlineLibrary.load() == nil)
        #expect(bnc_editline_is_loaded() == 1)
        // A failed load afterwards keeps the library that works.
        #expect(Self.load(Self.missing).status == -1)
        #expect(bnc_editline_is_loaded() == 1)
        let history = try #require(bnc_history_open(10))
        defer { bnc_history_close(history) }
        #expect(WideString.with("cancel LTCBTC id=1") { bnc_history_enter(history, $0) } == 0)
    }

    @Test func withoutLibeditTheShellReadsPlainLinesAndSaysWhy() throws {
        let (input, warning) = InteractiveShell.openLineInput(libraries: [Self.missing], historySize: 10)
        #expect(input is PlainLineReader)
        let text = try #require(warning)
        #expect(text.hasPrefix("line editing is off: cannot load libedit (\(Self.missing): "), "\(text)")
        #expect(!text.contains("\n"))
    }

    /// libedit loads but its editor cannot start (el_init refusing the terminal): the plain reader
    /// again, instead of no shell.
    @Test func anEditorThatCannotStartFallsBackToPlainLines() throws {
        let (input, warning) = InteractiveShell.openLineInput(historySize: 10, makeEditor: { _ in nil })
        #expect(input is PlainLineReader)
        #expect(
            warning
                == "line editing is off: libedit could not start on this terminal; lines are read as typed, without completion or history recall"
        )
    }

    @Test func thePlainReaderReadsLinesAndShowsThePrompt() throws {
        var input: [Int32] = [0, 0]
        var output: [Int32] = [0, 0]
        try #require(pipe(&input) == 0 && pipe(&output) == 0)
        defer { for fd in [input[0], output[0], output[1]] { close(fd) } }
        let bytes = Array("cancel LTCBTC id=1\r\n\nlet é = 1\nlast".utf8)
        try #require(write(input[1], bytes, bytes.count) == bytes.count)
        close(input[1])
        let reader = PlainLineReader(input: input[0], output: output[1])
        let marker = String(Prompt.literalMarker)
        #expect(
            reader.readLine(prompt: "\(marker)\u{1B}[1m\(marker)bnc>\(marker)\u{1B}[0m\(marker) ") == .line("cancel LTCBTC id=1"))
        #expect(reader.readLine(prompt: "> ") == .line(""))
        #expect(reader.readLine(prompt: "> ") == .line("let é = 1"))
        #expect(reader.readLine(prompt: "> ") == .line("last"))
        #expect(reader.readLine(prompt: "> ") == .eof)
        var shown = [UInt8](repeating: 0, count: 256)
        let count = read(output[0], &shown, shown.count)
        #expect(String(decoding: shown.prefix(max(count, 0)), as: UTF8.self) == "\u{1B}[1mbnc>\u{1B}[0m > > > \n")
    }

    /// A line over 1 MiB (input that is not a terminal's) is dropped with a message, up to its
    /// newline, and the next line reads as usual; the reader's buffer stays bounded.
    @Test func aLineOverTheLimitIsDroppedAndSaysSo() throws {
        var input: [Int32] = [0, 0]
        var output: [Int32] = [0, 0]
        try #require(pipe(&input) == 0 && pipe(&output) == 0)
        defer { for fd in [input[0], output[0], output[1]] { close(fd) } }
        _ = fcntl(output[1], 1031, 1 << 16) // F_SETPIPE_SZ: room for the prompts and the message
        let long = [UInt8](repeating: UInt8(ascii: "x"), count: PlainLineReader.maximumLineBytes + 10) + Array("\nprint 1\n".utf8)
        let writeEnd = input[1]
        let writer = Thread {
            var offset = 0
            while offset < long.count {
                let written = long[offset...].withUnsafeBytes { write(writeEnd, $0.baseAddress, $0.count) }
                if written <= 0 { break }
                offset += written
            }
            close(writeEnd)
        }
        writer.start()
        let reader = PlainLineReader(input: input[0], output: output[1])
        #expect(reader.readLine(prompt: "> ") == .interrupted)
        #expect(reader.readLine(prompt: "> ") == .line("print 1"))
        #expect(reader.readLine(prompt: "> ") == .eof)
        var shown = [UInt8](repeating: 0, count: 512)
        let count = read(output[0], &shown, shown.count)
        #expect(String(decoding: shown.prefix(max(count, 0)), as: UTF8.self).contains("longer than 1 MiB and was dropped"))
    }
}
