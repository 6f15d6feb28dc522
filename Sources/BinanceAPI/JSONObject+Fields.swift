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
