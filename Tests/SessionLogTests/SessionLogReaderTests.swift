import BNCTestSupport
import BinanceAPI
import Foundation
import Testing

@testable import SessionLog

@Suite struct SessionLogReaderTests {
    /// A complete small log: header, statement, request, response, statement, request, end.
    static func sampleLines() -> [String] {
        let request = RequestRecord(
            id: 1, statement: 1, attempt: 1, title: "margin cancel", method: .delete, path: "/sapi/v1/margin/order",
            query: "symbol=LTCBTC&orderId=28&timestamp=1499827319559", timestamp: 1_499_827_319_559,
            newClientOrderId: nil, keyType: .hmac, signatureFingerprint: String(repeating: "0f", count: 32),
            weight: RequestWeight(10, .ip), at: 1)
        var second = request
        second.id = 2
        second.statement = 2
        return [
            SessionRecord.header(demoHeader).line,
            SessionRecord.statement(StatementRecord(sequence: 1, source: "cancel LTCBTC id=28", file: "t.bnc", line: 1, at: 1))
                .line,
            SessionRecord.request(request).line,
            SessionRecord.response(
                ResponseRecord(
                    request: 1, status: 200, headers: [], body: ResponseBody(bytes: canceledBody), latencyMicroseconds: 900, at: 2
                )
            ).line,
            SessionRecord.statement(StatementRecord(sequence: 2, source: "cancel LTCBTC id=29", file: "t.bnc", line: 2, at: 3))
                .line,
            SessionRecord.request(second).line
        ]
    }

    func write(_ text: String) -> String {
        let path = temporaryDirectory() + "/log.jsonl"
        FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        return path
    }

    @Test func readsEveryRecordWithItsLineNumber() throws {
        let path = write(Self.sampleLines().joined(separator: "\n") + "\n")
        let entries = try readAll(path)
        #expect(entries.count == 6)
        guard case .record(.request(let request), let line) = entries[5] else {
            Issue.record("\(entries[5])")
            return
        }
        #expect(line == 6 && request.id == 2)
    }

    @Test func aHalfWrittenLastLineIsReportedAndSkipped() throws {
        var text = Self.sampleLines().joined(separator: "\n") + "\n"
        let response = SessionRecord.response(
            ResponseRecord(
                request: 2, status: 200, headers: [], body: ResponseBody(bytes: canceledBody), latencyMicroseconds: 1, at: 4)
        ).line
        text += response.prefix(40)
        let path = write(text)
        #expect(try records(path).count == 6)
        #expect(try issues(path) == [SessionLogIssue(line: 7, problem: .truncatedLastLine(bytes: 40))])
        // A complete last record without its newline is still a record.
        let whole = write(Self.sampleLines().joined(separator: "\n"))
        #expect(try records(whole).count == 6)
        #expect(try issues(whole).isEmpty)
    }

    @Test func aGarbledLineInTheMiddleIsSkippedAndTheRestRead() throws {
        var lines = Self.sampleLines()
        lines.insert("{\"kind\":\"statement\",\u{1}garbage", at: 3)
        lines.insert("{\"kind\":\"teleport\",\"at\":1}", at: 4)
        lines.insert("", at: 5)
        let path = write(lines.joined(separator: "\n") + "\n")
        #expect(try records(path).count == 6)
        let found = try issues(path)
        #expect(found.map(\.line) == [4, 5])
        if case .invalidJSON = found[0].problem {} else { Issue.record("\(found[0])") }
        #expect(found[1].problem == .invalidRecord("field 'kind' is not a known record kind: 'teleport'"))
    }

