import BinanceAPI
import Foundation
import Testing

@testable import SessionLog

/// The byte-level record reader (``RecordLineDecoder``, used by ``SessionLogReader``) against the
/// general way — ``ReferenceJSONParser`` then ``SessionRecord/init(json:)`` — on generated
/// records of every kind, restyled every way JSON allows, and on damaged ones.
@Suite struct RecordLineDecoderTests {
    /// What the reader made of a line before it had a byte-level path: a record or an issue.
    static func referenceEntry(_ bytes: [UInt8], line: Int, terminated: Bool = true) -> SessionLogEntry {
        let value: JSONValue
        do {
            value = try ReferenceJSONParser.parse(bytes)
        } catch {
            if !terminated { return .issue(SessionLogIssue(line: line, problem: .truncatedLastLine(bytes: bytes.count))) }
            return .issue(SessionLogIssue(line: line, problem: .invalidJSON(error.description)))
        }
        do {
            return .record(try SessionRecord(json: value), line: line)
        } catch {
            if !terminated { return .issue(SessionLogIssue(line: line, problem: .truncatedLastLine(bytes: bytes.count))) }
            return .issue(SessionLogIssue(line: line, problem: .invalidRecord(error.reason)))
        }
    }

    static func decode(_ bytes: [UInt8], rawBodies: Bool = false) -> SessionRecord? {
        RecordLineDecoder.decode(bytes.span, rawBodies: rawBodies)
    }

    /// `entry` (read with raw bodies) as the general reader would return it: a body kept as its
    /// recorded bytes (`.text`) where the general reader parsed a `body` field (`.json`) becomes
    /// that JSON again, if the bytes parse to it.
    static func normalized(_ entry: SessionLogEntry, like reference: SessionLogEntry) -> SessionLogEntry {
        guard case .record(.response(var response), let line) = entry, case .text(let text) = response.body,
            case .record(.response(let expected), _) = reference, case .json = expected.body,
            let value = try? JSONValue.parse(text)
        else { return entry }
        response.body = .json(value)
        return .record(.response(response), line: line)
    }

    @Test func recordsAsBncWritesThemDecodeAsTheGeneralReaderDoes() {
        var generator = RecordGenerator(seed: 0x4EC0_4D5)
        for round in 0..<5_000 {
            let record = generator.record()
            let bytes = Array(record.line.utf8)
            let fast = Self.decode(bytes)
            #expect(fast == record, "round \(round): \(record.line)")
            #expect(Self.referenceEntry(bytes, line: 1) == .record(record, line: 1))
            // The replay's raw bodies are the recorded bytes exactly.
            if case .response(let response)? = Self.decode(bytes, rawBodies: true), case .response(let original) = record {
                #expect(response.transportResponse == original.transportResponse, "round \(round)")
            }
        }
    }

    @Test func restyledRecordsDecodeAsTheGeneralReaderDoes() {
        var generator = RecordGenerator(seed: 0x5E57_11ED)
        var decodedFast = 0
        for round in 0..<20_000 {
            let bytes = Array(generator.restyled(generator.record()).utf8)
            let reference = Self.referenceEntry(bytes, line: 1)
            guard let fast = Self.decode(bytes) else { continue }
            decodedFast += 1
            #expect(.record(fast, line: 1) == reference, "round \(round): \(String(decoding: bytes, as: UTF8.self))")
            if let raw = Self.decode(bytes, rawBodies: true) {
                #expect(Self.normalized(.record(raw, line: 1), like: reference) == reference, "round \(round) (raw bodies)")
            }
        }
        // Most restyled lines (all but escaped keys and out-of-type values) take the fast path.
        #expect(decodedFast > 10_000)
    }

    @Test func damagedRecordsAreNeverDecodedDifferently() {
        var generator = RecordGenerator(seed: 0xBAD_11E5)
        var invalid = 0
        for round in 0..<20_000 {
            let line = round % 2 == 0 ? generator.record().line : generator.restyled(generator.record())
            let bytes = generator.json.damage(Array(line.utf8))
            let reference = Self.referenceEntry(bytes, line: 1)
            if case .issue = reference { invalid += 1 }
            if let fast = Self.decode(bytes) {
                #expect(.record(fast, line: 1) == reference, "round \(round): \(bytes)")
            }
        }
        #expect(invalid > 8_000)
    }

