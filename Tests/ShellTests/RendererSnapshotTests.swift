import BinanceAPI
import Foundation
import Script
import Testing

@testable import Shell

/// Golden tests of the text renderer at several terminal widths. The expected text lives in
/// `__Snapshots__/RendererSnapshotTests/NAME.txt`; run with `RECORD_SNAPSHOTS=1` to write it
/// anew (then read the diff before committing it), as swift-argument-parser's snapshot tests do.
@Suite("Renderer snapshots: compact columns, expanded records, dates, wrapping")
struct RendererSnapshotTests {
    /// The simulator's open LTCBTC orders, as the exchange sends them (17 fields each).
    static let openOrders = """
        [{"clientOrderId":"myOrder1","cummulativeQuoteQty":"8.00000000","executedQty":"8.00000000","icebergQty":"0.00000000","isWorking":true,"orderId":28,"origQty":"10.00000000","price":"1.00000000","side":"SELL","status":"PARTIALLY_FILLED","stopPrice":"0.00000000","symbol":"LTCBTC","isIsolated":false,"time":1767225600000,"timeInForce":"GTC","type":"LIMIT","selfTradePreventionMode":"NONE","updateTime":1767225605000},\
        {"clientOrderId":"myOrder2","cummulativeQuoteQty":"0.00000000","executedQty":"0.00000000","icebergQty":"0.00000000","isWorking":true,"orderId":29,"origQty":"5.00000000","price":"0.00150000","side":"BUY","status":"NEW","stopPrice":"0.00000000","symbol":"LTCBTC","isIsolated":false,"time":1767225660000,"timeInForce":"GTC","type":"LIMIT","selfTradePreventionMode":"NONE","updateTime":1767225660123},\
        {"clientOrderId":"ltcStop30","cummulativeQuoteQty":"0.00000000","executedQty":"0.00000000","icebergQty":"0.00000000","isWorking":true,"orderId":30,"origQty":"2.50000000","price":"0.00180000","side":"SELL","status":"NEW","stopPrice":"0.00000000","symbol":"LTCBTC","isIsolated":false,"time":1767225720000,"timeInForce":"GTC","type":"LIMIT","selfTradePreventionMode":"NONE","updateTime":1767225720000}]
        """
    /// Orders of two symbols and both accounts (`open` without a symbol, or a script's list).
    static let mixedOrders = """
        [{"clientOrderId":"myOrder1","executedQty":"8.00000000","orderId":28,"origQty":"10.00000000","price":"1.00000000","side":"SELL","status":"PARTIALLY_FILLED","symbol":"LTCBTC","isIsolated":false,"time":1767225600000,"type":"LIMIT"},\
        {"clientOrderId":"isoOrder1","executedQty":"0.00000000","orderId":31,"origQty":"3.00000000","price":"0.00160000","side":"SELL","status":"NEW","symbol":"BNBBTC","isIsolated":true,"time":1767225780000,"type":"LIMIT"}]
        """
    /// A cancel's answer: `clientOrderId` is the cancel's own id, `origClientOrderId` the order's.
    static let cancelReply = """
        {"symbol":"LTCBTC","isIsolated":false,"orderId":29,"origClientOrderId":"myOrder2","clientOrderId":"cancelMyOrder2","price":"0.00150000","origQty":"5.00000000","executedQty":"0.00000000","cummulativeQuoteQty":"0.00000000","status":"CANCELED","timeInForce":"GTC","type":"LIMIT","side":"BUY"}
        """

    static func value(_ json: String) throws -> Value {
        Value(json: try JSONValue.parse(json))
    }

    static func render(_ json: String, _ options: RenderOptions) throws -> String {
        ValueTextRenderer(options: options).render(try value(json))
    }

    @Test("open orders: a compact table at 120 columns, expanded records at 80, every field with `all`")
    func openOrders() throws {
        try assertSnapshot(Self.render(Self.openOrders, RenderOptions(time: .utc, width: 120)), named: "open-120")
        try assertSnapshot(Self.render(Self.openOrders, RenderOptions(time: .utc, width: 80)), named: "open-80")
        try assertSnapshot(
            Self.render(Self.openOrders, RenderOptions(columns: .all, time: .utc, width: 100)), named: "open-all-100")
        try assertSnapshot(Self.render(Self.openOrders, RenderOptions(columns: .all, time: .utc)), named: "open-all-no-terminal")
        try assertSnapshot(Self.render(Self.mixedOrders, RenderOptions(time: .utc, width: 160)), named: "mixed-160")
    }

