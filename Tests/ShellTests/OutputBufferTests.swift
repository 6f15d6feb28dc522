import BinanceAPI
import Foundation
import Script
import Testing

@testable import Shell

#if canImport(Glibc)
    import Glibc
#endif

/// Script output gathered in memory and written in large pieces (issue 8): the same bytes as
/// printing each output at once, held back only until a flush, the threshold or the timer.
@Suite struct OutputBufferTests {
    /// A pipe whose read end never blocks: `drain()` returns what has been written so far.
    final class Pipe {
        let readEnd: Int32
        let writeEnd: Int32

        init() {
            var fds: [Int32] = [0, 0]
            precondition(pipe(&fds) == 0)
            readEnd = fds[0]
            writeEnd = fds[1]
            _ = fcntl(readEnd, F_SETFL, fcntl(readEnd, F_GETFL) | O_NONBLOCK)
            // Room for everything a test writes without blocking the writer.
            _ = fcntl(writeEnd, 1031, 1 << 20) // F_SETPIPE_SZ
        }

        deinit {
            close(readEnd)
            close(writeEnd)
        }

        func drain() -> [UInt8] {
            var bytes: [UInt8] = []
            var chunk = [UInt8](repeating: 0, count: 65536)
            while true {
                let count = read(readEnd, &chunk, chunk.count)
                guard count > 0 else { break }
                bytes += chunk[0..<count]
            }
            return bytes
        }
    }

