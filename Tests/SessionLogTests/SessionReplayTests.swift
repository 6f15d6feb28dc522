import BinanceAPI
import Foundation
import Script
import Testing

@testable import SessionLog

/// Collects a script's printed lines.
final class PrintedLines: ScriptOutputSink, @unchecked Sendable {
    private let lock = NSLock()
    private var collected: [String] = []

    func emit(_ output: ScriptOutput) {
        guard case .printed(let line) = output else { return }
        lock.withLock { collected.append(line) }
    }

    var lines: [String] { lock.withLock { collected } }
}

@Suite struct SessionReplayTests {
    static let script = """
        let prefix = "order"
        for id in 28..30 {
          try {
            let r = cancel LTCBTC id=$id
            if $r.status == "CANCELED" {
              print "$prefix $id canceled"
            } else {
              print "$prefix $id is $r.status"
            }
          } on error e {
            print "$prefix $id failed"
          }
        }
        print "done"
        """

    static func answers() -> [Result<TransportResponse, TransportError>] {
        let unknown = Array(#"{"code":-2011,"msg":"Unknown order sent."}"#.utf8)
        return [
            .success(TransportResponse(status: 200, headers: [HTTPHeader("X-SAPI-USED-IP-WEIGHT-1M", "10")], body: canceledBody)),
            .success(TransportResponse(status: 400, headers: [HTTPHeader("X-SAPI-USED-IP-WEIGHT-1M", "20")], body: unknown)),
            .success(
                TransportResponse(
                    status: 200, headers: [],
                    body: Array(
                        String(decoding: canceledBody, as: UTF8.self).replacingOccurrences(of: "CANCELED", with: "EXPIRED").utf8))
            )
        ]
    }

    /// Runs the script against scripted answers with a real clock, logging to a new file.
    static func record(_ text: String = script, answers: [Result<TransportResponse, TransportError>] = answers()) async throws
        -> (path: String, printed: [String])
    {
        let path = temporaryDirectory() + "/run.jsonl"
        let writer = try SessionLogWriter(path: path, header: demoHeader)
        let client = ExchangeClient(
            transport: ScriptedTransport(answers: answers), credentials: DemoCredentials.hmac, observer: writer)
        let printed = PrintedLines()
        let session = ScriptSession(host: ClientHost(client: client), output: printed, events: writer)
        let outcome = await session.run(text, file: "cleanup.bnc")
        writer.close(exitCode: outcome.status == .completed ? 0 : 1)
        return (path, printed.lines)
    }

    static func replay(_ path: String, _ mode: SessionReplay.Mode, key: Credentials = DemoCredentials.hmac) async throws -> (
        SessionReplay.Result, [String]
    ) {
        let printed = PrintedLines()
        let result = try await SessionReplay(path: path, mode: mode, credentials: key, output: printed).run()
        return (result, printed.lines)
    }

    @Test func theLogRecordsNestingAndEveryRequest() async throws {
        let (path, printed) = try await Self.record()
        #expect(printed == ["order 28 canceled", "order 29 failed", "order 30 is EXPIRED", "done"])
        let statements = try records(path).compactMap { if case .statement(let s) = $0 { return s } else { return nil } }
        #expect(statements.filter { $0.depth == 0 }.map(\.line) == [1, 2, 14])
        #expect(statements.first { $0.source.hasPrefix("let r") }?.depth == 2)
        let requests = try records(path).compactMap { if case .request(let r) = $0 { return r } else { return nil } }
        #expect(
            requests.map { String($0.query.prefix(25)) } == [
                "symbol=LTCBTC&orderId=28&", "symbol=LTCBTC&orderId=29&", "symbol=LTCBTC&orderId=30&"
            ])
    }

    @Test func verifySucceedsOnAnUneditedLog() async throws {
        let (path, _) = try await Self.record()
        let (result, printed) = try await Self.replay(path, .verify)
        #expect(result.mismatch == nil)
        #expect(result.requests == 3)
        #expect(result.statements == 3)
        #expect(printed.count == 4)
    }