    /// Through the reader: a log of valid, restyled, damaged and truncated lines gives the same
    /// records and the same issues, with the same line numbers, as the general reader.
    @Test func theReaderReportsDamagedLogsAsBefore() throws {
        var generator = RecordGenerator(seed: 0x10_6F11E)
        let path = temporaryDirectory() + "/mixed.jsonl"
        for round in 0..<40 {
            var lines = [Array(SessionRecord.header(demoHeader).line.utf8)]
            for _ in 0..<200 {
                let record = generator.record()
                switch generator.json.below(4) {
                case 0: lines.append(Array(generator.restyled(record).utf8))
                case 1: lines.append(generator.json.damage(Array(record.line.utf8)))
                default: lines.append(Array(record.line.utf8))
                }
            }
            // Every other log ends with a half-written line.
            let cut = round % 2 == 1
            if cut {
                let last = Array(generator.record().line.utf8)
                lines.append(Array(last[..<generator.json.below(last.count)]))
            }
            // Whitespace newlines of restyled and damaged lines would split them: spaces instead.
            lines = lines.map { $0.map { $0 == 0x0A ? 0x20 : $0 } }
            var text = lines.map { $0 + [0x0A] }.joined().map { $0 }
            if cut { text.removeLast() }
            _ = FileManager.default.createFile(atPath: path, contents: Data(text))
            var expected: [SessionLogEntry] = []
            for (index, line) in lines.enumerated() {
                let terminated = !(cut && index == lines.count - 1)
                if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) {
                    if !terminated && !line.isEmpty {
                        expected.append(.issue(SessionLogIssue(line: index + 1, problem: .truncatedLastLine(bytes: line.count))))
                    }
                    continue
                }
                expected.append(Self.referenceEntry(line, line: index + 1, terminated: terminated))
            }
            let read = Array(try SessionLogReader(path: path))
            #expect(read == expected, "round \(round)")
            // The replay's reader: the same, with bodies as recorded bytes.
            let raw = Array(try SessionLogReader(path: path, rawResponseBodies: true))
            #expect(raw.count == expected.count)
            #expect(zip(raw, expected).map { Self.normalized($0, like: $1) } == expected, "round \(round) (raw bodies)")
        }
    }

    @Test func errorsOnMalformedRecordLinesAreWordedAsBefore() throws {
        let lines = [
            #"{"kind":"request","id":1,"statement":1,"attempt":1,"title":"t","method":"BREW","path":"/p","query":"","weight":1,"at":1}"#,
            #"{"kind":"request","id":"x","title":"t","method":"GET","path":"/p","query":"","weight":1,"at":1}"#,
            #"{"kind":"response","request":1,"status":200,"headers":{},"latencyUs":1,"at":1}"#,
            #"{"kind":"response","request":1,"status":200,"headers":{"a":true},"body":{},"at":1}"#,
            #"{"kind":"statement","seq":1,"source":"x","line":1,"depth":"deep","at":1}"#,
            #"{"kind":"statement","seq":1,"source":"x","line":99999999999999999999,"at":1}"#,
            #"{"kind":"request","id":1,"title":"t","method":"GET","path":"/p","query":"","weight":1,"at":1"#,
            #"{"kind":"statement","seq":1,"source":"\ud800","line":1,"at":1}"#
        ]
        let path = temporaryDirectory() + "/bad.jsonl"
        let text = ([SessionRecord.header(demoHeader).line] + lines).joined(separator: "\n") + "\n"
        FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        let entries = Array(try SessionLogReader(path: path)).dropFirst()
        #expect(Array(entries) == lines.enumerated().map { Self.referenceEntry(Array($1.utf8), line: $0 + 2) })
        let issues = entries.map { entry -> String in
            if case .issue(let issue) = entry { return issue.description }
            return "not an issue: \(entry)"
        }
        #expect(
            issues == [
                "line 2: not a session record (field 'method' is not an HTTP method: 'BREW'); skipped",
                "line 3: not a session record (field 'id' is not an integer); skipped",
                "line 4: not a session record (field 'body' is missing (body, bodyText or bodyBase64)); skipped",
                "line 5: not a session record (field 'headers.a' is not text); skipped",
                "line 6: not a session record (field 'depth' is not an integer); skipped",
                "line 7: not a session record (field 'line' is not an integer); skipped",
                "line 8: not JSON (invalid JSON at byte 92: unexpected end of input); skipped",
                "line 9: not JSON (invalid JSON at byte 44: unpaired surrogate); skipped"
            ])
    }

    @Test func integersConvertAsInt64OfTheirText() {
        var generator = JSONTextGenerator(seed: 0x1474)
        let pieces = ["0", "1", "9", "-", "+", " ", "a", "00", "922337203685477580", "7", "8", "9223372036854775808"]
        for _ in 0..<20_000 {
            let text = (0..<generator.below(4)).map { _ in pieces[generator.below(pieces.count)] }.joined()
            let bytes = Array(text.utf8)
            #expect(JSONRawValue.int64(bytes.span) == Int64(text), "\(text)")
        }
        for text in ["-9223372036854775808", "9223372036854775807", "-9223372036854775809", "+0", "-0", ""] {
            let bytes = Array(text.utf8)
            #expect(JSONRawValue.int64(bytes.span) == Int64(text), "\(text)")
        }
    }
}

