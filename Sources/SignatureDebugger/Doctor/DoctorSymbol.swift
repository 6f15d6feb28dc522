/// A symbol the doctor checks: given with `--symbol`, or used by a script (with `isolated` or
/// not). An isolated one must be an isolated margin pair; any must be a margin pair at all.
package struct DoctorSymbol: Sendable, Hashable {
    /// Upper case, as the exchange writes it: `LTCBTC`.
    package var name: String
    /// Whether it is used (or asked about) on the isolated margin account.
    package var isolated: Bool

    package init(_ name: String, isolated: Bool) {
        self.name = name.uppercased()
        self.isolated = isolated
    }

    /// One entry per name, in first-seen order; isolated when any use of it is.
    static func merged(_ symbols: [DoctorSymbol]) -> [DoctorSymbol] {
        var result: [DoctorSymbol] = []
        for symbol in symbols {
            if let index = result.firstIndex(where: { $0.name == symbol.name }) {
                result[index].isolated = result[index].isolated || symbol.isolated
            } else {
                result.append(symbol)
            }
        }
        return result
    }
}
