import BinanceAPI

extension Value {
    /// A value from the exchange's JSON: numbers become integers or exact decimals, objects
    /// records (keys in the order received), arrays lists.
    package init(json: JSONValue) {
        switch json {
        case .null: self = .null
        case .bool(let value): self = .bool(value)
        case .number(let text):
            if let integer = Int64(text) {
                self = .integer(integer)
            } else if let decimal = ExactDecimal(text) {
                self = .decimal(decimal)
            } else {
                self = .string(text)
            }
        case .string(let text): self = .string(text)
        case .array(let values): self = .list(values.map(Value.init(json:)))
        case .object(let object):
            self = .record(Record(object.pairs.map { ($0.key, Value(json: $0.value)) }))
        }
    }

    /// The value as JSON (numbers keep their exact text; a range becomes its list, capped at
    /// 10,000 elements so printing a huge range cannot exhaust memory).
    package var json: JSONValue {
        switch self {
        case .null: return .null
        case .bool(let value): return .bool(value)
        case .integer(let value): return .number(String(value))
        case .decimal(let value): return .number(value.text)
        case .string(let value): return .string(value)
        case .list(let values): return .array(values.map(\.json))
        case .range(let lower, let upper):
            guard lower <= upper else { return .array([]) }
            let last = Value.rangeCount(lower, upper) > 10_000 ? lower + 9_999 : upper
            return .array((lower...last).map { .number(String($0)) })
        case .record(let record):
            return .object(JSONObject(record.fields.map { ($0.name, $0.value.json) }))
        }
    }

    /// A value written on the command line (`--set id=28`): read like a bare word in a script,
    /// so `28` is an integer, `0.5` a decimal, `true` a boolean, anything else a string.
    package init(literal text: String) {
        if let integer = Int64(text), text.first != "+" {
            self = .integer(integer)
        } else if text.contains("."), text.first != "+", let decimal = ExactDecimal(text) {
            self = .decimal(decimal)
        } else if text == "true" || text == "false" {
            self = .bool(text == "true")
        } else {
            self = .string(text)
        }
    }
}
