/// Arithmetic for numbers that come from outside the process (headers, bodies, options, logs):
/// it clamps at the type's bounds instead of trapping. Swift's `+`, `-` and `*` stop the process
/// on overflow, so a server that sends `Retry-After: 99999999999999999` or a `serverTime` of
/// `Int64.min` would end bnc after the exchange had acted — the rule of docs/design.md
/// ("Numbers from outside") is that such numbers only ever meet these operations.
extension FixedWidthInteger {
    /// `self + other`, clamped to `min...max`.
    @inlinable
    public func addingSaturated(_ other: Self) -> Self {
        let (sum, overflow) = addingReportingOverflow(other)
        guard overflow else { return sum }
        return other > 0 ? .max : .min
    }

    /// `self - other`, clamped to `min...max`.
    @inlinable
    public func subtractingSaturated(_ other: Self) -> Self {
        let (difference, overflow) = subtractingReportingOverflow(other)
        guard overflow else { return difference }
        return other > 0 ? .min : .max
    }

    /// `self * other`, clamped to `min...max`.
    @inlinable
    public func multipliedSaturated(by other: Self) -> Self {
        let (product, overflow) = multipliedReportingOverflow(by: other)
        guard overflow else { return product }
        return (self < 0) == (other < 0) ? .max : .min
    }
}
