extension JSONValue {
    /// The object's fields, or a decoding error naming what was expected.
    public func requireObject(_ what: String = "") throws(ResponseDecodingError) -> JSONObject {
        guard case .object(let object) = self else {
            throw ResponseDecodingError(field: what, reason: "is not a JSON object")
        }
        return object
    }
}

extension JSONObject {
    /// A required field as text (a JSON string, or a number's exact source text).
    public func requireString(_ key: String) throws(ResponseDecodingError) -> String {
        guard let value = self[key] else { throw ResponseDecodingError(field: key, reason: "is missing") }
        guard let text = value.stringValue else { throw ResponseDecodingError(field: key, reason: "is not text") }
        return text
    }

    /// A required integer field, given as a JSON number or as a string of digits.
    public func requireInteger(_ key: String) throws(ResponseDecodingError) -> Int64 {
        guard let value = self[key] else { throw ResponseDecodingError(field: key, reason: "is missing") }
        guard let number = value.integerValue else {
            throw ResponseDecodingError(field: key, reason: "is not an integer")
        }
        return number
    }

    /// An optional text field; present but of the wrong type is an error.
    public func optionalString(_ key: String) throws(ResponseDecodingError) -> String? {
        guard let value = self[key], value != .null else { return nil }
        guard let text = value.stringValue else { throw ResponseDecodingError(field: key, reason: "is not text") }
        return text
    }

    /// An optional integer field (number or string of digits).
    public func optionalInteger(_ key: String) throws(ResponseDecodingError) -> Int64? {
        guard let value = self[key], value != .null else { return nil }
        guard let number = value.integerValue else {
            throw ResponseDecodingError(field: key, reason: "is not an integer")
        }
        return number
    }

    /// An optional boolean field (`true`/`false` or "TRUE"/"FALSE").
    public func optionalBool(_ key: String) throws(ResponseDecodingError) -> Bool? {
        guard let value = self[key], value != .null else { return nil }
        guard let flag = value.boolValue else { throw ResponseDecodingError(field: key, reason: "is not a boolean") }
        return flag
    }
}

/// Reads an object's fields in the order they are usually sent, each found at the first try
/// (``JSONObject/value(for:hint:)``), with ``JSONObject``'s rules for each accessor.
struct FieldCursor {
    let object: JSONObject
    var hint = 0

    init(_ object: JSONObject) { self.object = object }

    mutating func value(_ key: String) -> JSONValue? { object.value(for: key, hint: &hint) }

    mutating func requireString(_ key: String) throws(ResponseDecodingError) -> String {
        guard let value = value(key) else { throw ResponseDecodingError(field: key, reason: "is missing") }
        guard let text = value.stringValue else { throw ResponseDecodingError(field: key, reason: "is not text") }
        return text
    }

    mutating func requireInteger(_ key: String) throws(ResponseDecodingError) -> Int64 {
        guard let value = value(key) else { throw ResponseDecodingError(field: key, reason: "is missing") }
        guard let number = value.integerValue else { throw ResponseDecodingError(field: key, reason: "is not an integer") }
        return number
    }

    mutating func optionalString(_ key: String) throws(ResponseDecodingError) -> String? {
        guard let value = value(key), value != .null else { return nil }
        guard let text = value.stringValue else { throw ResponseDecodingError(field: key, reason: "is not text") }
        return text
    }

    mutating func optionalBool(_ key: String) throws(ResponseDecodingError) -> Bool? {
        guard let value = value(key), value != .null else { return nil }
        guard let flag = value.boolValue else { throw ResponseDecodingError(field: key, reason: "is not a boolean") }
        return flag
    }

    /// An optional decimal field (a string or a number's exact text).
    mutating func optionalDecimal(_ key: String) throws(ResponseDecodingError) -> ExactDecimal? {
        guard let text = try optionalString(key) else { return nil }
        guard let value = ExactDecimal(text) else { throw ResponseDecodingError(field: key, reason: "is not a decimal number") }
        return value
    }
}
