import Foundation
import Testing

/// `for o in open(LTCBTC) { cancel LTCBTC id=$o.orderId }`: a command's result as a loop sequence.
@Suite struct LanguageCallTests {
    @Test func cancelsEveryOpenOrderOfASymbolOnTheSimulator() throws {
        // The demo's LTCBTC holds an OCO: cancelling one leg takes the whole list, as the exchange
        // documents, so the other leg, still in the list `open` returned, answers -2011.
        let script = """
            for o in open(LTCBTC) {
              try { cancel LTCBTC id=$o.orderId } on error e { print "gone" $o.orderId $e.code }
            }
            let left = open LTCBTC
            print "left" $left
            """
        let result = try ExplainTool.bnc(["--no-log", "-c", script])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.filter { $0.contains("CANCELED") }.count >= 3, "\(result.stdout)")
        let gone = lines.filter { $0.hasPrefix("gone ") }
        #expect(gone == ["gone 33 -2011"], "\(result.stdout)")
        #expect(lines.contains("left []"), "\(result.stdout)")
    }

    @Test func theCallTakesArgumentsSeparatedBySpacesOrCommas() throws {
        let script = "for o in open(LTCBTC, isolated) { print $o.orderId }"
        let result = try ExplainTool.bnc(["--no-log", "--dry-run", "--timestamp", "1499827319559", "-c", script])
        #expect(result.stdout.contains("GET /sapi/v1/margin/openOrders"))
        #expect(result.stdout.contains("query      symbol=LTCBTC&isIsolated=TRUE&timestamp=1499827319559"))
    }

    @Test func anUnclosedCallIsADiagnostic() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("call-\(UUID().uuidString).bnc")
        try "for o in open(LTCBTC { print 1 }\n".write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try ExplainTool.bnc(["check", file.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains(":1:22: error: expected ')' to close 'open(', found '{'"))
    }

    @Test func unknownArgumentsInsideTheCallAreCheckedBeforeAnythingIsSent() throws {
        let result = try ExplainTool.bnc(["--no-log", "-c", "for o in open(LTCBTC bogus=1) { cancel LTCBTC id=$o.orderId }"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("unknown argument 'bogus' for 'open'"))
        #expect(result.stdout.isEmpty)
    }
}
