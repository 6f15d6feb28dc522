import Script
import Testing

@testable import Shell

@Suite("Symbols seen in the session, for completion")
struct SymbolCollectorTests {
    let collector = SymbolCollector(symbolCommands: ["cancel"])

    @Test("the symbol operand, symbol=, and quoted symbols are collected once each")
    func collects() {
        #expect(collector.symbols(in: "cancel LTCBTC id=28 isolated") == ["LTCBTC"])
        #expect(collector.symbols(in: "let r = cancel bnbbtc id=1") == ["BNBBTC"])
        #expect(
            collector.symbols(in: "let sym = \"BTCUSDT\"\nfor i in 1..2 { cancel $sym id=$i; cancel ETHBTC id=$i }") == [
                "BTCUSDT", "ETHBTC"
            ])
        #expect(collector.symbols(in: "query symbol=1000SATSUSDT") == ["1000SATSUSDT"])
        #expect(collector.symbols(in: "cancel LTCBTC id=1\ncancel LTCBTC id=2") == ["LTCBTC"])
    }

    @Test("variables, numbers and ordinary words are not symbols")
    func ignores() {
        #expect(collector.symbols(in: "cancel $sym id=28") == [])
        #expect(collector.symbols(in: "print \"done\" \"12345\"") == [])
        #expect(collector.symbols(in: "print LTCBTC") == [])
    }

    @Test("symbol fields of returned records are collected, in lists and nested records too")
    func fromValues() {
        let order = Value.record(Record([("symbol", .string("BNBBTC")), ("orderId", .integer(1))]))
        let other = Value.record(Record([("symbol", .string("ETHBTC")), ("fills", .list([order]))]))
        #expect(collector.symbols(in: .list([order, other, order])) == ["BNBBTC", "ETHBTC"])
        #expect(collector.symbols(in: .record(Record([("symbol", .string("not a symbol"))]))) == [])
        #expect(collector.symbols(in: .string("LTCBTC")) == [])
        let many = Value.list((0..<5000).map { _ in order })
        #expect(collector.symbols(in: many, limit: 10) == ["BNBBTC"])
    }
}
