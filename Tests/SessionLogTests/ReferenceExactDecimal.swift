/// ExactDecimal as it was before it kept only its text and offsets (commit 5a8b405), verbatim: the
/// reference for ExactDecimalPropertyTests.
struct ReferenceExactDecimal: Hashable, Comparable {
    /// The source text, e.g. `8.00000000`.
    let text: String
    private let negative: Bool
    private let integerDigits: [UInt8]
    private let fractionDigits: [UInt8]

    /// Parses `[-]digits[.digits]`; nil for anything else (exponents are not used by the exchange).
    init?(_ text: String) {
        var body = Substring(text)
        var isNegative = false
        if body.hasPrefix("-") {
            isNegative = true
            body = body.dropFirst()
        } else if body.hasPrefix("+") {
            body = body.dropFirst()
        }
        let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let integerPart = parts.first, !integerPart.isEmpty,
            integerPart.utf8.allSatisfy({ (48...57).contains($0) })
        else { return nil }
        var fraction: Substring = ""
        if parts.count == 2 {
            fraction = parts[1]
            guard !fraction.isEmpty, fraction.utf8.allSatisfy({ (48...57).contains($0) }) else { return nil }
        }
        var integers = Array(integerPart.utf8).map { $0 - 48 }
        while integers.count > 1, integers.first == 0 { integers.removeFirst() }
        var fractions = Array(fraction.utf8).map { $0 - 48 }
        while fractions.last == 0 { fractions.removeLast() }
        self.text = text
        self.integerDigits = integers
        self.fractionDigits = fractions
        self.negative = isNegative && !(integers == [0] && fractions.isEmpty)
    }

    var description: String { text }

    /// Whether the value is exactly zero.
    var isZero: Bool { integerDigits == [0] && fractionDigits.isEmpty }

    static func == (lhs: ReferenceExactDecimal, rhs: ReferenceExactDecimal) -> Bool {
        lhs.negative == rhs.negative && lhs.integerDigits == rhs.integerDigits
            && lhs.fractionDigits == rhs.fractionDigits
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(negative)
        hasher.combine(integerDigits)
        hasher.combine(fractionDigits)
    }

    static func < (lhs: ReferenceExactDecimal, rhs: ReferenceExactDecimal) -> Bool {
        if lhs.negative != rhs.negative { return lhs.negative }
        let magnitudeLess = compareMagnitude(lhs, rhs) < 0
        let magnitudeGreater = compareMagnitude(lhs, rhs) > 0
        return lhs.negative ? magnitudeGreater : magnitudeLess
    }

    private static func compareMagnitude(_ lhs: ReferenceExactDecimal, _ rhs: ReferenceExactDecimal) -> Int {
        if lhs.integerDigits.count != rhs.integerDigits.count {
            return lhs.integerDigits.count < rhs.integerDigits.count ? -1 : 1
        }
        for (left, right) in zip(lhs.integerDigits, rhs.integerDigits) where left != right {
            return left < right ? -1 : 1
        }
        let length = max(lhs.fractionDigits.count, rhs.fractionDigits.count)
        for position in 0..<length {
            let left = position < lhs.fractionDigits.count ? lhs.fractionDigits[position] : 0
            let right = position < rhs.fractionDigits.count ? rhs.fractionDigits[position] : 0
            if left != right { return left < right ? -1 : 1 }
        }
        return 0
    }
}
