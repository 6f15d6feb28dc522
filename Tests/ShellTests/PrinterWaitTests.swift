import Foundation
import Script
import Testing

@testable import Shell

#if canImport(Glibc)
    import Glibc
#endif

/// Before a request goes on the wire the interpreter calls `willWait()`: a terminal must show what
/// was printed at once; a file or pipe keeps gathering (its timer writes it) instead of a write per
/// request.
@Suite struct PrinterWaitTests {
    @Test func aPipeKeepsGatheringBeforeARequest() throws {
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        defer {
            close(fds[0])
            close(fds[1])
        }
        let buffer = OutputBuffer(fileDescriptor: fds[1])
        #expect(!buffer.isTerminal)
        let printer = ScriptOutputPrinter(format: .text, buffer: buffer)
        printer.emit(.printed("before the request"))
        printer.willWait()
        #expect(buffer.pendingCount == "before the request\n".utf8.count)
        printer.flush()
        #expect(buffer.pendingCount == 0)
    }

    @Test func aTerminalShowsItAtOnce() throws {
        // A pseudo-terminal pair by hand (posix_openpt is not exported to Swift): unlock the
        // primary side and open its secondary. Linux's ioctl numbers, the same on x86-64 and arm64.
        let primary = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        try #require(primary >= 0)
        defer { close(primary) }
        var unlock: Int32 = 0
        var number: UInt32 = 0
        #expect(ioctl(primary, 0x4004_5431 /* TIOCSPTLCK */, &unlock) == 0)
        #expect(ioctl(primary, 0x8004_5430 /* TIOCGPTN */, &number) == 0)
        let secondary = open("/dev/pts/\(number)", O_RDWR | O_NOCTTY)
        try #require(secondary >= 0)
        defer { close(secondary) }
        let buffer = OutputBuffer(fileDescriptor: secondary)
        #expect(buffer.isTerminal)
        let printer = ScriptOutputPrinter(format: .text, buffer: buffer)
        printer.emit(.printed("before the request"))
        #expect(buffer.pendingCount > 0)
        printer.willWait()
        #expect(buffer.pendingCount == 0)
    }
}
