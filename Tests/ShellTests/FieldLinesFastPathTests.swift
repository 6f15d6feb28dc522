import Script
import Testing

@testable import Shell

/// The text renderer's byte-built record lines (`plainFieldLines`) against the general path they
/// stand in for (`generalFieldLines`): the same text whenever the fast path answers, and it
/// answers for plain ASCII records.
@Suite struct FieldLinesFastPathTests {
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        mutating func pick<T>(_ items: [T]) -> T { items[next(items.count)] }

        mutating func text(plain: Bool) -> String {
            let ascii = ["a", "LTCBTC", " ", "  ", "0.00100000", "-", "~", "orderId", "\"", "\\"]
            let other = ["\n", "\r\n", "\t", "\u{1B}", "\u{9B}", "é", "e\u{301}", "中", "🙂", "\u{7F}", "\u{0600} "]
            return (0..<next(8)).map { _ in plain || next(6) > 0 ? pick(ascii) : pick(other) }.joined()
        }
    }

    @Test func theFastPathGivesTheGeneralPathsText() {
        var generator = Generator(state: 3)
        var fast = 0
        for round in 0..<4000 {
            let plain = round % 2 == 0
            let pairs = (0..<generator.next(12)).map { _ in (generator.text(plain: plain), generator.text(plain: plain)) }
            var renderer = ValueTextRenderer(colour: generator.next(8) == 0)
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
}