    static func reply(dryRun: Bool, id: Int64 = 28, isolated: Bool = false) throws -> OperationReply {
        let request = try RequestBuilder(credentials: DemoCredentials.hmac).prepare(
            CancelMarginOrder(symbol: "LTCBTC", isIsolated: isolated, orderId: id), timestamp: 1_499_827_319_559)
        if dryRun { return OperationReply(dryRun: request, baseURL: "https://x/") }
        let json = try JSONValue.parse(Array(#"{"symbol":"LTCBTC","orderId":28,"status":"CANCELED"}"#.utf8))
        return OperationReply(value: Value(json: json), request: request, response: json, isDryRun: false, baseURL: "https://x")
    }

    /// Outputs of every kind, dry-run blocks next to each other and apart.
    static func outputs() throws -> [ScriptOutput] {
        var outputs: [ScriptOutput] = []
        for id in Int64(1)...40 {
            outputs.append(.reply(try reply(dryRun: true, id: id, isolated: id % 3 == 0), command: "cancel", bound: id % 5 == 0))
            if id % 7 == 0 { outputs.append(.printed("after \(id) — ünïcode")) }
            if id % 11 == 0 {
                outputs.append(.value(.record(Record([("a", .integer(id)), ("b", .string("x"))]))))
                outputs.append(.reply(try reply(dryRun: false), command: "cancel", bound: false))
                outputs.append(.reply(try reply(dryRun: false), command: "cancel", bound: true))
            }
        }
        outputs.append(.value(.list([.decimal(ExactDecimal("1.50")!), .bool(true)])))
        return outputs
    }

    @Test(arguments: [RenderFormat.text, .json])
    func bufferedPrinterWritesTheSameBytesAsTheDirectOne(format: RenderFormat) throws {
        let direct = RenderingTests.Lines()
        let directPrinter = ScriptOutputPrinter(format: format, write: direct.append)
        let pipe = Pipe()
        let buffer = OutputBuffer(fileDescriptor: pipe.writeEnd, threshold: 1000)
        let buffered = ScriptOutputPrinter(format: format, buffer: buffer)
        for output in try Self.outputs() {
            directPrinter.emit(output)
            buffered.emit(output)
        }
        buffered.flush()
        #expect(String(decoding: pipe.drain(), as: UTF8.self) == direct.text)
        #expect(buffer.pendingCount == 0)
    }

    /// The interpreter hands a dry run's unbound statements to `emitDryRun` (no reply made): the
    /// buffered printer, the direct one and a sink with only `emit` (the default) must show
    /// exactly what `emit(.reply(...))` shows, blank lines between text blocks included.
    @Test(arguments: [RenderFormat.text, .json])
    func aDryRunRequestAloneShowsAsItsReply(format: RenderFormat) throws {
        let expected = RenderingTests.Lines()
        let expectedPrinter = ScriptOutputPrinter(format: format, write: expected.append)
        let direct = RenderingTests.Lines()
        let directPrinter = ScriptOutputPrinter(format: format, write: direct.append)
        let pipe = Pipe()
        let buffered = ScriptOutputPrinter(format: format, buffer: OutputBuffer(fileDescriptor: pipe.writeEnd, threshold: 1000))
        for id in Int64(1)...12 {
            let reply = try Self.reply(dryRun: true, id: id, isolated: id % 3 == 0)
            expectedPrinter.emit(.reply(reply, command: "cancel", bound: false, wide: id % 2 == 0))
            for printer in [directPrinter, buffered] {
                printer.emitDryRun(reply.request, baseURL: reply.baseURL, command: "cancel", wide: id % 2 == 0)
            }
            if id % 4 == 0 {
                let printed = ScriptOutput.printed("between \(id)")
                for printer in [expectedPrinter, directPrinter, buffered] { printer.emit(printed) }
            }
        }
        buffered.flush()
        #expect(expected.text.contains("signature"))
        #expect(direct.text == expected.text)
        #expect(String(decoding: pipe.drain(), as: UTF8.self) == expected.text)
    }

    @Test func bytesWaitForTheThresholdOrAFlush() throws {
        let pipe = Pipe()
        let buffer = OutputBuffer(fileDescriptor: pipe.writeEnd, threshold: 100)
        buffer.append("hello\n")
        #expect(pipe.drain().isEmpty)
        #expect(buffer.pendingCount == 6)
        buffer.flush()
        #expect(pipe.drain() == Array("hello\n".utf8))
        buffer.append(String(repeating: "x", count: 99))
        #expect(pipe.drain().isEmpty)
        buffer.append("yz") // past the threshold: written at once
        #expect(pipe.drain().count == 101)
        #expect(buffer.pendingCount == 0)
    }

    @Test func aPieceLargerThanTheBufferIsWrittenWhole() {
        let pipe = Pipe()
        let buffer = OutputBuffer(fileDescriptor: pipe.writeEnd, threshold: 16)
        buffer.append("head ")
        let big = String(repeating: "0123456789", count: 5_000)
        buffer.append(big)
        buffer.append(" tail")
        buffer.flush()
        #expect(String(decoding: pipe.drain(), as: UTF8.self) == "head " + big + " tail")
    }

    @Test func theTimerFlushesOnItsOwn() async throws {
        let pipe = Pipe()
        let buffer = OutputBuffer(fileDescriptor: pipe.writeEnd, threshold: 1 << 16, flushInterval: .milliseconds(20))
        buffer.flush()
        #expect(!buffer.isTimerRunning) // nothing printed yet: nothing wakes up
        buffer.append("live\n")
        #expect(buffer.isTimerRunning)
        var seen: [UInt8] = []
        for _ in 0..<200 where seen.isEmpty {
            try await Task.sleep(for: .milliseconds(10))
            seen = pipe.drain()
        }
        #expect(seen == Array("live\n".utf8))
    }

    /// The timer holds the buffer's state strongly (a weak reference slowed every retain of the
    /// buffer); dropping the buffer must still stop it, or the state and the timer would live on
    /// and write the dropped buffer's bytes later.
    @Test func aDroppedBuffersTimerStops() async throws {
        let pipe = Pipe()
        do {
            let buffer = OutputBuffer(fileDescriptor: pipe.writeEnd, threshold: 1 << 16, flushInterval: .milliseconds(5))
            buffer.append("held\n")
            #expect(buffer.isTimerRunning)
            buffer.flush()
            #expect(pipe.drain() == Array("held\n".utf8))
            buffer.append("dropped\n")
        }
        try await Task.sleep(for: .milliseconds(100))
        #expect(pipe.drain().isEmpty)
    }

    @Test func concurrentWritersNeverInterleaveWithinAPiece() async throws {
        let pipe = Pipe()
        let buffer = OutputBuffer(fileDescriptor: pipe.writeEnd, threshold: 512)
        await withTaskGroup(of: Void.self) { group in
            for writer in 0..<4 {
                group.addTask {
                    for line in 0..<500 {
                        buffer.append("writer \(writer) line \(line) " + String(repeating: "=", count: 40) + "\n")
                    }
                }
            }
        }
        buffer.flush()
        let lines = String(decoding: pipe.drain(), as: UTF8.self).split(separator: "\n")
        #expect(lines.count == 2000)
        #expect(lines.allSatisfy { $0.hasPrefix("writer ") && $0.hasSuffix(String(repeating: "=", count: 40)) })
    }
}
