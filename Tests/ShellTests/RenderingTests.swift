import BinanceAPI
import Foundation
import Script
import Testing

@testable import Shell

/// The text and JSON-lines renderers of Sources/Shell/Rendering.
@Suite struct RenderingTests {
    final class Lines: @unchecked Sendable {
        private let lock = NSLock()
        private var collected: [String] = []
        func append(_ text: String) { lock.withLock { collected.append(text) } }
        var text: String { lock.withLock { collected.joined() } }
    }

    static let order = Record([
        ("symbol", .string("LTCBTC")), ("orderId", .integer(28)), ("executedQty", .string("0.50000000")),
        ("status", .string("CANCELED"))
    ])

    @Test func recordIsAlignedFieldValueLines() {
        #expect(
            ValueTextRenderer().render(.record(Self.order)) == """
                symbol       LTCBTC
                orderId      28
                executedQty  0.50000000
                status       CANCELED
                """)
    }

    @Test func listOfRecordsIsATable() {
        let other = Record([("symbol", .string("BTCUSDT")), ("orderId", .integer(1234567)), ("side", .string("BUY"))])
        #expect(
            ValueTextRenderer().render(.list([.record(Self.order), .record(other)])) == """
                symbol   orderId  executedQty  status    side
                LTCBTC   28       0.50000000   CANCELED
                BTCUSDT  1234567                         BUY
                """)
    }

    @Test func columnsAlignByTerminalColumnsNotUTF16Units() {
        // An emoji is two UTF-16 units, one character and two terminal columns: Foundation's
        // padding counted units, Character counting left the column one short on screen.
        let records = [
            Record([("note", .string("🙂ok")), ("id", .integer(1))]),
            Record([("note", .string("plain")), ("id", .integer(22))])
        ]
        #expect(ValueTextRenderer().render(.list(records.map(Value.record))) == "note   id\n🙂ok   1\nplain  22")
        #expect(ValueTextRenderer().render(.record(Record([("é", .integer(1)), ("abc", .integer(2))]))) == "é    1\nabc  2")
    }

    @Test func colourOnlyWhenAsked() {
        #expect(!ValueTextRenderer(colour: false).render(.record(Self.order)).contains("\u{1B}"))
        #expect(ValueTextRenderer(colour: true).render(.record(Self.order)).contains("\u{1B}[1msymbol"))
    }

    func reply(dryRun: Bool) throws -> OperationReply {
        let request = try RequestBuilder(credentials: DemoCredentials.hmac).prepare(
            CancelMarginOrder(symbol: "LTCBTC", orderId: 28), timestamp: 1_499_827_319_559)
        let json = try JSONValue.parse(Array(#"{"symbol":"LTCBTC","orderId":28,"status":"CANCELED"}"#.utf8))
        return OperationReply(
            value: dryRun ? Value(json: request.dryRunJSON(baseURL: "https://x")) : Value(json: json), request: request,
            response: dryRun ? nil : json, isDryRun: dryRun, baseURL: "https://x",
            events: [ClientEvent(.clockResynced, "clock resynced by +812 ms")])
    }

    @Test func textPrinterSeparatesDryRunBlocksAndSkipsBoundReplies() throws {
        let lines = Lines()
        let notes = Lines()
        let printer = ScriptOutputPrinter(format: .text, write: lines.append, notes: notes.append)
        let dry = try reply(dryRun: true)
        printer.emit(.reply(dry, command: "cancel", bound: false))
        printer.emit(.reply(dry, command: "cancel", bound: true))
        printer.emit(.printed("done"))
        printer.emit(.reply(try reply(dryRun: false), command: "cancel", bound: true))
        printer.emit(.reply(try reply(dryRun: false), command: "cancel", bound: false))
        let block = dry.request.dryRunText(baseURL: "https://x")
        #expect(lines.text == block + "\n\n" + block + "\ndone\nsymbol   LTCBTC\norderId  28\nstatus   CANCELED\n")
        #expect(notes.text == String(repeating: "note: clock resynced by +812 ms\n", count: 4))
    }

    @Test func jsonPrinterWritesOneValuePerLine() throws {
        let lines = Lines()
        let printer = ScriptOutputPrinter(format: .json, write: lines.append)
        let dry = try reply(dryRun: true)
        printer.emit(.reply(dry, command: "cancel", bound: false))
        printer.emit(.printed("a \"b\""))
        printer.emit(.value(.list([.decimal(ExactDecimal("1.50")!), .bool(true)])))
        printer.emit(.reply(try reply(dryRun: false), command: "cancel", bound: false))
        let expected = [
            dry.request.dryRunJSON(baseURL: "https://x").serialized, #"{"print":"a \"b\""}"#, "[1.50,true]",
            #"{"symbol":"LTCBTC","orderId":28,"status":"CANCELED"}"#
        ].map { $0 + "\n" }.joined()
        #expect(lines.text == expected)
    }

    @Test func progressGoesOnlyToTheProgressWriter() {
        let lines = Lines()
        let progress = Lines()
        let printer = ScriptOutputPrinter(format: .text, write: lines.append, progress: progress.append)
        printer.emit(
            .progress(
                LoopProgress(
                    location: Script.SourceLocation(file: "f", line: 3, column: 1), done: 40, total: 100, requests: 40)))
        #expect(lines.text.isEmpty)
        #expect(progress.text == "… loop at line 3: 40 of 100 iterations, 40 requests (Ctrl-C stops)\n")
    }
}
