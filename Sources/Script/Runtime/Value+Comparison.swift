import BinanceAPI

extension Value {
    /// The value as an exact number, when it is one or is text holding one (the exchange sends
    /// quantities as strings: `"executedQty": "0.00000000"`).
    var number: ExactDecimal? {
        switch self {
        case .integer(let value): return ExactDecimal(String(value))
        case .decimal(let value): return value
        case .string(let text):
            guard let first = text.first, first == "-" || first.isNumber else { return nil }
            return ExactDecimal(text)
        default: return nil
        }
    }

    /// Equality as `==` sees it: numbers compare by value (`1.50 == "1.5"`), text compares
    /// exactly, lists and records field by field.
    func loosely(equals other: Value) -> Bool {
        if let left = number, let right = other.number { return left == right }
        switch (self, other) {
        case (.string(let left), .string(let right)): return left == right
        case (.bool(let left), .bool(let right)): return left == right
        case (.null, .null): return true
        case (.list(let left), .list(let right)):
            return left.count == right.count && zip(left, right).allSatisfy { $0.loosely(equals: $1) }
        case (.range, _), (_, .range):
            return json == other.json
        case (.record(let left), .record(let right)):
            return left.names == right.names
                && zip(left.fields, right.fields).allSatisfy { $0.value.loosely(equals: $1.value) }
        default: return false
        }
    }

    /// Ordering for `<`, `<=`, `>`, `>=`: numbers by value, strings by their characters;
    /// nil when the two cannot be ordered.
    func order(against other: Value) -> ComparisonResult? {
        if let left = number, let right = other.number {
            return left < right ? .ascending : left == right ? .same : .descending
        }
        if case .string(let left) = self, case .string(let right) = other {
            return left < right ? .ascending : left == right ? .same : .descending
        }
        return nil
    }

    enum ComparisonResult { case ascending, same, descending }
}
