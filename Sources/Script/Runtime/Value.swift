import BinanceAPI

/// A value in a script: what variables hold, what expressions produce, what commands return.
///
/// Numbers are exact: integers are `Int64`, decimals keep the digits as written
/// (``ExactDecimal``), never a binary float.
package enum Value: Sendable, Hashable {
    case null
    case bool(Bool)
    case integer(Int64)
    case decimal(ExactDecimal)
    case string(String)
    case list([Value])
    /// `lower..upper`, both included; kept lazy so that a long loop does not allocate its list.
    case range(Int64, Int64)
    /// Named fields in order: a response, a dry-run request, an error.
    case record(Record)

    /// The name of the value's type, for messages.
    package var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "boolean"
        case .integer: return "integer"
        case .decimal: return "decimal"
        case .string: return "string"
        case .list: return "list"
        case .range: return "range"
        case .record: return "record"
        }
    }

    /// The value as `print` and string interpolation show it: strings and numbers as written,
    /// lists and records as JSON.
    package var text: String {
        switch self {
        case .null: return "null"
        case .bool(let value): return value ? "true" : "false"
        case .integer(let value): return String(value)
        case .decimal(let value): return value.text
        case .string(let value): return value
        case .range(let lower, let upper): return "\(lower)..\(upper)"
        case .list, .record: return json.serialized
        }
    }

    /// Whether the value is a string, number or boolean (something an argument can take).
    package var isScalar: Bool {
        switch self {
        case .bool, .integer, .decimal, .string: return true
        default: return false
        }
    }

    /// The number of elements of a list or range, or fields of a record.
    var count: Int64? {
        switch self {
        case .list(let values): return Int64(values.count)
        case .range(let lower, let upper): return Value.rangeCount(lower, upper)
        case .record(let record): return Int64(record.fields.count)
        case .string(let text): return Int64(text.count)
        default: return nil
        }
    }
}

extension Value {
    /// The deepest a script may nest lists (`let a = [$a]` in a loop would otherwise build a value
    /// too deep to print, compare or free without exhausting the stack).
    static let maximumNesting = 64

    /// How deeply lists and records nest inside this value, counting stops past `limit`.
    func nesting(limit: Int = Value.maximumNesting) -> Int {
        guard limit >= 0 else { return 1 }
        switch self {
        case .list(let values):
            return 1 + (values.map { $0.nesting(limit: limit - 1) }.max() ?? 0)
        case .record(let record):
            return 1 + (record.fields.map { $0.value.nesting(limit: limit - 1) }.max() ?? 0)
        default:
            return 0
        }
    }

    /// Elements in `lower...upper`, saturating at `Int64.max` (a range of every Int64 has one more).
    static func rangeCount(_ lower: Int64, _ upper: Int64) -> Int64 {
        guard lower <= upper else { return 0 }
        let (difference, overflow) = upper.subtractingReportingOverflow(lower)
        return overflow || difference == Int64.max ? Int64.max : difference + 1
    }
}

/// Named fields in order, like a JSON object.
package struct Record: Sendable, Hashable {
    package private(set) var fields: [(name: String, value: Value)]

    package init(_ fields: [(String, Value)] = []) {
        self.fields = fields.map { (name: $0.0, value: $0.1) }
    }

    /// A record of `fields` as they are (no copy into labelled pairs).
    package init(fields: [(name: String, value: Value)]) {
        self.fields = fields
    }

    package subscript(name: String) -> Value? {
        get { fields.first { $0.name == name }?.value }
        set {
            if let index = fields.firstIndex(where: { $0.name == name }) {
                if let newValue { fields[index].value = newValue } else { fields.remove(at: index) }
            } else if let newValue {
                fields.append((name: name, value: newValue))
            }
        }
    }

    package var names: [String] { fields.map(\.name) }

    package static func == (lhs: Record, rhs: Record) -> Bool {
        lhs.fields.count == rhs.fields.count
            && zip(lhs.fields, rhs.fields).allSatisfy { $0.name == $1.name && $0.value == $1.value }
    }

    package func hash(into hasher: inout Hasher) {
        for field in fields {
            hasher.combine(field.name)
            hasher.combine(field.value)
        }
    }
}
