import BinanceAPI

/// The JSON parser (``JSONValue/parse(_:)``) and serializer.
///
/// Invariants for an accepted text: serializing the value and parsing that gives an equal
/// value, and serializing again gives the same bytes (the log stores bodies this way and
/// replays them byte for byte); the three entry points (bytes, buffer, string) agree.
/// A refused text is refused with an offset inside it.
enum FuzzJSON {
    static func run(_ bytes: UnsafeRawBufferPointer) throws(FuzzViolation) {
        let input = Array(bytes)
        let value: JSONValue
        do {
            value = try JSONValue.parse(input)
        } catch {
            try require(
                error.offset >= 0 && error.offset <= input.count, "error offset \(error.offset) outside \(input.count) bytes")
            try require(!error.reason.isEmpty, "an error without a reason")
            if let text = String(validating: input, as: UTF8.self) {
                try require((try? JSONValue.parse(text)) == nil, "refused as bytes, accepted as a string")
            }
            return
        }
        let viaBuffer = try? JSONValue.parse(input.span)
        try require(viaBuffer == value, "parse(buffer) differs from parse(bytes)")
        let serialized = value.serialized
        let reparsed: JSONValue
        do {
            reparsed = try JSONValue.parse(serialized)
        } catch {
            throw FuzzViolation("the serialization \(shown(serialized)) does not parse: \(error)")
        }
        try require(reparsed == value, "parse → serialize → parse changed the value: \(shown(serialized))")
        try require(reparsed.serialized == serialized, "serializing is not stable: \(shown(serialized))")
        // Compact output never needs more bytes than the source: whitespace goes, escapes shrink or stay.
        try require(
            serialized.utf8.count <= input.count, "the serialization grew to \(serialized.utf8.count) from \(input.count) bytes")
        try checkAccessors(value)
    }

    /// The field accessors responses are decoded with never trap, whatever the value.
    static func checkAccessors(_ value: JSONValue) throws(FuzzViolation) {
        _ = value.stringValue
        _ = value.integerValue
        _ = value.boolValue
        guard case .object(let object) = value else { return }
        for key in object.keys.prefix(64) {
            try require(object[key] != nil, "key \(shown(key)) listed but not found")
            _ = try? object.requireString(key)
            _ = try? object.requireInteger(key)
            _ = try? object.optionalBool(key)
        }
    }
}
