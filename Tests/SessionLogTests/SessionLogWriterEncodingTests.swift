import BinanceAPI
import Foundation
import Testing

@testable import SessionLog

/// The writer's byte-level encoding (`SessionLogWriter+Encoding.swift`) against the definition it
/// replaces: `SessionRecord.line` (`JSONValue.serialized`) and `ResponseBody(bytes:)`.
@Suite struct SessionLogWriterEncodingTests {
    /// A deterministic generator (tests must not depend on the run).
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        mutating func pick<T>(_ items: [T]) -> T { items[next(items.count)] }

        mutating func string() -> String {
            let pieces = [
                "a", "LTCBTC", "\"", "\\", "\n", "\r", "\t", "\u{08}", "\u{0C}", "\u{01}", "\u{1F}", "/", "é", "€", "😀", " ",
                "\u{7F}", "0"
            ]
            return (0..<next(6)).map { _ in pick(pieces) }.joined()
        }

        mutating func value(depth: Int = 0) -> JSONValue {
            switch next(depth > 3 ? 5 : 7) {
            case 0: return .null
            case 1: return .bool(next(2) == 0)
            case 2: return .number(pick(["0", "-1", "28", "1.00000000", "-0.5e-3", "1E+9", "123456789012345678901234567890"]))
            case 3, 4: return .string(string())
            case 5: return .array((0..<next(4)).map { _ in value(depth: depth + 1) })
            default:
                var object = JSONObject()
                for _ in 0..<next(5) { object[string()] = value(depth: depth + 1) }
                return .object(object)
            }
        }
    }

    @Test func valuesAreWrittenExactlyAsSerialized() {
        var generator = Generator(state: 1)
        for _ in 0..<3000 {
            let value = generator.value()
            var bytes: [UInt8] = []
            JSONBytes.appendValue(value, to: &bytes)
            #expect(bytes == Array(value.serialized.utf8), "\(value.serialized)")
        }
    }

    /// Texts near the canonical form: serialised values, then edited in ways that may or may
    /// not survive a parse and re-serialisation.
    static func candidateBodies() -> [[UInt8]] {
        var generator = Generator(state: 7)
        var bodies: [[UInt8]] = [canceledBody, Array(#"{"a":[1,2,{"b":null}],"c":"x\"y\\z\n"}"#.utf8)]
        let edits = [
            " ", "\n", "\\/", "\\u0041", "\\u001f", "01", "1.", "-", "+1", "1e", ".5", "tru", "nul", ",", ":", "}", "]",
            "\"", "\u{7F}", "é", "\u{01}"
        ]
        for _ in 0..<3000 {
            var value = generator.value()
            if case .object = value {} else if case .array = value {} else { value = .array([value]) }
            var text = Array(value.serialized.utf8)
            if generator.next(3) > 0, !text.isEmpty {
                let at = generator.next(text.count)
                text.insert(contentsOf: generator.pick(edits).utf8, at: at)
            }
            if generator.next(10) == 0 {
                text = Array(#"{"k":1,"k":2}"#.utf8) // a repeated key: parsing keeps one
            }
            bodies.append(text)
        }
        return bodies
    }

    @Test func aBodyAcceptedAsIsIsOneThatResponseBodyStoresAsThoseBytes() {
        var accepted = 0
        for body in Self.candidateBodies() where JSONBytes.isStoredVerbatim(body) {
            accepted += 1
            guard case .json(let value) = ResponseBody(bytes: body) else {
                Issue.record("accepted, but not stored as JSON: \(String(decoding: body, as: UTF8.self))")
                continue
            }
            #expect(Array(value.serialized.utf8) == body)
        }
        #expect(accepted > 500) // the common compact, ASCII case takes the fast path
        #expect(JSONBytes.isStoredVerbatim(canceledBody))
        #expect(!JSONBytes.isStoredVerbatim(Array(#"{"k":1,"k":2}"#.utf8)))
        #expect(!JSONBytes.isStoredVerbatim(Array(#"{"a": 1}"#.utf8)))
        #expect(!JSONBytes.isStoredVerbatim(Array("28".utf8)))
        #expect(!JSONBytes.isStoredVerbatim([]))
    }

    @Test func responseLinesAreTheRecordsLines() async throws {
        let path = temporaryDirectory() + "/s.jsonl"
        let writer = try SessionLogWriter(path: path, header: demoHeader)
        let bodies = Array(Self.candidateBodies().prefix(300)) + [Array("<html>busy</html>".utf8), [0xFF, 0xFE]]
        let headers = [
            HTTPHeader("X-SAPI-USED-IP-WEIGHT-1M", "10"), HTTPHeader("Content-Type", "application/json"),
            HTTPHeader("Retry-After", "3")
        ]
        let request = try RequestBuilder(credentials: DemoCredentials.hmac).prepare(
            CancelMarginOrder(symbol: "LTCBTC", orderId: 28), timestamp: 1_499_827_319_559)
        var sent: [TransportResponse] = []
        for (index, body) in bodies.enumerated() {
            let response = TransportResponse(status: index % 7 == 0 ? 400 : 200, headers: headers, body: body)
            try writer.willSend(request, attempt: 1)
            writer.didReceive(response, for: request, latency: .microseconds(index))
            sent.append(response)
        }
        writer.close(exitCode: 0)
        let lines = fileLines(path).filter { $0.contains(#""kind":"response""#) }
        #expect(lines.count == sent.count)
        for (index, (line, response)) in zip(lines, sent).enumerated() {
            // The writer's line, read back, has the time it was written; the reference line is
            // built from the same response through SessionRecord with that time.
            let written = try SessionRecord(json: JSONValue.parse(Array(line.utf8)))
            guard case .response(let record) = written else {
                Issue.record("not a response: \(line)")
                continue
            }
            let expected = SessionRecord.response(
                ResponseRecord(response, request: index + 1, latency: .microseconds(index), at: record.at))
            #expect(line == expected.line)
        }
    }
}
