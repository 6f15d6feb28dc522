import Foundation
import Testing

/// Terminal escapes from a server (issue 13, item 6): `ESC ] 0;…BEL` (retitle the window) and
/// `ESC [41m` (paint it), raw in a body or written as JSON's `\u001b`, reach neither standard
/// error, nor the text output, nor `bnc log show` as control characters — they are shown
/// escaped. JSON output keeps JSON's escaping.
@Suite struct HostileTextTests {
    static let demoKey = LiveConfirmationTests.demoKey

    /// Whether `text` holds a C0 control other than newline, DEL, or a C1 control.
    static func hasControl(_ text: String) -> Bool {
        text.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) }
    }

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
        var log: String
    }

    /// `bnc --endpoint URL --log LOG -c SCRIPT` with the demo key, and the log's path.
    static func run(_ server: HostileServer, _ script: String, output: String = "text") throws -> Run {
        let directory = NSTemporaryDirectory() + "bnc-hostile-text-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let log = directory + "/session.jsonl"
        let run = try LanguageRun.bnc(
            ["--endpoint", server.baseURL, "--log", log, "--output", output, "-c", script], environment: demoKey)
        return Run(status: run.status, stdout: run.stdout, stderr: run.stderr, log: log)
    }

    static let jsonEscapes = #"{"code":-2011,"msg":"Unknown \u001b]0;pwned\u0007order\u001b[41m sent.\r\nbnc: canceled"}"#
    static let rawEscapes = "{\"code\":-2011,\"msg\":\"Unknown \u{1B}]0;pwned\u{07}order\u{1B}[41m sent.\"}"

    @Test(arguments: [jsonEscapes, rawEscapes])
    func anExchangeMessageReachesStandardErrorEscaped(body: String) throws {
        let server = try HostileServer([.answer(status: 400, body: body)])
        defer { server.stop() }
        let run = try Self.run(server, "cancel LTCBTC id=28")
        #expect(run.status == 1, "\(run.stderr)")
        #expect(!Self.hasControl(run.stderr), "\(run.stderr.debugDescription)")
        #expect(run.stderr.contains(#"Unknown \x1B]0;pwned\x07order\x1B[41m sent."#), "\(run.stderr)")
        // A forged line stays on the message's line.
        #expect(!run.stderr.contains("\nbnc: canceled"))

        let show = try LanguageRun.bnc(["log", "show", run.log])
        #expect(show.status == 0, "\(show.stderr)")
        #expect(!Self.hasControl(show.stdout), "\(show.stdout.debugDescription)")
        #expect(show.stdout.contains("pwned"))
    }

    @Test func aNonJSONBodyWithEscapesIsShownEscaped() throws {
        let server = try HostileServer([
            .answer(
                status: 502, headers: [("Content-Type", "text/html")], body: "\u{1B}]0;pwned\u{07}\u{1B}[41mbad gateway\u{9B}2J")
        ])
        defer { server.stop() }
        let run = try Self.run(server, "cancel LTCBTC id=28")
        #expect(run.status != 0)
        #expect(!Self.hasControl(run.stderr), "\(run.stderr.debugDescription)")
        let show = try LanguageRun.bnc(["log", "show", run.log])
        #expect(!Self.hasControl(show.stdout), "\(show.stdout.debugDescription)")
        #expect(show.stdout.contains(#"\x1B]0;pwned\x07\x1B[41mbad gateway"#), "\(show.stdout)")
    }

    static let canceledWithEscapes = #"""
        {"symbol":"LTCBTC","isIsolated":false,"orderId":28,"origClientOrderId":"my\u001b]0;pwned\u0007Order",\#
        "clientOrderId":"cancel\u001b[41mMe","price":"1.00000000","origQty":"10.00000000","executedQty":"0.00000000",\#
        "cummulativeQuoteQty":"0.00000000","status":"CANCELED","timeInForce":"GTC","type":"LIMIT","side":"SELL"}
        """#

    @Test func fieldsOfAnAnswerAreShownEscapedAsTextAndAsJSONInJSON() throws {
        let server = try HostileServer([.answer(body: Self.canceledWithEscapes)])
        defer { server.stop() }
        let text = try Self.run(server, "cancel LTCBTC id=28\nlet r = cancel LTCBTC id=28\nprint \"id: $r.clientOrderId\"")
        #expect(text.status == 0, "\(text.stderr)")
        #expect(!Self.hasControl(text.stdout), "\(text.stdout.debugDescription)")
        #expect(text.stdout.contains(#"my\x1B]0;pwned\x07Order"#))
        #expect(text.stdout.contains(#"id: cancel\x1B[41mMe"#))
        let json = try Self.run(server, "cancel LTCBTC id=28", output: "json")
        #expect(json.status == 0, "\(json.stderr)")
        #expect(!Self.hasControl(json.stdout))
        #expect(json.stdout.contains(#"my\u001b]0;pwned\u0007Order"#), "\(json.stdout)")
    }

    @Test func aPastedRequestWithEscapesIsExplainedEscaped() throws {
        // A request copied from a log or a web page: its values reach the report escaped.
        let input = "symbol=LTC\u{1B}]0;pwned\u{07}BTC&side=BUY&timestamp=1499827319559&signature=\u{1B}[41mabc"
        let run = try ExplainTool.bnc(["explain", input, "--server-time", "1499827319559"])
        #expect(!Self.hasControl(run.stdout), "\(run.stdout.debugDescription)")
        #expect(!Self.hasControl(run.stderr), "\(run.stderr.debugDescription)")
        #expect(run.stdout.contains(#"symbol=LTC\x1B]0;pwned\x07BTC"#), "\(run.stdout)")
    }
}
