import BinanceAPI
import Testing

@testable import Script

/// `--set name=value` (and a log header's variables, when replayed): a value is read as a script
/// would read it, lists and ranges included; anything else stays text.
@Suite struct CommandLineValueTests {
    @Test func scalarsAsBefore() {
        #expect(Value(literal: "28") == .integer(28))
        #expect(Value(literal: "0.5") == .decimal(ExactDecimal("0.5")!))
        #expect(Value(literal: "true") == .bool(true))
        #expect(Value(literal: "LTCBTC") == .string("LTCBTC"))
        #expect(Value(literal: "+5") == .string("+5"))
    }

    /// `--set ids=[28,29]` was the string "[28,29]", and `for id in $ids` failed with "cannot
    /// loop over string".
    @Test func listsAndRangesWrittenAsInAScript() {
        #expect(Value(literal: "[28, 29]") == .list([.integer(28), .integer(29)]))
        #expect(Value(literal: #"["LTCBTC","ETHBTC"]"#) == .list([.string("LTCBTC"), .string("ETHBTC")]))
        #expect(Value(literal: "[LTCBTC, ETHBTC]") == .list([.string("LTCBTC"), .string("ETHBTC")]))
        #expect(Value(literal: "[]") == .list([]))
        #expect(Value(literal: "27..31") == .range(27, 31))
        #expect(Value(literal: " 1..2 ") == .range(1, 2))
    }

    @Test func anythingElseStaysText() {
        for text in ["[1", "[$y]", "a..b", "1..", "[1,2] x", "1.5..2", "see [1]", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1"] {
            #expect(Value(literal: text) == .string(text), "\(text)")
        }
    }

    /// What a log's header keeps of a list variable (its text) reads back as the same list.
    @Test func aListsTextReadsBackAsTheList() {
        let list = Value.list([.integer(1), .string("a b"), .decimal(ExactDecimal("0.25")!), .bool(false)])
        #expect(Value(literal: list.text) == list)
        #expect(Value(literal: Value.range(-3, 7).text) == .range(-3, 7))
    }
}
