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
            var fields: [(name: String, value: Value)] = []
            fields.reserveCapacity(object.count)
            for pair in object.pairs { fields.append((name: pair.key, value: Value(json: pair.value))) }
            self = .record(Record(fields: fields))
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
    /// so `28` is an integer, `0.5` a decimal, `true` a boolean, a list (`[28, 29]`, `["A","B"]`)
    /// or a range (`27..31`) written as in a script is one, anything else a string.
    package init(literal text: String) {
        if let collection = Self.collection(literal: text) {
            self = collection
        } else if let integer = Int64(text), text.first != "+" {
            self = .integer(integer)
        } else if text.contains("."), text.first != "+", let decimal = ExactDecimal(text) {
            self = .decimal(decimal)
        } else if text == "true" || text == "false" {
            self = .bool(text == "true")
        } else {
            self = .string(text)
        }
    }

    /// `text` as a list or range literal of the language, with no variable in it; nil for
    /// anything else (then it is a scalar). A value the log's header wrote for a list (its JSON
    /// text) reads back as the same list.
    static func collection(literal text: String) -> Value? {
        let trimmed = text.trimmingWhitespace()
        guard trimmed.utf8.count <= 65_536, trimmed.hasPrefix("[") || trimmed.contains("..") else { return nil }
        let source = SourceFile(name: "--set", text: "let value = " + trimmed)
        let (statements, diagnostics) = Parser.parse(source, commandNames: [])
        guard diagnostics.isEmpty, statements.count == 1,
            case .assignment(_, _, .expression(let expression)) =
                statements[0].kind
        else { return nil }
        switch expression.kind {
        case .list, .range: break
        default: return nil
        }
        return try? Evaluator(source: source, variables: [:]).evaluate(expression)
    }
}