    @Test func offlineReplayTakesTheSameBranchesAndPrintsTheSame() async throws {
        let (path, recorded) = try await Self.record()
        let (result, printed) = try await Self.replay(path, .offline)
        #expect(result.mismatch == nil)
        #expect(printed == recorded)
        // Offline replay does not need the key the log was written with.
        let other = Credentials(apiKey: "another-key-0123456789", signer: RequestSigner(hmacSecret: "other"), source: "test")
        let (withOtherKey, printedAgain) = try await Self.replay(path, .offline, key: other)
        #expect(withOtherKey.mismatch == nil)
        #expect(printedAgain == recorded)
    }

    @Test func aChangedQueryByteFailsVerifyNamingTheRecord() async throws {
        let (path, _) = try await Self.record()
        var lines = fileLines(path)
        let index = try #require(lines.firstIndex { $0.contains(#""kind":"request""#) && $0.contains("orderId=29") })
        lines[index] = lines[index].replacingOccurrences(of: "orderId=29", with: "orderId=39")
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: false, encoding: .utf8)
        let (result, _) = try await Self.replay(path, .verify)
        let mismatch = try #require(result.mismatch)
        #expect(mismatch.line == index + 1)
        #expect(mismatch.requestID == 2)
        #expect(mismatch.field == "canonical query")
        #expect(mismatch.recorded.hasPrefix("symbol=LTCBTC&orderId=39&timestamp="))
        #expect(mismatch.replayed.hasPrefix("symbol=LTCBTC&orderId=29&timestamp="))
        #expect(mismatch.description.contains("\(path):\(index + 1): request #2: the canonical query differs"))
        #expect(mismatch.note == "first difference at byte 23")
    }

    @Test func aDifferentKeyFailsVerifyOnTheSignature() async throws {
        let (path, _) = try await Self.record()
        let other = Credentials(apiKey: "another-key-0123456789", signer: RequestSigner(hmacSecret: "other"), source: "test")
        let (result, _) = try await Self.replay(path, .verify, key: other)
        let mismatch = try #require(result.mismatch)
        #expect(mismatch.field == "signature")
        #expect(mismatch.requestID == 1)
        #expect(mismatch.recorded.hasPrefix("sha256 ") && mismatch.replayed.hasPrefix("sha256 "))
        #expect(mismatch.recorded != mismatch.replayed)
    }

    @Test func aChangedTimestampOrMissingRequestIsADifference() async throws {
        let (path, _) = try await Self.record()
        let lines = fileLines(path)
        // Drop the last request and its response: the replay sends one more than recorded.
        let lastRequest = try #require(lines.lastIndex { $0.contains(#""kind":"request""#) })
        var shortened = lines
        shortened.removeSubrange(lastRequest...(lastRequest + 1))
        try (shortened.joined(separator: "\n") + "\n").write(toFile: path, atomically: false, encoding: .utf8)
        let (result, _) = try await Self.replay(path, .verify)
        let mismatch = try #require(result.mismatch)
        #expect(mismatch.field == "request")
        #expect(mismatch.recorded == "<no request: the log ends>")
    }

    @Test func aLogCutShortReplaysUpToWhereItEnds() async throws {
        let (path, _) = try await Self.record()
        let lines = fileLines(path)
        // As after kill -9 while request #2 was in flight: everything after its request record is gone.
        let second = try #require(lines.firstIndex { $0.contains(#""kind":"request""#) && $0.contains(#""id":2"#) })
        try (lines[...second].joined(separator: "\n") + "\n").write(toFile: path, atomically: false, encoding: .utf8)
        let (result, printed) = try await Self.replay(path, .offline)
        #expect(result.mismatch == nil)
        #expect(result.recordingEnded)
        #expect(result.requests == 2)
        // The recorded session died during request #2: the replay stops there too, printing
        // what the session had printed.
        #expect(printed == ["order 28 canceled"])
    }
}
