import BinanceAPI
import Foundation
import Testing

@testable import SessionLog

@Suite struct SessionLogWriterTests {
    static let cancel = CancelMarginOrder(symbol: "LTCBTC", orderId: 28)

    func client(_ transport: ScriptedTransport, _ writer: SessionLogWriter) -> ExchangeClient {
        ExchangeClient(
            transport: transport, credentials: DemoCredentials.hmac, clock: ExchangeClock(fixed: 1_499_827_319_559),
            observer: writer)
    }

    @Test func theRequestRecordIsOnDiskBeforeTheRequestLeaves() async throws {
        let path = temporaryDirectory() + "/s.jsonl"
        let writer = try SessionLogWriter(path: path, header: demoHeader)
        let transport = ScriptedTransport(
            answers: [.success(TransportResponse(status: 200, headers: [], body: canceledBody))], logPath: path)
        writer.recordStatement(source: "cancel LTCBTC id=28", file: "t.bnc", line: 1)
        _ = try await client(transport, writer).execute(Self.cancel)
        let atSend = try #require(transport.logAtSend.first)
        #expect(atSend.contains(#""kind":"statement""#))
        #expect(atSend.contains(#""kind":"request""#))
        #expect(atSend.contains("symbol=LTCBTC&orderId=28&timestamp=1499827319559"))
        #expect(!atSend.contains(#""kind":"response""#))
        writer.close(exitCode: 0)
        let kinds = try records(path).map(\.kind)
        #expect(kinds == ["header", "statement", "request", "response", "end"])
    }

    @Test func recordsStatementsRequestsAndOutcomesLinkedByIds() async throws {
        let path = temporaryDirectory() + "/s.jsonl"
        let writer = try SessionLogWriter(path: path, header: demoHeader)
        let transport = ScriptedTransport(answers: [
            .success(TransportResponse(status: 200, headers: [HTTPHeader("X-SAPI-USED-IP-WEIGHT-1M", "10")], body: canceledBody)),
            .failure(.timedOut("no answer in 10 s"))
        ])
        let client = client(transport, writer)
        writer.recordStatement(source: "cancel LTCBTC id=28", file: "t.bnc", line: 1)
        _ = try await client.execute(Self.cancel)
        writer.recordStatement(source: "cancel LTCBTC id=29", file: "t.bnc", line: 2)
        await #expect(throws: ClientError.self) { try await client.execute(CancelMarginOrder(symbol: "LTCBTC", orderId: 29)) }
        writer.recordInterrupt(signal: "SIGINT")
        writer.close(exitCode: 130)
        let all = try records(path)
        guard case .request(let first) = all[2], case .response(let response) = all[3],
            case .request(let second) = all[5], case .failure(let failure) = all[6],
            case .interrupt(let interrupt) = all[7], case .end(let end) = all[8]
        else {
            Issue.record("unexpected records: \(all.map(\.kind))")
            return
        }
        #expect(first.statement == 1 && first.id == 1 && response.request == 1)
        #expect(response.status == 200 && response.headers == [HTTPHeader("X-SAPI-USED-IP-WEIGHT-1M", "10")])
        #expect(response.transportResponse.body == canceledBody)
        #expect(second.statement == 2 && second.id == 2 && failure.request == 2)
        #expect(failure.error == .timedOut("no answer in 10 s") && failure.error.outcomeUnknown)
        #expect(interrupt.statement == 2 && interrupt.signal == "SIGINT")
        #expect(end == EndRecord(statements: 2, requests: 2, exitCode: 130, at: end.at))
        #expect(first.signatureFingerprint == transport.sent[0].signature?.fingerprint)
    }

    @Test func secretsNeverReachTheFile() async throws {
        let path = temporaryDirectory() + "/s.jsonl"
        let writer = try SessionLogWriter(path: path, header: demoHeader)
        let transport = ScriptedTransport(answers: [.success(TransportResponse(status: 200, headers: [], body: canceledBody))])
        _ = try await client(transport, writer).execute(Self.cancel)
        writer.close(exitCode: 0)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(!text.contains(DemoCredentials.secret))
        #expect(!text.contains(DemoCredentials.apiKey))
        #expect(!text.contains(try #require(transport.sent.first?.signature?.text)))
        #expect(text.contains(Credentials.mask(DemoCredentials.apiKey)))
    }

    @Test func aLogThatCannotBeWrittenStopsTheSend() async throws {
        let path = temporaryDirectory() + "/s.jsonl"
        let writer = try SessionLogWriter(path: path, header: demoHeader)
        writer.close(exitCode: 0)
        let transport = ScriptedTransport(answers: [.success(TransportResponse(status: 200, headers: [], body: canceledBody))])
        do {
            _ = try await client(transport, writer).execute(Self.cancel)
            Issue.record("the request was sent without a log")
        } catch {
            guard case .notRecorded = error else { throw error }
        }
        #expect(transport.sent.isEmpty)
    }

    @Test func filesArePrivateAndNeverOverwritten() throws {
        let state = temporaryDirectory()
        let directory = SessionLogLocation.directory(environment: ["XDG_STATE_HOME": state, "HOME": "/nonexistent"])
        #expect(directory == state + "/bnc/sessions")
        let writer = try SessionLogWriter.create(in: directory, header: demoHeader)
        let second = try SessionLogWriter.create(in: directory, header: demoHeader)
        #expect(writer.path != second.path)
        #expect(writer.path.hasPrefix(directory + "/20251125T130344Z-"))
        let fileMode = try FileManager.default.attributesOfItem(atPath: writer.path)[.posixPermissions] as? Int
        let directoryMode = try FileManager.default.attributesOfItem(atPath: directory)[.posixPermissions] as? Int
        let parentMode = try FileManager.default.attributesOfItem(atPath: state + "/bnc")[.posixPermissions] as? Int
        #expect(fileMode == 0o600)
        #expect(directoryMode == 0o700)
        #expect(parentMode == 0o700)
        #expect(throws: SessionLogError.alreadyExists(path: writer.path)) {
            try SessionLogWriter(path: writer.path, header: demoHeader)
        }
    }

    @Test func defaultDirectoryFallsBackToHome() {
        #expect(SessionLogLocation.directory(environment: ["HOME": "/home/u"]) == "/home/u/.local/state/bnc/sessions")
        // A relative XDG_STATE_HOME is invalid per the XDG spec and ignored.
        #expect(
            SessionLogLocation.directory(environment: ["HOME": "/home/u", "XDG_STATE_HOME": "rel"])
                == "/home/u/.local/state/bnc/sessions")
    }

    @Test func statementsAreBufferedButFlushedBeforeEachRequest() async throws {
        let path = temporaryDirectory() + "/s.jsonl"
        let writer = try SessionLogWriter(path: path, header: demoHeader)
        for index in 1...10 { writer.recordStatement(source: "let x = \(index)", file: nil, line: index) }
        #expect(fileLines(path).count == 1)
        let transport = ScriptedTransport(
            answers: [.success(TransportResponse(status: 200, headers: [], body: canceledBody))], logPath: path)
        _ = try await client(transport, writer).execute(Self.cancel)
        #expect(transport.logAtSend[0].split(separator: "\n").count == 12)
        for index in 1...5_000 { writer.recordStatement(source: "let x = \(index)", file: nil, line: index) }
        // Past 64 KiB the buffer goes out on its own.
        #expect(fileLines(path).count > 13)
        writer.close(exitCode: 0)
        let expected = 5_014 // header, 10 statements, request, response, 5,000 statements, end
        #expect(fileLines(path).count == expected)
    }
}
