import BinanceAPI
import Foundation
import Script
import Testing

@testable import SessionLog

/// One Ctrl-C is one interrupt record, whoever reports it: the signal handler of a script run,
/// the interpreter when it stops at the flag (the shell's only report), or both.
@Suite struct SessionLogInterruptTests {
    @Test func anInterruptedShellRunIsRecordedOnce() throws {
        let path = temporaryDirectory() + "/s.jsonl"
        let writer = try SessionLogWriter(path: path, header: demoHeader)
        writer.statementWillRun(StatementEvent(text: "cancel LTCBTC id=1", file: "<shell>", line: 1, column: 1))
        writer.runWasInterrupted("interrupted before <shell>:1:1")
        writer.runWasInterrupted("interrupted before <shell>:1:1")
        writer.close(exitCode: 1)
        #expect(try records(path).map(\.kind) == ["header", "statement", "interrupt", "end"])
    }

    @Test func theSignalHandlerAndTheInterpreterTogetherRecordOnce() throws {
        let path = temporaryDirectory() + "/s.jsonl"
        let writer = try SessionLogWriter(path: path, header: demoHeader)
        writer.statementWillRun(StatementEvent(text: "cancel LTCBTC id=1", file: "t.bnc", line: 1, column: 1))
        writer.recordInterrupt(signal: "SIGINT")
        writer.runWasInterrupted("interrupted before t.bnc:1:1")
        writer.statementWillRun(StatementEvent(text: "cancel LTCBTC id=2", file: "t.bnc", line: 2, column: 1))
        writer.runWasInterrupted("interrupted before t.bnc:2:1")
        writer.close(exitCode: 1)
        #expect(try records(path).map(\.kind) == ["header", "statement", "interrupt", "statement", "interrupt", "end"])
    }

    @Test func theInterpreterReportsAnInterruptedRunToItsSink() async throws {
        let path = temporaryDirectory() + "/s.jsonl"
        let writer = try SessionLogWriter(path: path, header: demoHeader)
        let interrupt = InterruptFlag()
        interrupt.raise()
        let session = ScriptSession(
            host: DryRunHost(credentials: DemoCredentials.hmac, clock: ExchangeClock(fixed: 1), baseURL: "http://x"),
            output: PrintedLines(), events: writer, interrupt: interrupt)
        let outcome = await session.run("for id in 1..3 { cancel LTCBTC id=$id }", file: "<shell>")
        writer.close(exitCode: 1) // bnc exits 1 after an interrupt
        #expect(outcome.status == .interrupted)
        #expect(try records(path).map(\.kind).contains("interrupt"))
    }
}
