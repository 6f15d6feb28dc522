/// A decimal number kept exactly as the exchange wrote it (`"1.00000000"`).
///
/// Prices and quantities are never converted to `Double`; comparisons work digit by digit.
/// Only the text is stored, with where its significant digits lie: no digit arrays to
/// allocate for each of the four quantities of every order decoded.
public struct ExactDecimal: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The source text, e.g. `8.00000000`.
    public let text: String
    private let negative: Bool
    /// UTF-8 offsets into `text`: the integer digits without leading zeros (at least one digit)
    /// and the fraction digits without trailing zeros (possibly none).
    private let integerStart: Int32
    private let integerEnd: Int32
    private let fractionStart: Int32
    private let fractionEnd: Int32

    /// Parses `[-+]digits[.digits]`; nil for anything else (exponents are not used by the exchange).
    public init?(_ text: String) {
        var copy = text
        let parsed: (Bool, Int, Int, Int, Int, Bool)? = copy.withUTF8 { bytes in
            var index = 0
            var isNegative = false
            if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
                isNegative = bytes[index] == UInt8(ascii: "-")
                index += 1
            }
            let digitsStart = index
            while index < bytes.count, bytes[index] &- UInt8(ascii: "0") < 10 { index += 1 }
            let digitsEnd = index
            guard digitsEnd > digitsStart else { return nil }
            var fractionStart = index
            var fractionEnd = index
            if index < bytes.count {
                guard bytes[index] == UInt8(ascii: "."), index + 1 < bytes.count else { return nil }
                index += 1
                fractionStart = index
                while index < bytes.count, bytes[index] &- UInt8(ascii: "0") < 10 { index += 1 }
                guard index == bytes.count else { return nil }
                fractionEnd = index
                while fractionEnd > fractionStart, bytes[fractionEnd - 1] == UInt8(ascii: "0") { fractionEnd -= 1 }
            }
            var integerStart = digitsStart
            while integerStart < digitsEnd - 1, bytes[integerStart] == UInt8(ascii: "0") { integerStart += 1 }
            let zero = integerStart == digitsEnd - 1 && bytes[integerStart] == UInt8(ascii: "0") && fractionEnd == fractionStart
            return (isNegative, integerStart, digitsEnd, fractionStart, fractionEnd, zero)
        }
        guard let (isNegative, integerStart, integerEnd, fractionStart, fractionEnd, zero) = parsed,
            integerEnd <= Int(Int32.max)
        else { return nil }
        self.text = text
        self.integerStart = Int32(integerStart)
        self.integerEnd = Int32(integerEnd)
        self.fractionStart = Int32(fractionStart)
        self.fractionEnd = Int32(fractionEnd)
        // -0 and -0.000 are zero, not negative.
        self.negative = isNegative && !zero
    }

    public var description: String { text }

    /// Whether the value is exactly zero.
    public var isZero: Bool { integerEnd - integerStart == 1 && fractionEnd == fractionStart && digits { $0.integer[0] == 0x30 } }

    /// The significant integer and fraction digits (ASCII), for the length of `body`.
    private func digits<Result>(
        _ body: (_ digits: (integer: UnsafeBufferPointer<UInt8>, fraction: UnsafeBufferPointer<UInt8>)) -> Result
    ) -> Result {
        var copy = text
        return copy.withUTF8 { bytes in
            body(
                (
                    UnsafeBufferPointer(rebasing: bytes[Int(integerStart)..<Int(integerEnd)]),
                    UnsafeBufferPointer(rebasing: bytes[Int(fractionStart)..<Int(fractionEnd)])
                ))
        }
    }

    public static func == (lhs: ExactDecimal, rhs: ExactDecimal) -> Bool {
        lhs.negative == rhs.negative && lhs.integerEnd - lhs.integerStart == rhs.integerEnd - rhs.integerStart
            && lhs.fractionEnd - lhs.fractionStart == rhs.fractionEnd - rhs.fractionStart && compareMagnitude(lhs, rhs) == 0
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(negative)
        digits { digits in
            hasher.combine(digits.integer.count)
            hasher.combine(bytes: UnsafeRawBufferPointer(digits.integer))
            hasher.combine(digits.fraction.count)
            hasher.combine(bytes: UnsafeRawBufferPointer(digits.fraction))
        }
    }

    public static func < (lhs: ExactDecimal, rhs: ExactDecimal) -> Bool {
        if lhs.negative != rhs.negative { return lhs.negative }
        let order = compareMagnitude(lhs, rhs)
        return lhs.negative ? order > 0 : order < 0
    }

    private static func compareMagnitude(_ lhs: ExactDecimal, _ rhs: ExactDecimal) -> Int {
        lhs.digits { left in
            rhs.digits { right in
                if left.integer.count != right.integer.count { return left.integer.count < right.integer.count ? -1 : 1 }
                for (l, r) in zip(left.integer, right.integer) where l != r { return l < r ? -1 : 1 }
                let length = max(left.fraction.count, right.fraction.count)
                for position in 0..<length {
                    let l = position < left.fraction.count ? left.fraction[position] : 0x30
                    let r = position < right.fraction.count ? right.fraction[position] : 0x30
                    if l != r { return l < r ? -1 : 1 }
                }
                return 0
            }
        }
    }
}
