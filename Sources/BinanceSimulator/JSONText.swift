import BinanceAPI

/// Builds compact JSON text field by field, in the order the exchange sends its fields.
///
/// Responses are written directly rather than through a generic encoder: the request path stays
/// lean (a benchmark sends thousands of cancels) and field order is exactly as chosen here.
struct JSONText {
    private(set) var text: String
    private var needsComma = false

    /// Starts an object.
    init(capacity: Int = 256) {
        text = ""
        text.reserveCapacity(capacity)
        text += "{"
    }

    static func appendString(_ value: String, to output: inout String) {
        JSONValue.writeString(value, to: &output)
    }

    private mutating func key(_ name: String) {
        if needsComma { text += "," }
        needsComma = true
        text += "\""
        text += name
        text += "\":"
    }

    mutating func string(_ name: String, _ value: String) {
        key(name)
        Self.appendString(value, to: &text)
    }

    mutating func number(_ name: String, _ value: Int64) {
        key(name)
        text += String(value)
    }

    mutating func bool(_ name: String, _ value: Bool) {
        key(name)
        text += value ? "true" : "false"
    }

    /// A field whose value is JSON text built already (an array of objects, a nested object).
    mutating func raw(_ name: String, _ json: String) {
        key(name)
        text += json
    }

    /// Ends the object and returns its text.
    mutating func close() -> String {
        text += "}"
        return text
    }
}
