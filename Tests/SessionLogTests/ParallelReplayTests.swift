import BinanceAPI
import Foundation
import Script
import Testing

@testable import SessionLog

/// Answers every cancel as canceled after a delay that depends on the order id, so the answers of
/// requests in flight together arrive in another order than they left.
struct ShuffledDelayTransport: Transport {
    var endpointName: String { "test" }
    var baseURL: String { "http://test.bnc.invalid" }

    func send(_ request: PreparedRequest) async throws(TransportError) -> TransportResponse {
        let id = Int(request.parameter("orderId") ?? "0") ?? 0
        try? await Task.sleep(for: .milliseconds((id * 37) % 23 + 1))
        return TransportResponse(status: 200, headers: [HTTPHeader("X-SAPI-USED-IP-WEIGHT-1M", "10")], body: canceledBody)
    }
}

/// Session logs of `parallel N for` loops: requests and answers interleave in the log, each
/// request carries its iteration's origin, and replay matches by origin.
@Suite struct ParallelReplayTests {
    static let script = """
        parallel 4 for id in 1..12 {
          let r = cancel LTCBTC id=$id
          print $id $r.status
        }
        print "done"
        """

    static func record() async throws -> (path: String, printed: [String]) {
        let path = temporaryDirectory() + "/parallel.jsonl"
        let writer = try SessionLogWriter(path: path, header: demoHeader)
        let client = ExchangeClient(
            transport: ShuffledDelayTransport(), credentials: DemoCredentials.hmac, observer: writer)
        let printed = PrintedLines()
        let session = ScriptSession(host: ClientHost(client: client), output: printed, events: writer)
        let outcome = await session.run(script, file: "parallel.bnc")
        writer.close(exitCode: 0) // expected completed, below
        #expect(outcome.status == .completed, "\(outcome.diagnostics.map(\.rendered))")
        return (path, printed.lines)
    }

    @Test func requestsCarryTheirOriginAndAnswersInterleave() async throws {
        let (path, printed) = try await Self.record()
        #expect(printed == (1...12).map { "\($0) CANCELED" } + ["done"])
        let all = try records(path)
        let requests = all.compactMap { if case .request(let r) = $0 { return r } else { return nil } }
        #expect(requests.count == 12)
        for request in requests {
            let id = try #require(request.query.split(separator: "&").first { $0.hasPrefix("orderId=") }?.dropFirst(8))
            #expect(request.origin == "1:1#\(id)")
        }
        // Several were in flight at once: some request is logged before an earlier one's answer.
        var open = Set<Int>()
        var interleaved = false
        for record in all {
            switch record {
            case .request(let request):
                if !open.isEmpty { interleaved = true }
                open.insert(request.id)
            case .response(let response):
                open.remove(response.request)
            default:
                break
            }
        }
        #expect(interleaved)
        // Every request is paired with its own answer, none taken for unanswered.
        let walk = try RecordedRequests(path: path)
        var outcomes: [Int: RecordedRequest.Outcome] = [:]
        var order: [Int] = []
        while let next = walk.next() {
            outcomes[next.record.id] = next.outcome
            order.append(next.record.id)
        }
        #expect(order == Array(1...12))
        for (id, outcome) in outcomes {
            guard case .response(let response) = outcome else {
                Issue.record("request #\(id): \(outcome)")
                continue
            }
            #expect(response.request == id)
        }
    }

    @Test func verifyAndOfflineReplayMatchEachIterationByOrigin() async throws {
        let (path, recorded) = try await Self.record()
        let (verified, _) = try await SessionReplayTests.replay(path, .verify)
        #expect(verified.mismatch == nil, "\(String(describing: verified.mismatch))")
        #expect(verified.requests == 12)
        let (offline, printed) = try await SessionReplayTests.replay(path, .offline)
        #expect(offline.mismatch == nil)
        #expect(printed == recorded)
    }

    @Test func anOriginMovedToAnotherIterationFailsVerify() async throws {
        let (path, _) = try await Self.record()
        var lines = fileLines(path)
        let index = try #require(lines.firstIndex { $0.contains(#""kind":"request""#) && $0.contains("orderId=3&") })
        lines[index] = lines[index].replacingOccurrences(of: #""origin":"1:1#3""#, with: #""origin":"1:1#30""#)
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: false, encoding: .utf8)
        let (result, _) = try await SessionReplayTests.replay(path, .verify)
        let mismatch = try #require(result.mismatch)
        #expect(mismatch.recorded.contains("no request from parallel iteration 1:1#3"), "\(mismatch)")
    }

    @Test func aLogWithoutOriginsStillPairsAnswersInOrder() throws {
        // A sequential log (no origin field): request 2 has no answer before request 3 — it is
        // unanswered, and 3 keeps its own answer.
        let path = temporaryDirectory() + "/sequential.jsonl"
        let writer = try SessionLogWriter(path: path, header: demoHeader)
        let request = { (id: Int64) in
            try! RequestBuilder(credentials: DemoCredentials.hmac).prepare(
                CancelMarginOrder(symbol: "LTCBTC", orderId: id), timestamp: 1_499_827_319_559)
        }
        let ok = TransportResponse(status: 200, headers: [], body: canceledBody)
        try writer.willSend(request(1), attempt: 1)
        writer.didReceive(ok, for: request(1), latency: .milliseconds(1))
        try writer.willSend(request(2), attempt: 1)
        try writer.willSend(request(3), attempt: 1)
        writer.didReceive(ok, for: request(3), latency: .milliseconds(1))
        writer.close(exitCode: 1)
        let walk = try RecordedRequests(path: path)
        var seen: [(Int, String)] = []
        while let next = walk.next() {
            switch next.outcome {
            case .response(let response): seen.append((next.record.id, "response to #\(response.request)"))
            case .failure: seen.append((next.record.id, "failure"))
            case .unknown: seen.append((next.record.id, "unknown"))
            }
        }
        #expect(seen.map(\.0) == [1, 2, 3])
        #expect(seen.map(\.1) == ["response to #1", "unknown", "response to #3"])
        #expect(!(try String(contentsOfFile: path, encoding: .utf8)).contains("origin"))
    }
}