    @Test func aLogWithoutHeaderOrFromTheFutureIsReported() throws {
        let headless = write(Self.sampleLines().dropFirst().joined(separator: "\n") + "\n")
        let entries = try readAll(headless)
        #expect(entries.first == .issue(SessionLogIssue(line: 1, problem: .missingHeader)))
        #expect(entries.count == 6)
        let future = write(
            SessionRecord.header(demoHeader).line.replacingOccurrences(of: #""version":1"#, with: #""version":99"#) + "\n")
        #expect(try issues(future) == [SessionLogIssue(line: 1, problem: .unsupportedVersion(99))])
    }

    @Test func filtersSkipOtherKindsAndNestedStatements() throws {
        var lines = Self.sampleLines()
        // A nested statement whose text looks like a top-level one's fields.
        lines.append(
            SessionRecord.statement(
                StatementRecord(sequence: 3, source: #"print ",\"depth\":0,""#, file: "t.bnc", line: 3, depth: 1, at: 4)
            ).line)
        lines.append(
            SessionRecord.statement(
                StatementRecord(sequence: 4, source: #"print ",\"depth\":1,""#, file: "t.bnc", line: 4, depth: 0, at: 4)
            ).line)
        let path = write(lines.joined(separator: "\n") + "\n")
        let requests = Array(try SessionLogReader(path: path, kinds: ["request"]))
        #expect(requests.count == 2)
        #expect(requests.allSatisfy { if case .record(.request, _) = $0 { true } else { false } })
        let topLevel = Array(try SessionLogReader(path: path, kinds: ["header", "statement"], topLevelStatementsOnly: true))
        let sequences = topLevel.compactMap { if case .record(.statement(let s), _) = $0 { s.sequence } else { nil } }
        #expect(sequences == [1, 2, 4])
        if case .record(.header, 1) = topLevel.first {} else { Issue.record("no header: \(topLevel)") }
    }

    @Test func replayReadersGetResponseBodiesAsTheRecordedBytes() throws {
        let tricky = Array(#"{"a":{"latencyUs":1},"b":",\"latencyUs\":2,","body":[1,2.50]}"#.utf8)
        var lines = Self.sampleLines()
        lines.append(
            SessionRecord.response(
                ResponseRecord(
                    request: 2, status: 200, headers: [HTTPHeader("Retry-After", "3")], body: ResponseBody(bytes: tricky),
                    latencyMicroseconds: 7, at: 8)
            ).line)
        let path = write(lines.joined(separator: "\n") + "\n")
        let plain = try records(path).compactMap { if case .response(let r) = $0 { r } else { nil } }
        let raw = Array(try SessionLogReader(path: path, rawResponseBodies: true)).compactMap {
            if case .record(.response(let r), _) = $0 { r } else { nil }
        }
        #expect(raw.count == 2)
        #expect(raw.map(\.transportResponse) == plain.map(\.transportResponse))
        #expect(raw[1].body == .text(String(decoding: tricky, as: UTF8.self)))
        #expect(raw[1].latencyMicroseconds == 7 && raw[1].headers == [HTTPHeader("Retry-After", "3")])
    }

    @Test func anEmptyLogIsReportedAsHeaderless() throws {
        #expect(try readAll(write("")) == [.issue(SessionLogIssue(line: 1, problem: .missingHeader))])
        let garbage = try readAll(write("not json\n"))
        #expect(garbage.count == 2)
        #expect(garbage.last == .issue(SessionLogIssue(line: 2, problem: .missingHeader)))
    }

    @Test func overlongLinesAreCappedNotLoaded() throws {
        let path = write(
            Self.sampleLines()[0] + "\n" + String(repeating: "x", count: 300_000) + "\n" + Self.sampleLines()[1] + "\n")
        let entries = Array(try SessionLogReader(path: path, maximumLineLength: 100_000))
        #expect(entries.count == 3)
        #expect(entries[1] == .issue(SessionLogIssue(line: 2, problem: .lineTooLong(limit: 100_000))))
    }

    @Test func unreadablePathsAreErrorsNotCrashes() {
        #expect(throws: SessionLogError.self) { try SessionLogReader(path: "/nonexistent/log.jsonl") }
        #expect(throws: SessionLogError.self) { try SessionLogReader(path: NSTemporaryDirectory()) }
    }

    /// Truncates, garbles, splices and cuts a valid log 1,500 ways: the reader never crashes or
    /// stops early, and after a truncation every line whose newline survived is read back.
    @Test func fuzzTruncatedAndGarbledLogs() throws {
        let lines = Self.sampleLines()
        let text = Array((lines.joined(separator: "\n") + "\n").utf8)
        var generator = SplitMix64(seed: 0x5E55_10_6)
        let path = temporaryDirectory() + "/fuzz.jsonl"
        for round in 0..<1_500 {
            var bytes = text
            let cut = Int(generator.next() % UInt64(bytes.count + 1))
            switch round % 4 {
            case 0: bytes = Array(bytes[..<cut])
            case 1:
                for _ in 0..<(1 + Int(generator.next() % 8)) {
                    bytes[Int(generator.next() % UInt64(bytes.count))] = UInt8(truncatingIfNeeded: generator.next())
                }
            case 2:
                bytes.insert(
                    contentsOf: (0..<Int(generator.next() % 64)).map { _ in UInt8(truncatingIfNeeded: generator.next()) }, at: cut
                )
            default: bytes.removeSubrange(cut..<min(bytes.count, cut + Int(generator.next() % 200)))
            }
            FileManager.default.createFile(atPath: path, contents: Data(bytes))
            let intact = Set(lines)
            let entries = Array(try SessionLogReader(path: path))
            var recovered = 0
            for entry in entries {
                guard case .record(let record, _) = entry else { continue }
                if intact.contains(record.line) { recovered += 1 }
            }
            if round % 4 == 0 {
                // Every line whose newline survived the cut is read back.
                let wholeLines = bytes.filter { $0 == UInt8(ascii: "\n") }.count
                #expect(recovered >= wholeLines, "round \(round): cut at \(cut)")
                #expect(entries.count <= wholeLines + 2) // a half-written line, and "no header" when nothing read
            }
        }
    }
}