/// Random session records, and their lines restyled: keys in another order, escaped or
/// repeated, unknown fields, optional fields as `null`, integers as strings, whitespace.
struct RecordGenerator {
    var json: JSONTextGenerator

    init(seed: UInt64) { json = JSONTextGenerator(seed: seed) }

    mutating func integer() -> Int64 {
        switch json.below(4) {
        case 0: return Int64(json.below(10))
        case 1: return Int64(bitPattern: json.random.next())
        default: return Int64(json.below(2_000_000_000_000))
        }
    }

    mutating func optional<T>(_ make: (inout RecordGenerator) -> T) -> T? {
        json.chance(30) ? nil : make(&self)
    }

    mutating func record() -> SessionRecord {
        switch json.below(3) {
        case 0:
            return .request(
                RequestRecord(
                    id: Int(integer()), statement: optional { Int($0.integer()) }, attempt: 1 + json.below(3),
                    title: json.text(), method: [.get, .post, .delete, .put][json.below(4)], path: "/sapi/" + json.text(),
                    query: "symbol=LTCBTC&orderId=\(integer())&x=" + json.text(), timestamp: optional { $0.integer() },
                    newClientOrderId: optional { $0.json.text() },
                    keyType: optional { [KeyType.hmac, .ed25519, .rsa][$0.json.below(3)] },
                    signatureFingerprint: optional { $0.json.text() },
                    weight: RequestWeight(json.below(3000), json.chance(50) ? .ip : .uid), at: integer(),
                    origin: json.chance(50) ? nil : "\(json.below(100)).\(json.below(8))"))
        case 1:
            // Header names are unique in a response record (they are an object's keys).
            let names = ["X-MBX-USED-WEIGHT-1M", "Retry-After", "X-SAPI-USED-IP-WEIGHT-1M"].shuffled(using: &json.random)
            let headers = names.prefix(json.below(4)).map { HTTPHeader($0, json.text()) }
            let body: [UInt8]
            switch json.below(4) {
            case 0: body = Array(json.text().utf8)
            case 1: body = Array(canceledBody)
            default: body = Array(json.value(depth: 3).utf8)
            }
            return .response(
                ResponseRecord(
                    request: Int(integer()), status: [200, 400, 429, 503][json.below(4)], headers: headers,
                    body: ResponseBody(bytes: body), latencyMicroseconds: integer(), at: integer()))
        default:
            return .statement(
                StatementRecord(
                    sequence: Int(integer()), source: json.text(), file: optional { $0.json.text() }, line: json.below(1000),
                    column: 1 + json.below(80), depth: json.below(3), at: integer()))
        }
    }

    /// `value` as JSON text, strings escaped and whitespace placed at random.
    mutating func emit(_ value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .number(let text): return json.chance(15) ? json.literal(text) : text
        case .string(let text): return json.literal(text)
        case .array(let elements):
            return "[" + elements.map { json.space() + emit($0) + json.space() }.joined(separator: ",") + "]"
        case .object(let object):
            return "{"
                + object.pairs.map {
                    json.space() + emitKey($0.key) + json.space() + ":" + json.space() + emit($0.value) + json.space()
                }.joined(separator: ",") + "}"
        }
    }

    mutating func emitKey(_ key: String) -> String {
        json.chance(3) ? json.literal(key) : "\"\(key)\""
    }

    /// The record's line written another valid way.
    mutating func restyled(_ record: SessionRecord) -> String {
        guard case .object(let object) = record.json else { return record.line }
        var pairs = object.pairs.map { ($0.key, $0.value) }
        // Optional fields given as null, an earlier value repeated over, unknown fields.
        for name in [
            "statement", "timestamp", "newClientOrderId", "origin", "file", "latencyUs", "column", "depth", "weightScope",
            "headers"
        ]
        where json.chance(10) && !pairs.contains(where: { $0.0 == name }) {
            pairs.insert((name, .null), at: json.below(pairs.count + 1))
        }
        if json.chance(20), let pair = pairs.randomElement(using: &json.random) {
            pairs.insert((pair.0, .string(json.text())), at: 0)
        }
        if json.chance(20) {
            pairs.insert((json.text(), .object(JSONObject([("k", .array([.null]))]))), at: json.below(pairs.count + 1))
        }
        if json.chance(30) { pairs.shuffle(using: &json.random) }
        let fields = pairs.map { json.space() + emitKey($0.0) + json.space() + ":" + json.space() + emit($0.1) + json.space() }
        return json.space() + "{" + fields.joined(separator: ",") + "}" + json.space()
    }
}
