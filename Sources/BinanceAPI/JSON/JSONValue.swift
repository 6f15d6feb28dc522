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
///
/// Exchange objects are small (a dozen keys), so entries live in one array searched linearly —
/// no hashing per key, which dominated parsing. Past ``indexThreshold`` keys a dictionary index
/// is built, so a hostile object with many keys still parses in linear time.
public struct JSONObject: Sendable, Hashable {
    private var entries: [(key: String, value: JSONValue)] = []
    private var index: [String: Int]?
    private static let indexThreshold = 24

    public init() {}

    public init(_ pairs: [(String, JSONValue)]) {
        for (key, value) in pairs { self[key] = value }
    }

    /// An object of `entries` whose keys are known to be distinct (the parser checked), built
    /// in one allocation.
    init(distinct entries: ArraySlice<(key: String, value: JSONValue)>) {
        self.entries = Array(entries)
        if self.entries.count > Self.indexThreshold { rebuildIndex() }
    }

    /// Beyond this many keys an object keeps a dictionary index (and the parser stops checking
    /// repeated keys by a linear search).
    static var linearLimit: Int { indexThreshold }

    /// The keys in the order they were added (first occurrence wins the position).
    public var keys: [String] { entries.map(\.key) }

    private func position(of key: String) -> Int? {
        if let index { return index[key] }
        return entries.firstIndex { $0.key == key }
    }

    /// The value for `key`; setting nil removes it.
    public subscript(key: String) -> JSONValue? {
        get { position(of: key).map { entries[$0].value } }
        set {
            if let existing = position(of: key) {
                if let newValue {
                    entries[existing].value = newValue
                } else {
                    entries.remove(at: existing)
                    index = nil
                    if entries.count > Self.indexThreshold { rebuildIndex() }
                }
            } else if let newValue {
                entries.append((key, newValue))
                if index != nil {
                    index?[key] = entries.count - 1
                } else if entries.count > Self.indexThreshold {
                    rebuildIndex()
                }
            }
        }
    }

    private mutating func rebuildIndex() {
        var built: [String: Int] = [:]
        built.reserveCapacity(entries.count * 2)
        for (offset, entry) in entries.enumerated() { built[entry.key] = offset }
        index = built
    }

    /// The value for `key`, looked for first at `hint` and then everywhere; `hint` moves past
    /// where it was found. A decoder reading fields in the order the exchange sends them finds
    /// each at the first try instead of comparing it with every key before it.
    func value(for key: String, hint: inout Int) -> JSONValue? {
        if hint < entries.count, entries[hint].key == key {
            hint += 1
            return entries[hint - 1].value
        }
        guard let found = position(of: key) else { return nil }
        hint = found + 1
        return entries[found].value
    }

    /// The key/value pairs in order.
    public var pairs: [(key: String, value: JSONValue)] { entries }

    public var count: Int { entries.count }

    /// Objects are equal when they hold the same keys in the same order with equal values.
    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        lhs.entries.count == rhs.entries.count
            && zip(lhs.entries, rhs.entries).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(entries.count)
        for entry in entries {
            hasher.combine(entry.key)
            hasher.combine(entry.value)
        }
    }
}
