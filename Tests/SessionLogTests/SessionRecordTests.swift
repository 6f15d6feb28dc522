import BinanceAPI
import Testing

@testable import SessionLog

@Suite struct SessionRecordTests {
    static let samples: [SessionRecord] = [
        .header(demoHeader),
        .header(
            SessionHeader(
                version: 1, bncVersion: "0.1.0", endpoint: "live", baseURL: "https://api.binance.com", keyType: nil,
                maskedAPIKey: nil, keySource: nil, started: 1, mode: "shell", fixedClock: nil)),
        .statement(
            StatementRecord(
                sequence: 1, source: "cancel LTCBTC id=28\n  # \"quoted\"", file: "a b.bnc", line: 3, column: 5, depth: 1, at: 7)),
        .statement(StatementRecord(sequence: 2, source: "x", file: nil, line: 1, at: 8)),
        .request(
            RequestRecord(
                id: 1, statement: 1, attempt: 2, title: "margin cancel", method: .delete, path: "/sapi/v1/margin/order",
                query: "symbol=LTCBTC&orderId=28&timestamp=1499827319559", timestamp: 1_499_827_319_559,
                newClientOrderId: "myCancel", keyType: .ed25519, signatureFingerprint: String(repeating: "ab", count: 32),
                weight: RequestWeight(10, .uid), at: 9)),
        .request(
            RequestRecord(
                id: 2, statement: nil, attempt: 1, title: "time", method: .get, path: "/api/v3/time", query: "",
                timestamp: nil, newClientOrderId: nil, keyType: nil, signatureFingerprint: nil,
                weight: RequestWeight(1, .ip), at: 10)),
        .response(
            ResponseRecord(
                request: 1, status: 200, headers: [HTTPHeader("X-SAPI-USED-IP-WEIGHT-1M", "10")],
                body: ResponseBody(bytes: canceledBody), latencyMicroseconds: 1234, at: 11)),
        .response(
            ResponseRecord(
                request: 2, status: 502, headers: [], body: .text("<html> bad gateway </html>"), latencyMicroseconds: 5, at: 12)),
        .response(ResponseRecord(request: 3, status: 200, headers: [], body: .base64("AP8="), latencyMicroseconds: 5, at: 12)),
        .failure(FailureRecord(request: 4, error: .timedOut("after 10 s"), latencyMicroseconds: 10_000_000, at: 13)),
        .failure(FailureRecord(request: 5, error: .connectFailed("refused"), latencyMicroseconds: 1, at: 13)),
        .interrupt(InterruptRecord(statement: 2, signal: "SIGINT", at: 14)),
        .end(EndRecord(statements: 2, requests: 5, exitCode: 1, at: 15))
    ]

    @Test(arguments: samples) func roundTripsThroughOneLine(record: SessionRecord) throws {
        let line = record.line
        #expect(!line.contains("\n"))
        #expect(line.hasPrefix(#"{"kind":"\#(record.kind)""#))
        #expect(try SessionRecord(json: JSONValue.parse(line)) == record)
    }

    @Test func theFastStatementLineIsTheJSONLine() {
        for case .statement(let statement) in Self.samples {
            var fast: [UInt8] = []
            statement.appendLine(to: &fast)
            #expect(String(decoding: fast, as: UTF8.self) == SessionRecord.statement(statement).line + "\n")
        }
    }

    @Test func fastJSONBytesMatchJSONValue() {
        for text in ["", "plain", "quote \" back \\ slash", "\u{0}\u{1}\u{1F}\n\r\t\u{8}\u{C}", "é ü 日本 🎉 e\u{301}"] {
            var fast: [UInt8] = []
            JSONBytes.appendString(text, to: &fast)
            var slow = ""
            JSONValue.writeString(text, to: &slow)
            #expect(String(decoding: fast, as: UTF8.self) == slow)
        }
        for number in [0, 7, -7, 1_499_827_319_559, Int64.max, Int64.min] {
            var fast: [UInt8] = []
            JSONBytes.appendInteger(number, to: &fast)
            #expect(String(decoding: fast, as: UTF8.self) == String(number))
        }
    }

    @Test func headerCarriesTheMaskedKeyOnly() {
        let line = SessionRecord.header(demoHeader).line
        #expect(!line.contains(DemoCredentials.apiKey))
        #expect(!line.contains(DemoCredentials.secret))
        #expect(line.contains(Credentials.mask(DemoCredentials.apiKey)))
        #expect(line.contains(#""startedUTC":"2025-11-25T13:03:44.123Z""#))
        #expect(line.contains(#""format":"bnc-session-log","version":1"#))
    }

    @Test func requestRecordStoresTheFingerprintNotTheSignature() throws {
        let request = try RequestBuilder(credentials: DemoCredentials.hmac).prepare(
            CancelMarginOrder(symbol: "LTCBTC", orderId: 28, newClientOrderId: "c1"), timestamp: 1_499_827_319_559)
        let record = RequestRecord(request, id: 1, statement: 1, attempt: 1, at: 0)
        let line = SessionRecord.request(record).line
        let signature = try #require(request.signature)
        #expect(!line.contains(signature.text))
        #expect(line.contains(signature.fingerprint))
        #expect(record.newClientOrderId == "c1")
        #expect(record.query == "symbol=LTCBTC&orderId=28&newClientOrderId=c1&timestamp=1499827319559")
        #expect(record.redactedURLQuery.hasSuffix("&signature=<redacted:\(signature.fingerprint.prefix(8))>"))
    }

    @Test func bodiesReproduceTheirBytes() {
        let spaced = Array(#"{"a": 1}"#.utf8)
        let binary: [UInt8] = [0x00, 0xFF, 0x10]
        #expect(ResponseBody(bytes: canceledBody) == .json(try! JSONValue.parse(canceledBody)))
        #expect(ResponseBody(bytes: spaced) == .text(#"{"a": 1}"#))
        #expect(ResponseBody(bytes: binary).bytes == binary)
        if case .base64 = ResponseBody(bytes: binary) {} else { Issue.record("binary body not base64") }
        for bytes in [canceledBody, spaced, binary, []] { #expect(ResponseBody(bytes: bytes).bytes == bytes) }
    }

    @Test(arguments: [
        (#"{"kind":"nope"}"#, "field 'kind' is not a known record kind: 'nope'"),
        (#"{"kind":"request","id":1}"#, "field 'method' is missing"),
        (#"[1,2]"#, "field 'record' is not a JSON object"),
        (#"{"kind":"header","format":"other","version":1}"#, "field 'format' is 'other', not 'bnc-session-log'"),
        (#"{"kind":"error","request":1,"error":"boom","at":1}"#, "field 'error' is not a known transport error: 'boom'")
    ])
    func rejectsMalformedRecordsWithAReason(line: String, reason: String) throws {
        #expect(throws: SessionRecordError(reason)) { try SessionRecord(json: JSONValue.parse(line)) }
    }

    @Test func keepsOnlyRateLimitHeaders() {
        let response = TransportResponse(
            status: 429,
            headers: [
                HTTPHeader("Set-Cookie", "session=secret"), HTTPHeader("Retry-After", "7"),
                HTTPHeader("x-mbx-used-weight-1m", "1201"), HTTPHeader("X-SAPI-USED-UID-WEIGHT-1M", "3")
            ], body: [])
        let record = ResponseRecord(response, request: 1, latency: .milliseconds(3), at: 0)
        #expect(record.headers.map(\.name) == ["Retry-After", "x-mbx-used-weight-1m", "X-SAPI-USED-UID-WEIGHT-1M"])
        #expect(record.latencyMicroseconds == 3000)
    }
}
