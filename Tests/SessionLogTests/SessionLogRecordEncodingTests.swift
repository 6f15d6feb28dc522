import BinanceAPI
import Testing

@testable import SessionLog

/// The writer's field-by-field request and response lines (`JSONBytes.appendRecord`,
/// `RequestRecord.appendLine`, `ResponseRecord.appendLine`) against the definition they replace:
/// `SessionRecord.line`, built through `JSONObject` and `JSONValue.serialized`.
@Suite struct SessionLogRecordEncodingTests {
    typealias Generator = SessionLogWriterEncodingTests.Generator

    static func integer(_ generator: inout Generator) -> Int64 {
        generator.pick([0, 1, -1, 28, 1_499_827_319_559, Int64.max, Int64.min, Int64(generator.next(1_000_000))])
    }

    static func optional<T>(_ generator: inout Generator, _ make: (inout Generator) -> T) -> T? {
        generator.next(3) == 0 ? nil : make(&generator)
    }

    static func request(_ generator: inout Generator) -> RequestRecord {
        RequestRecord(
            id: Int(integer(&generator)), statement: optional(&generator) { Int(integer(&$0)) },
            attempt: Int(integer(&generator)), title: generator.string(), method: generator.pick(HTTPMethod.allCases),
            path: generator.string(), query: generator.string(), timestamp: optional(&generator) { integer(&$0) },
            newClientOrderId: optional(&generator) { $0.string() }, keyType: optional(&generator) { $0.pick(KeyType.allCases) },
            signatureFingerprint: optional(&generator) { $0.string() },
            weight: RequestWeight(Int(integer(&generator)), generator.pick([.ip, .uid])), at: integer(&generator),
            origin: optional(&generator) { $0.string() })
    }

    static func response(_ generator: inout Generator) -> ResponseRecord {
        // Few names, so that some repeat (a JSONObject keeps one, at its first place, with the last
        // value); up to 20 headers, past the field-by-field path's limit.
        let names = ["X-SAPI-USED-IP-WEIGHT-1M", "x-sapi-used-ip-weight-1m", "Retry-After", "e\u{301}", "\u{E9}", "\"\\"]
        let headers = (0..<generator.next(21)).map { _ in HTTPHeader(generator.pick(names), generator.string()) }
        let body: ResponseBody
        switch generator.next(3) {
        case 0: body = .json(generator.value())
        case 1: body = .text(generator.string())
        default: body = .base64(generator.string())
        }
        return ResponseRecord(
            request: Int(integer(&generator)), status: Int(integer(&generator)), headers: headers, body: body,
            latencyMicroseconds: integer(&generator), at: integer(&generator))
    }

    @Test func requestLinesAreTheRecordsLines() {
        var generator = Generator(state: 11)
        for _ in 0..<3000 {
            let record = SessionRecord.request(Self.request(&generator))
            var bytes: [UInt8] = []
            JSONBytes.appendRecord(record, to: &bytes)
            #expect(bytes == Array((record.line + "\n").utf8), "\(record.line)")
        }
    }

    @Test func responseLinesAreTheRecordsLines() {
        var generator = Generator(state: 13)
        var fieldByField = 0
        for _ in 0..<3000 {
            let response = Self.response(&generator)
            if response.hasFewHeaders { fieldByField += 1 }
            let record = SessionRecord.response(response)
            var bytes: [UInt8] = []
            JSONBytes.appendRecord(record, to: &bytes)
            #expect(bytes == Array((record.line + "\n").utf8), "\(record.line)")
        }
        #expect(fieldByField > 1000 && fieldByField < 3000) // both paths taken
    }

    /// With the body's bytes given, they stand for `body`'s value, as `appendValue(_:to:body:)`
    /// writes them.
    @Test func aVerbatimBodyIsWrittenInPlaceOfTheBodyMember() {
        var generator = Generator(state: 17)
        for body in SessionLogWriterEncodingTests.candidateBodies().prefix(500) {
            var response = Self.response(&generator)
            guard response.hasFewHeaders else { continue }
            response.body = .json(.null)
            var bytes: [UInt8] = []
            response.appendLine(to: &bytes, body: body)
            var expected: [UInt8] = []
            JSONBytes.appendValue(SessionRecord.response(response).json, to: &expected, body: body)
            expected.append(0x0A)
            #expect(bytes == expected)
        }
    }

    @Test func otherRecordsAreTheirLines() {
        let records: [SessionRecord] = [
            .statement(StatementRecord(sequence: 3, source: "cancel \"x\"\n", file: nil, line: 2, column: 1, depth: 1, at: 5)),
            .interrupt(InterruptRecord(statement: 2, signal: "SIGINT", at: 9)),
            .failure(FailureRecord(request: 4, error: .timedOut("no answer \"in\" 10 s"), latencyMicroseconds: 7, at: 8))
        ]
        for record in records {
            var bytes: [UInt8] = []
            JSONBytes.appendRecord(record, to: &bytes)
            #expect(bytes == Array((record.line + "\n").utf8))
        }
    }

    /// The rate-limit header test without a lowercased copy answers as the Unicode one does.
    @Test func rateLimitHeadersAreTheSameWithoutALowercasedCopy() {
        var generator = Generator(state: 19)
        let pieces = [
            "X-MBX-USED-WEIGHT", "x-mbx-used-weight-1m", "X-Mbx-Order-Count-10s", "X-SAPI-USED-IP-WEIGHT-1M", "x-sapi-used-",
            "Retry-After", "retry-after", "RETRY-AFTER", "Retry-Afte", "-", "1M", "\r\n", " ", "K", "é", "\u{212A}", "\u{301}"
        ]
        var ascii = 0
        for _ in 0..<5000 {
            let name = (0..<generator.next(3) + 1).map { _ in generator.pick(pieces) }.joined()
            let lowered = name.lowercased()
            let expected =
                lowered.hasPrefix("x-mbx-used-weight") || lowered.hasPrefix("x-mbx-order-count")
                || lowered.hasPrefix("x-sapi-used-") || lowered == "retry-after"
            if let answer = SessionLogFormat.isRateLimitHeaderASCII(name) {
                ascii += 1
                #expect(answer == expected, "\(name)")
            }
            #expect(SessionLogFormat.isRateLimitHeader(name) == expected, "\(name)")
        }
        #expect(ascii > 2000)
    }
}
