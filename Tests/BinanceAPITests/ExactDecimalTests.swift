import Testing

@testable import BinanceAPI

@Suite struct ExactDecimalTests {
    @Test func comparesDigitByDigit() throws {
        let a = try #require(ExactDecimal("8.00000000"))
        let b = try #require(ExactDecimal("8"))
        #expect(a == b)
        #expect(a.text == "8.00000000")
        #expect(try #require(ExactDecimal("-1.5")) < #require(ExactDecimal("-1.25")))
        #expect(try #require(ExactDecimal("0.30000000000000000001")) > #require(ExactDecimal("0.3")))
        #expect(try #require(ExactDecimal("-0.0")) == #require(ExactDecimal("0")))
        #expect(try #require(ExactDecimal("10")) > #require(ExactDecimal("9.99999999")))
    }

    @Test(arguments: ["", "-", "1.", ".5", "1e5", "abc", "1.2.3", "--1"])
    func rejectsNonDecimals(_ text: String) {
        #expect(ExactDecimal(text) == nil)
    }
}