    @Test("a cancel's answer: the order's own client id, the account, no cancel id")
    func cancelRecord() throws {
        try assertSnapshot(Self.render(Self.cancelReply, RenderOptions(time: .utc, width: 80)), named: "cancel-80")
        try assertSnapshot(
            Self.render(Self.cancelReply, RenderOptions(columns: .all, time: .utc, width: 80)), named: "cancel-all-80")
    }

    @Test("a long value wraps at word boundaries under itself when the terminal is narrow")
    func longValueWraps() throws {
        let json =
            #"{"code":-2011,"msg":"Unknown order sent. The order was not found in the matching engine: it may be filled or canceled already, or on the other account."}"#
        try assertSnapshot(Self.render(json, RenderOptions(width: 60)), named: "message-60")
        try assertSnapshot(Self.render(json, RenderOptions(width: 40)), named: "message-40")
    }

    @Test("every table row fits its width; times are dates and the raw value stays in JSON")
    func fitsAndKeepsRawValues() throws {
        for width in [40, 60, 80, 100, 120, 160] {
            let text = try Self.render(Self.openOrders, RenderOptions(time: .utc, width: width))
            for line in text.split(separator: "\n") { #expect(line.count <= width, "\(width): \(line)") }
        }
        let text = try Self.render(Self.openOrders, RenderOptions(time: .utc, width: 200))
        #expect(text.contains("2026-01-01 00:00:00Z"))
        #expect(!text.contains("1767225600000"))
        #expect(try Self.value(Self.openOrders).json.serialized.contains("\"time\":1767225600000"))
    }

    @Test("times: local follows TZ rules, UTC is marked, milliseconds shown only when set, nonsense left as sent")
    func times() {
        #expect(TimeDisplay.format(milliseconds: 1_767_225_600_000, zone: .utc) == "2026-01-01 00:00:00Z")
        #expect(TimeDisplay.format(milliseconds: 1_767_225_600_007, zone: .utc) == "2026-01-01 00:00:00.007Z")
        #expect(TimeDisplay.format(milliseconds: -1, zone: .utc) == nil)
        #expect(TimeDisplay.format(milliseconds: .max, zone: .local) == nil)
        let renderer = ValueTextRenderer(options: RenderOptions(time: .utc))
        #expect(renderer.cell("time", .integer(.max)) == String(Int64.max))
        #expect(renderer.cell("orderId", .integer(1_767_225_600_000)) == "1767225600000")
    }

    @Test("`print` of a list of records is a table; other printed lines are left alone")
    func printedList() throws {
        let renderer = ValueTextRenderer(options: RenderOptions(time: .utc, width: 120))
        let line = try Self.value(Self.openOrders).text
        #expect(ScriptOutputPrinter.table(printed: line, renderer: renderer) == renderer.render(try Self.value(Self.openOrders)))
        #expect(ScriptOutputPrinter.table(printed: "[{not json}]", renderer: renderer) == nil)
        #expect(ScriptOutputPrinter.table(printed: "[1,2]", renderer: renderer) == nil)
        #expect(ScriptOutputPrinter.table(printed: "hello", renderer: renderer) == nil)
    }

    @Test("prose wraps at word boundaries; a word longer than the line is cut")
    func wrapper() {
        let hint = "hint: the order was not found in the matching engine (cross margin): it is most likely already filled"
        let wrapped = TextWrapper.wrap(hint, width: 40, indent: "      ")
        #expect(
            wrapped == """
                hint: the order was not found in the
                      matching engine (cross margin): it
                      is most likely already filled
                """)
        #expect(
            TextWrapper.wrap(String(repeating: "x", count: 45), width: 20) == String(repeating: "x", count: 20) + "\n"
                + String(repeating: "x", count: 20) + "\n" + "xxxxx")
        #expect(TextWrapper.wrap("short", width: 80) == "short")
    }
}

/// Compares `text` with the golden file `__Snapshots__/<suite>/<name>.txt`, or writes it there
/// when `RECORD_SNAPSHOTS=1`.
func assertSnapshot(
    _ text: String, named name: String, suite: String = "RendererSnapshotTests",
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) throws {
    let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("__Snapshots__").appendingPathComponent(suite)
    let file = directory.appendingPathComponent(name + ".txt")
    if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try (text + "\n").write(to: file, atomically: true, encoding: .utf8)
        return
    }
    guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
        Issue.record("no snapshot \(file.path); record it with RECORD_SNAPSHOTS=1", sourceLocation: sourceLocation)
        return
    }
    #expect(text + "\n" == expected, "snapshot \(name) differs", sourceLocation: sourceLocation)
}
