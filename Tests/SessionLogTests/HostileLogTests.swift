import BinanceAPI
import Foundation
import Testing

@testable import SessionLog

/// Crafted or corrupted logs (issue 13, items 6 and 7): `bnc log show` reports what it cannot
/// use and never traps, never allocates without bound, and never passes a control character
/// from the log on to the terminal.
@Suite struct HostileLogTests {
    func render(_ lines: [String]) throws -> [String] {
        let path = temporaryDirectory() + "/log.jsonl"
        FileManager.default.createFile(atPath: path, contents: Data((lines.joined(separator: "\n") + "\n").utf8))
        var renderer = SessionLogRenderer()
        var output: [String] = []
        for entry in try SessionLogReader(path: path) { output += renderer.render(entry) }
        return output + renderer.finish()
    }

    var header: String { SessionRecord.header(demoHeader).line }

    /// Statement lines as bnc writes them (the reader's fast path) and with the keys in another
    /// order (the general JSON path): both must apply the same bounds.
    static func statementLines(depth: String, at: String = "1") -> [String] {
        [
            #"{"kind":"statement","seq":1,"source":"cancel X id=1","file":"a.bnc","line":1,"column":1,"depth":\#(depth),"at":\#(at)}"#,
            #"{"seq":1,"kind":"statement","source":"cancel X id=1","line":1,"depth":\#(depth),"at":\#(at)}"#
        ]
    }

    @Test(arguments: ["-1", "1e14", "100000000000000", "9223372036854775807", "-9223372036854775808", "1001"])
    func anOutOfRangeDepthIsAnIssueNotATrap(depth: String) throws {
        for line in Self.statementLines(depth: depth) {
            let output = try render([header, line])
            let text = output.joined(separator: "\n")
            // 1e14 is not written as an integer: reported as such; the others by their range.
            #expect(text.contains("line 2: not a session record (field 'depth' "), "\(line)")
            #expect(depth == "1e14" || text.contains("field 'depth' is outside 0...1000"), "\(line)")
            #expect(text.contains("0 statements"))
        }
    }

    @Test func aDeepButValidDepthIsIndentedWithinABound() throws {
        let output = try render([header, Self.statementLines(depth: "1000")[0]])
        let line = try #require(output.first { $0.contains("cancel X id=1") })
        #expect(line.count < 200)
    }

    @Test(arguments: ["-9223372036854775808", "9223372036854775807", "-62135596800001", "253402300800000"])
    func anOutOfRangeTimeIsShownAsItsNumber(at: String) throws {
        let started =
            #"{"kind":"header","format":"bnc-session-log","version":1,"bnc":"1","mode":"script","endpoint":"sim","baseURL":"x","started":\#(at)}"#
        let end = #"{"kind":"end","statements":0,"requests":0,"exitCode":0,"at":\#(at)}"#
        for line in Self.statementLines(depth: "0", at: at) {
            let text = try render([started, line, end]).joined(separator: "\n")
            #expect(text.contains("<\(at) ms since the epoch>"))
            #expect(text.contains("cancel X id=1"))
        }
    }

    @Test func timesAtTheEdgesOfTheCalendarAreDates() {
        #expect(UTCTime.iso8601(milliseconds: -62_135_596_800_000) == "0001-01-01T00:00:00.000Z")
        #expect(UTCTime.iso8601(milliseconds: 253_402_300_799_999) == "9999-12-31T23:59:59.999Z")
        #expect(UTCTime.readable(milliseconds: -1) == "1969-12-31 23:59:59.999")
        #expect(UTCTime.compact(milliseconds: Int64.min) == String(Int64.min))
    }

    @Test func controlCharactersInALogAreShownEscaped() throws {
        let escape = "\u{1B}]0;pwned\u{07}\u{1B}[41m"
        var headerValue = demoHeader
        headerValue.endpoint = "sim\u{1B}[2J"
        let request = RequestRecord(
            id: 1, statement: 1, attempt: 1, title: "margin cancel\u{1B}[1m", method: .delete, path: "/sapi/v1/margin/order",
            query: "symbol=X&orderId=1", timestamp: 1, newClientOrderId: nil, keyType: .hmac, signatureFingerprint: nil,
            weight: RequestWeight(1, .ip), at: 1)
        let lines = [
            SessionRecord.header(headerValue).line,
            SessionRecord.statement(
                StatementRecord(sequence: 1, source: "cancel X id=1 \(escape)", file: "a\u{9B}.bnc", line: 1, at: 1)
            ).line,
            SessionRecord.request(request).line,
            SessionRecord.response(
                ResponseRecord(
                    request: 1, status: 400, headers: [HTTPHeader("X-Note", "a\u{1B}[31mb")],
                    body: .json(try JSONValue.parse(#"{"code":-2011,"msg":"gone \u001b]0;title\u0007 \u001b[41m"}"#)),
                    latencyMicroseconds: 1, at: 2)
            ).line,
            // A raw-text body with a bare CR would overwrite what was already printed.
            SessionRecord.response(
                ResponseRecord(
                    request: 7, status: 502, headers: [], body: .text("bad\rgateway\n\u{1B}[0m"), latencyMicroseconds: 1, at: 2)
            ).line
        ]
        let output = try render(lines)
        for line in output {
            #expect(!line.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }, "\(line)")
        }
        let text = output.joined(separator: "\n")
        #expect(text.contains(#"\x1B]0;pwned\x07\x1B[41m"#))
        #expect(text.contains(#"endpoint sim\x1B[2J"#))
        #expect(text.contains(#"a\u{9B}.bnc"#))
        #expect(text.contains(#"X-Note: a\x1B[31mb"#))
        #expect(text.contains(#"bad\rgateway\n\x1B[0m"#))
        // The JSON body keeps its JSON escaping: it is shown as the JSON it is.
        #expect(text.contains(#"gone \u001b]0;title\u0007 \u001b[41m"#))
    }

    @Test func aCraftedHeaderCannotSlipAStatementIntoLogScript() throws {
        var headerValue = demoHeader
        headerValue.endpoint = "sim\ncancel BTCUSDT id=1"
        let path = temporaryDirectory() + "/log.jsonl"
        let lines = [
            SessionRecord.header(headerValue).line,
            SessionRecord.statement(
                StatementRecord(sequence: 1, source: "print 1\r\nprint \"\u{1B}[2J\"", file: "x\nprint 2", line: 1, at: 1)
            ).line
        ]
        FileManager.default.createFile(atPath: path, contents: Data((lines.joined(separator: "\n") + "\n").utf8))
        var script = SessionLogScript()
        var output: [String] = []
        for entry in try SessionLogReader(path: path) { output += script.lines(for: entry) }
        let text = output.joined(separator: "\n")
        #expect(text.split(separator: "\n").filter { !$0.hasPrefix("#") } == ["print 1", #"print "\x1B[2J""#])
        #expect(output[0].hasSuffix(#"against sim\ncancel BTCUSDT id=1 (bnc \#(demoHeader.bncVersion), \#(demoHeader.mode))"#))
        #expect(output[1] == #"# from x\nprint 2"#)
    }
}
