import BinanceAPI

/// The JSON field scanner (``JSONFieldScanner``) against the full parser: the scanner promises
/// to accept exactly the texts the parser accepts as an object, and to hand out the same fields.
///
/// Invariants: the scanner accepts iff the parser returns an object; each field it visits,
/// turned into a value (a string or number from its bytes, a composite parsed), with repeated
/// keys folded as the parser folds them (the last value, in the first one's place), gives the
/// parser's object — keys compared by their bytes, as RFC 8259 compares names; a raw value's
/// `integerValue` equals the parsed value's.
enum FuzzJSONFields {
    static func run(_ bytes: UnsafeRawBufferPointer) throws(FuzzViolation) {
        let input = Array(bytes)
        let parsed = try? JSONValue.parse(input)
        var fields: [(key: [UInt8], value: JSONValue)] = []
        var problem: String?
        let scanned: Bool
        do {
            try JSONFieldScanner.scanObject(input.span) { key, escaped, raw in
                guard problem == nil else { return }
                do throws(FuzzViolation) {
                    fields.append((try keyBytes(key, escaped: escaped), try value(of: raw)))
                } catch {
                    problem = error.description
                }
            }
            scanned = true
        } catch {
            scanned = false
        }
        if let problem { throw FuzzViolation(problem) }
        guard case .object(let object)? = parsed else {
            try require(!scanned, "the scanner accepted what the parser refuses or reads as a non-object")
            return
        }
        try require(scanned, "the scanner refused an object the parser accepts")
        var folded: [(key: [UInt8], value: JSONValue)] = []
        for field in fields {
            if let index = folded.firstIndex(where: { $0.key == field.key }) {
                folded[index].value = field.value
            } else {
                folded.append(field)
            }
        }
        let pairs = object.pairs
        try require(
            folded.count == pairs.count,
            "the scanner gives \(folded.count) distinct keys, the parser \(pairs.count): \(pairs.map { shown($0.key, limit: 20) })"
        )
        for (mine, theirs) in zip(folded, pairs) {
            try require(
                mine.key == Array(theirs.key.utf8),
                "key \(shown(String(decoding: mine.key, as: UTF8.self))) vs \(shown(theirs.key))")
            try require(mine.value == theirs.value, "field \(shown(theirs.key)): \(mine.value) vs \(theirs.value)")
        }
    }

    /// A key's text as bytes, escapes resolved.
    static func keyBytes(_ key: JSONRawBytes, escaped: Bool) throws(FuzzViolation) -> [UInt8] {
        guard escaped else { return key.array }
        guard let text = JSONRawValue.string(key, escaped: true).text else {
            throw FuzzViolation("an escaped key the scanner accepted does not resolve")
        }
        return Array(text.utf8)
    }

    /// The value a raw field stands for, with its integer reading cross-checked.
    static func value(of raw: JSONRawValue) throws(FuzzViolation) -> JSONValue {
        let value: JSONValue
        switch raw {
        case .null: value = .null
        case .bool(let flag): value = .bool(flag)
        case .number(let bytes): value = .number(bytes.string)
        case .string:
            guard let text = raw.text else { throw FuzzViolation("a string the scanner accepted has no text") }
            value = .string(text)
        case .composite(let bytes):
            do {
                value = try JSONValue.parse(bytes.array)
            } catch {
                throw FuzzViolation("a composite value the scanner accepted does not parse: \(error)")
            }
        }
        try require(
            raw.integerValue == value.integerValue,
            "integerValue \(String(describing: raw.integerValue)) vs \(String(describing: value.integerValue)) for \(value)")
        try require(raw.isNull == (value == .null), "isNull disagrees")
        return value
    }
}
