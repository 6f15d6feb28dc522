import BNCTestSupport
import BinanceAPI
import Script
import Testing

@testable import Shell

/// The text renderer's byte-built record lines (`plainFieldLines`) against the general path they
/// stand in for (`generalFieldLines`): the same text whenever the fast path answers, and it
/// answers for plain ASCII records.
@Suite struct FieldLinesFastPathTests {
    @Test func theFastPathGivesTheGeneralPathsText() {
        var generator = SplitMix64(seed: 3)
        var fast = 0
        for round in 0..<4000 {
            let plain = round % 2 == 0
            let pairs = (0..<generator.below(12)).map { _ in (generator.text(plain: plain), generator.text(plain: plain)) }
            var renderer = ValueTextRenderer(colour: generator.below(8) == 0)
            renderer.options.width = generator.pick([nil, nil, 10, 24, 30, 40, 80])
            let general = renderer.generalFieldLines(pairs)
            if let lines = renderer.plainFieldLines(pairs) {
                fast += 1
                #expect(lines == general, "\(pairs) width \(String(describing: renderer.options.width))")
            }
        }
        #expect(fast > 1000)
    }

    @Test func aCancelsAnswerTakesTheFastPath() {
        let renderer = ValueTextRenderer()
        let pairs = [("symbol", "LTCBTC"), ("orderId", "28"), ("price", "1.00000000"), ("isIsolated", "false"), ("x", "")]
        let lines = ["symbol      LTCBTC", "orderId     28", "price       1.00000000", "isIsolated  false", "x"]
        #expect(renderer.plainFieldLines(pairs) == lines.joined(separator: "\n"))
        #expect(renderer.plainFieldLines([("name", "中")]) == nil)
        #expect(ValueTextRenderer(colour: true).plainFieldLines(pairs) == nil)
    }

    /// A record's lines written by `plainRecordLines` are `render`'s text: order records (their
    /// compact columns), all columns, times, empty values, and none for what they do not cover.
    @Test func aRecordsPlainLinesAreItsRenderedText() {
        var generator = SplitMix64(seed: 5)
        let orderNames = [
            "symbol", "orderId", "clientOrderId", "origClientOrderId", "side", "type", "price", "origQty", "executedQty",
            "status", "time", "transactTime", "isIsolated", "x y", " "
        ]
        var written = 0
        for round in 0..<3000 {
            var fields: [(String, Value)] = []
            for _ in 0..<generator.below(14) {
                let name = generator.below(3) == 0 ? generator.text(plain: round % 3 > 0) : generator.pick(orderNames)
                let value: Value
                switch generator.below(5) {
                case 0: value = .integer(generator.pick([0, 28, 1_499_827_319_559, -1]))
                case 1: value = .bool(generator.below(2) == 0)
                case 2: value = .null
                default: value = .string(generator.text(plain: round % 3 > 0))
                }
                fields.append((name, value))
            }
            let value = Value.record(Record(fields))
            var renderer = ValueTextRenderer(colour: generator.below(10) == 0)
            renderer.options = RenderOptions(
                columns: generator.pick([.default, .all]), time: .utc, width: generator.pick([nil, nil, 30, 80]))
            guard let lines = renderer.plainRecordLines(value) else { continue }
            written += 1
            let text = String(unsafeUninitializedCapacity: lines.byteCount) { buffer in
                var output = OutputSpan(buffer: buffer, initializedCount: 0)
                lines.write(to: &output)
                return output.finalize(for: buffer)
            }
            #expect(text == renderer.render(value), "\(fields)")
        }
        #expect(written > 500)
        #expect(ValueTextRenderer().plainRecordLines(.record(Record())) == nil) // "(empty record)"
        #expect(ValueTextRenderer().plainRecordLines(.string("x")) == nil)
    }

    /// The buffered printer writes a sent reply's plain lines itself: the same bytes as the
    /// printer that renders every output to a `String`.
    @Test func aBufferedPrinterShowsARepliesLinesAsTheDirectOneDoes() throws {
        let request = try RequestBuilder(credentials: DemoCredentials.hmac).prepare(
            CancelMarginOrder(symbol: "LTCBTC", orderId: 28), timestamp: 1_499_827_319_559)
        let bodies = [
            #"{"symbol":"LTCBTC","orderId":28,"origClientOrderId":"a","side":"SELL","status":"CANCELED","isIsolated":false}"#,
            #"{"symbol":"LTCBTC","orderId":28,"side":"SELL","status":"CANCELED","transactTime":1499827319559}"#,
            #"{"a":"x  ","b":""}"#, #"{"é":"中","b":"\u001b[2J"}"#, #"{"serverTime":1499827319559}"#
        ]
        let expected = RenderingTests.Lines()
        let direct = ScriptOutputPrinter(format: .text, write: expected.append)
        let pipe = OutputBufferTests.Pipe()
        let buffered = ScriptOutputPrinter(format: .text, buffer: OutputBuffer(fileDescriptor: pipe.writeEnd, threshold: 1 << 16))
        for (index, body) in bodies.enumerated() {
            let json = try JSONValue.parse(Array(body.utf8))
            let reply = OperationReply(
                value: Value(json: json), request: request, response: json, isDryRun: false, baseURL: "https://x")
            let dry = OperationReply(dryRun: request, baseURL: "https://x/")
            for printer in [direct, buffered] {
                printer.emit(.reply(reply, command: "cancel", bound: index == 3, wide: index == 1))
                printer.emit(.reply(dry, command: "cancel", bound: false)) // blank lines around dry-run blocks
                printer.emit(.reply(reply, command: "cancel", bound: false, wide: index == 0))
            }
        }
        buffered.flush()
        #expect(expected.text.contains("origClientOrderId  a\n"))
        #expect(String(decoding: pipe.drain(), as: UTF8.self) == expected.text)
    }
}

extension SplitMix64 {
    /// A short text: plain ASCII (quotes and backslashes included), or, when not `plain`, now and
    /// then a control character, a combining mark, a wide or right-to-left character.
    mutating func text(plain: Bool) -> String {
        let ascii = ["a", "LTCBTC", " ", "  ", "0.00100000", "-", "~", "orderId", "\"", "\\"]
        let other = ["\n", "\r\n", "\t", "\u{1B}", "\u{9B}", "é", "e\u{301}", "中", "🙂", "\u{7F}", "\u{0600} "]
        return (0..<below(8)).map { _ in plain || below(6) > 0 ? pick(ascii) : pick(other) }.joined()
    }
}
