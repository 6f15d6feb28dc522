import BinanceAPI
import Testing

/// ``ExactDecimal`` keeps its text and the offsets of its significant digits instead of digit
/// arrays; checked against the implementation it replaced on generated texts: the same texts
/// accepted, the same equality, order, hashing (equal values hash equally) and zero test.
@Suite struct ExactDecimalPropertyTests {
    static func text(_ generator: inout JSONTextGenerator) -> String {
        let pieces = ["0", "00", "1", "5", "9", "10", ".", "-", "+", "000", "123456789", "e", " ", "é", "٣"]
        return (0..<generator.below(6)).map { _ in pieces[generator.below(pieces.count)] }.joined()
    }

    @Test func agreesWithTheDigitArrayImplementation() {
        var generator = JSONTextGenerator(seed: 0xDEC1_4A1)
        var accepted = 0
        var previous: (ExactDecimal, ReferenceExactDecimal)?
        for _ in 0..<50_000 {
            let text = Self.text(&generator)
            let value = ExactDecimal(text)
            let reference = ReferenceExactDecimal(text)
            #expect((value == nil) == (reference == nil), "\(text)")
            guard let value, let reference else { continue }
            accepted += 1
            #expect(value.text == text && value.isZero == reference.isZero, "\(text)")
            if let (other, otherReference) = previous {
                #expect((value == other) == (reference == otherReference), "\(text) vs \(other.text)")
                #expect((value < other) == (reference < otherReference), "\(text) vs \(other.text)")
                #expect((other < value) == (otherReference < reference), "\(other.text) vs \(text)")
                if value == other { #expect(value.hashValue == other.hashValue) }
            }
            previous = (value, reference)
        }
        #expect(accepted > 10_000)
    }
}
