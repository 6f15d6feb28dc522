import Script

extension SymbolCollector {
    /// The symbols in the `symbol` fields of a value's records (a cancel's result, a list of open
    /// orders), so symbols the exchange returned complete too. Bounded: a huge list is sampled
    /// up to `limit` records.
    package func symbols(in value: Value, limit: Int = 1000) -> [String] {
        var found: [String] = []
        var budget = limit
        func walk(_ value: Value) {
            guard budget > 0 else { return }
            switch value {
            case .record(let record):
                budget -= 1
                if case .string(let symbol)? = record["symbol"], Self.isSymbolShaped(symbol), !found.contains(symbol) {
                    found.append(symbol)
                }
                for field in record.fields { walk(field.value) }
            case .list(let values):
                for element in values where budget > 0 { walk(element) }
            default:
                break
            }
        }
        walk(value)
        return found
    }
}
