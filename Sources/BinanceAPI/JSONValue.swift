/// A JSON value that keeps numbers exactly as written and object keys in order.
///
/// Prices and quantities must never pass through `Double`: a number is kept as its source text
/// (`"1.00000000"` stays `1.00000000`), and objects remember the order of their keys so a
/// response renders in the order the exchange sent it.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    /// A number, as its exact source text (e.g. `28`, `-1.5e3`).
    case number(String)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    /// The value as a string: a string's text, or a number's source text.
    public var stringValue: String? {
        switch self {
        case .string(let text), .number(let text): return text
        default: return nil
        }
    }

    /// The value as an integer: an integral number, or a string holding one.
    public var integerValue: Int64? {
        switch self {
        case .number(let text), .string(let text): return Int64(text)
        default: return nil
        }
    }

    /// The value as a boolean: `true`/`false`, or the strings "TRUE"/"FALSE" (any case).
    public var boolValue: Bool? {
        switch self {
        case .bool(let value): return value
        case .string(let text):
            switch text.lowercased() {
            case "true": return true
            case "false": return false
            default: return nil
            }
        default: return nil
        }
    }

    /// The field `key` of an object, or nil.
    public subscript(key: String) -> JSONValue? {
        if case .object(let object) = self { return object[key] }
        return nil
    }
}

/// A JSON object with its keys in source order.
public struct JSONObject: Sendable, Hashable {
    /// The keys in the order they were added (first occurrence wins the position).
    public private(set) var keys: [String] = []
    private var storage: [String: JSONValue] = [:]

    public init() {}

    public init(_ pairs: [(String, JSONValue)]) {
        for (key, value) in pairs { self[key] = value }
    }

    /// The value for `key`; setting nil removes it.
    public subscript(key: String) -> JSONValue? {
        get { storage[key] }
        set {
            if let newValue {
                if storage.updateValue(newValue, forKey: key) == nil { keys.append(key) }
            } else if storage.removeValue(forKey: key) != nil {
                keys.removeAll { $0 == key }
            }
        }
    }

    /// The key/value pairs in order.
    public var pairs: [(key: String, value: JSONValue)] { keys.map { ($0, storage[$0]!) } }

    public var count: Int { keys.count }
}
