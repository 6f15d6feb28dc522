import BinanceAPI

/// Evaluates expressions against the current variables. Every failure is a diagnostic at the
/// offending expression.
struct Evaluator {
    let source: SourceFile
    let variables: [String: Value]

    static func integerLiteral(_ text: String) -> Value {
        if let value = Int64(text) { return .integer(value) }
        // Too large for 64 bits: keep it exact; an id argument reports it as out of range.
        return ExactDecimal(text).map(Value.decimal) ?? .string(text)
    }

    static func decimalLiteral(_ text: String) -> Value {
        ExactDecimal(text).map(Value.decimal) ?? .string(text)
    }

    func failure(_ message: String, at range: SourceRange, hint: String? = nil) -> ScriptError {
        .script(Diagnostic(message, at: range, in: source, hint: hint))
    }

    func evaluate(_ expression: Expression) throws(ScriptError) -> Value {
        switch expression.kind {
        case .word(let word): return .string(word)
        case .integer(let text): return Self.integerLiteral(text)
        case .decimal(let text): return Self.decimalLiteral(text)
        case .boolean(let value): return .bool(value)
        case .string(let parts):
            var text = ""
            for part in parts {
                switch part {
                case .text(let piece): text += piece
                case .variable(let name, let fields, let range):
                    text += try lookup(name, fields: fields, at: range).text
                }
            }
            return .string(text)
        case .variable(let name, let fields):
            return try lookup(name, fields: fields, at: expression.range)
        case .list(let elements):
            var values: [Value] = []
            for element in elements { values.append(try evaluate(element)) }
            let list = Value.list(values)
            if list.nesting() > Value.maximumNesting {
                throw failure("list is nested too deeply (more than \(Value.maximumNesting) levels)", at: expression.range)
            }
            return list
        case .range(let lowerExpression, let upperExpression):
            let lower = try integer(lowerExpression, role: "a range bound")
            let upper = try integer(upperExpression, role: "a range bound")
            return .range(lower, upper)
        case .not(let operand):
            return .bool(!(try boolean(operand)))
        case .and(let left, let right):
            guard try boolean(left) else { return .bool(false) }
            return .bool(try boolean(right))
        case .or(let left, let right):
            if try boolean(left) { return .bool(true) }
            return .bool(try boolean(right))
        case .comparison(let op, let leftExpression, let rightExpression):
            let left = try evaluate(leftExpression)
            let right = try evaluate(rightExpression)
            switch op {
            case .equal: return .bool(left.loosely(equals: right))
            case .notEqual: return .bool(!left.loosely(equals: right))
            default:
                guard let order = left.order(against: right) else {
                    throw failure(
                        "cannot compare \(left.typeName) '\(left.text.prefix(40))' with \(right.typeName) '\(right.text.prefix(40))' using '\(op.rawValue)'",
                        at: expression.range, hint: "'<' and '>' compare two numbers or two strings")
                }
                switch op {
                case .less: return .bool(order == .ascending)
                case .lessOrEqual: return .bool(order != .descending)
                case .greater: return .bool(order == .descending)
                default: return .bool(order != .ascending)
                }
            }
        }
    }

    /// A condition's value, which must be a boolean.
    func boolean(_ expression: Expression) throws(ScriptError) -> Bool {
        let value = try evaluate(expression)
        switch value {
        case .bool(let flag): return flag
        case .string(let text) where text == "TRUE" || text == "FALSE": return text == "TRUE"
        default:
            throw failure(
                "expected true or false, got \(value.typeName) '\(value.text.prefix(40))'", at: expression.range,
                hint: "compare it: $x == \"VALUE\"")
        }
    }

    /// An integer operand (a number, or text holding one).
    func integer(_ expression: Expression, role: String) throws(ScriptError) -> Int64 {
        let value = try evaluate(expression)
        switch value {
        case .integer(let number): return number
        case .string(let text) where Int64(text) != nil: return Int64(text)!
        default:
            throw failure("\(role) must be an integer, got \(value.typeName) '\(value.text.prefix(40))'", at: expression.range)
        }
    }

    func lookup(_ name: String, fields: [String], at range: SourceRange) throws(ScriptError) -> Value {
        guard var value = variables[name] else {
            throw .script(Checker.undefinedDiagnostic(name, at: range, defined: Set(variables.keys), source: source))
        }
        if fields.isEmpty { return value } // `$id`: no path to build
        var path = "$" + name
        for field in fields {
            value = try access(value, field: field, path: path, at: range)
            path += "." + field
        }
        return value
    }

    /// `value.field`: a record's field; a list's element by index, `count`, `first`, `last`.
    func access(_ value: Value, field: String, path: String, at range: SourceRange) throws(ScriptError) -> Value {
        switch value {
        case .record(let record):
            if let found = record[field] { return found }
            if field == "count" { return .integer(Int64(record.fields.count)) }
            let hint =
                Suggestion.closest(to: field, among: record.names).map { "did you mean '\(path).\($0)'?" }
                ?? "its fields: \(record.names.prefix(20).joined(separator: ", "))"
            throw failure("\(path) has no field '\(field)'", at: range, hint: hint)
        case .list(let values):
            switch field {
            case "count": return .integer(Int64(values.count))
            case "first", "last":
                guard let element = field == "first" ? values.first : values.last else {
                    throw failure("\(path) is an empty list: it has no \(field) element", at: range)
                }
                return element
            default:
                guard let index = Int(field) else {
                    throw failure(
                        "a list has no field '\(field)'", at: range, hint: "lists have count, first, last and 0, 1, 2, ...")
                }
                guard values.indices.contains(index) else {
                    throw failure("index \(index) is out of range: \(path) has \(values.count) elements", at: range)
                }
                return values[index]
            }
        case .range(let lower, let upper):
            switch field {
            case "count": return .integer(value.count ?? 0)
            case "first": return .integer(lower)
            case "last": return .integer(upper)
            default: throw failure("a range has no field '\(field)'", at: range, hint: "ranges have count, first, last")
            }
        case .string(let text) where field == "count":
            return .integer(Int64(text.count))
        default:
            throw failure(
                "\(path) is \(value.typeName == "integer" ? "an" : "a") \(value.typeName), which has no field '\(field)'",
                at: range)
        }
    }
}
