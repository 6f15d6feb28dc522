/// A price, quantity or balance in the simulator's matching: a signed count of 10⁻⁸ units, the
/// exchange's finest precision.
///
/// Orders keep the text the exchange sends (``SimulatedOrder``); fills and balances need sums and
/// products, which this does exactly, with no binary rounding. Every operation reports overflow
/// instead of trapping: values come from requests, seed and state files, which are hostile.
public struct SimDecimal: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The value in units of 10⁻⁸.
    public var units: Int64

    /// Digits after the point.
    public static let scale = 8
    static let unit: Int64 = 100_000_000

    public init(units: Int64) { self.units = units }

    public static let zero = SimDecimal(units: 0)

    /// Parses `digits[.digits]` (a leading `-` too when `allowNegative`), as the exchange's
    /// DECIMAL parameters are written; nil for anything else, for more than 20 digits on either
    /// side, for a value past ±92233720368, or for a non-zero digit past the eighth decimal.
    public init?(_ text: String, allowNegative: Bool = false) {
        var bytes = Array(text.utf8)
        var negative = false
        if allowNegative, bytes.first == UInt8(ascii: "-") {
            negative = true
            bytes.removeFirst()
        }
        let point = bytes.firstIndex(of: UInt8(ascii: "."))
        let whole = bytes[..<(point ?? bytes.count)]
        let fraction = point.map { bytes[($0 + 1)...] } ?? []
        guard !whole.isEmpty, whole.count <= 20, point == nil || (!fraction.isEmpty && fraction.count <= 20),
            whole.allSatisfy(Self.isDigit), fraction.allSatisfy(Self.isDigit)
        else { return nil }
        var units: Int64 = 0
        for digit in whole {
            let (times, overflow1) = units.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = times.addingReportingOverflow(Int64(digit - 0x30))
            guard !overflow1, !overflow2 else { return nil }
            units = sum
        }
        let (scaled, overflow) = units.multipliedReportingOverflow(by: Self.unit)
        guard !overflow else { return nil }
        units = scaled
        var place = Self.unit
        for (index, digit) in fraction.enumerated() {
            if index >= Self.scale {
                guard digit == 0x30 else { return nil }
                continue
            }
            place /= 10
            units += Int64(digit - 0x30) * place
        }
        self.units = negative ? -units : units
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// Eight decimals, as the exchange writes margin amounts: `1.50000000`, `-0.00100000`.
    public var description: String {
        let magnitude = units.magnitude
        let whole = magnitude / UInt64(Self.unit)
        let fraction = String(magnitude % UInt64(Self.unit))
        return (units < 0 ? "-" : "") + "\(whole)." + String(repeating: "0", count: Self.scale - fraction.count) + fraction
    }

    public static func < (lhs: SimDecimal, rhs: SimDecimal) -> Bool { lhs.units < rhs.units }

    /// The sum; nil on overflow.
    public func adding(_ other: SimDecimal) -> SimDecimal? {
        let (sum, overflow) = units.addingReportingOverflow(other.units)
        return overflow ? nil : SimDecimal(units: sum)
    }

    /// The difference; nil on overflow.
    public func subtracting(_ other: SimDecimal) -> SimDecimal? {
        let (difference, overflow) = units.subtractingReportingOverflow(other.units)
        return overflow ? nil : SimDecimal(units: difference)
    }

    /// The product, cut (toward zero) to eight decimals; nil when it does not fit.
    public func multiplied(by other: SimDecimal) -> SimDecimal? {
        let product = Int128(units) * Int128(other.units) / Int128(Self.unit)
        guard let result = Int64(exactly: product) else { return nil }
        return SimDecimal(units: result)
    }

    /// The quotient, cut toward zero to eight decimals; nil for a zero divisor or no fit.
    public func divided(by other: SimDecimal) -> SimDecimal? {
        guard other.units != 0 else { return nil }
        let quotient = Int128(units) * Int128(Self.unit) / Int128(other.units)
        guard let result = Int64(exactly: quotient) else { return nil }
        return SimDecimal(units: result)
    }

    /// Whether the value is a whole multiple of `step` (a zero step allows anything).
    public func isMultiple(of step: SimDecimal) -> Bool {
        step.units <= 0 || units % step.units == 0
    }

    /// The largest multiple of `step` not above the value (for a positive value).
    public func roundedDown(to step: SimDecimal) -> SimDecimal {
        guard step.units > 0 else { return self }
        return SimDecimal(units: units - units % step.units)
    }
}
