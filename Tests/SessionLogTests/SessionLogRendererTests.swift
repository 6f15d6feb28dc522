import BinanceAPI
import Foundation
import Testing

@testable import SessionLog

@Suite struct SessionLogRendererTests {
    func render(_ lines: [String], tail: String = "") throws -> [String] {
        let path = temporaryDirectory() + "/log.jsonl"
        FileManager.default.createFile(atPath: path, contents: Data((lines.joined(separator: "\n") + "\n" + tail).utf8))
        var renderer = SessionLogRenderer()
        var output: [String] = []
        for entry in try SessionLogReader(path: path) { output += renderer.render(entry) }
        return output + renderer.finish()
    }

    @Test func answeredRequestsShowTheirOutcomeAndARedactedSignature() throws {
        var lines = SessionLogReaderTests.sampleLines()
        lines.append(
            SessionRecord.response(
                ResponseRecord(
                    request: 2, status: 400, headers: [],
                    body: .json(try JSONValue.parse(#"{"code":-2011,"msg":"Unknown order sent."}"#)), latencyMicroseconds: 1500,
                    at: 5)
            ).line)
        lines.append(SessionRecord.end(EndRecord(statements: 2, requests: 2, exitCode: 1, at: 6)).line)
        let output = try render(lines).joined(separator: "\n")
        #expect(output.contains("[1] "))
        #expect(output.contains("t.bnc:1  cancel LTCBTC id=28"))
        #expect(
            output.contains(
                "DELETE /sapi/v1/margin/order?symbol=LTCBTC&orderId=28&timestamp=1499827319559&signature=<redacted:0f0f0f0f>"))
        #expect(output.contains("-> 200 OK  0.9 ms"))
        #expect(output.contains("-> 400 Bad Request  1.5 ms"))
        #expect(output.contains(#"{"code":-2011,"msg":"Unknown order sent."}"#))
        #expect(!output.contains("UNKNOWN"))
        #expect(output.contains("session ended"))
        #expect(output.contains("2 statements, 2 requests, 2 responses, 0 transport errors, 0 unknown, 0 issues"))
    }

    @Test func anInFlightRequestIsMarkedUnknownEvenAfterAHalfWrittenLine() throws {
        let output = try render(SessionLogReaderTests.sampleLines(), tail: #"{"kind":"response","request":2,"st"#)
        let text = output.joined(separator: "\n")
        let unknownLine = try #require(output.firstIndex { $0.contains("OUTCOME UNKNOWN") })
        #expect(output[unknownLine - 2].contains("#2 "))
        #expect(text.contains("half-written last line"))
        #expect(text.contains("1 request of unknown outcome (no response recorded): #2"))
        #expect(text.contains("the log has no end record"))
    }

    @Test func transportErrorsAnd5xxAreUnknownOutcomes() throws {
        var lines = Array(SessionLogReaderTests.sampleLines().prefix(3))
        lines.append(
            SessionRecord.failure(FailureRecord(request: 1, error: .timedOut("10 s"), latencyMicroseconds: 10, at: 2)).line)
        lines.append(SessionLogReaderTests.sampleLines()[5])
        lines.append(
            SessionRecord.response(
                ResponseRecord(request: 2, status: 503, headers: [], body: .text("busy"), latencyMicroseconds: 1, at: 3)
            ).line)
        let text = try render(lines).joined(separator: "\n")
        #expect(text.contains("-> OUTCOME UNKNOWN: timed out: 10 s"))
        #expect(text.contains("-> 503 Service Unavailable"))
        #expect(text.contains("OUTCOME UNKNOWN: a 5XX means the exchange may or may not have acted"))
    }

    @Test func logScriptPrintsTopLevelStatementsOnly() throws {
        let path = temporaryDirectory() + "/log.jsonl"
        let lines = [
            SessionRecord.header(demoHeader).line,
            SessionRecord.statement(StatementRecord(sequence: 1, source: "let n = 2", file: "a.bnc", line: 1, at: 1)).line,
            SessionRecord.statement(
                StatementRecord(sequence: 2, source: "repeat $n {\n  cancel X id=1\n}", file: "a.bnc", line: 2, at: 1)
            ).line,
            SessionRecord.statement(
                StatementRecord(sequence: 3, source: "cancel X id=1", file: "a.bnc", line: 3, depth: 1, at: 1)
            ).line,
            SessionRecord.statement(
                StatementRecord(sequence: 4, source: "cancel X id=1", file: "a.bnc", line: 3, depth: 1, at: 1)
            ).line,
            SessionRecord.statement(StatementRecord(sequence: 5, source: "print done", file: nil, line: 1, at: 1)).line
        ]
        FileManager.default.createFile(atPath: path, contents: Data((lines.joined(separator: "\n") + "\n").utf8))
        var script = SessionLogScript()
        var output: [String] = []
        for entry in try SessionLogReader(path: path) { output += script.lines(for: entry) }
        #expect(
            output.dropFirst() == [
                "# from a.bnc", "let n = 2", "repeat $n {\n  cancel X id=1\n}", "# from interactive input", "print done"
            ])
        #expect(output[0].hasPrefix("# bnc session of 2025-11-25 13:03:44.123 UTC against sim"))
    }
}
