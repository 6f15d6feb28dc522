/// How a dry run shows a request: everything needed to compare with another client's request,
/// nothing secret (the API key is masked; the secret is never reachable from here).
extension PreparedRequest {
    /// The margin mode of a margin request ("isolated" / "cross"), or nil for other endpoints.
    public var marginMode: String? {
        let storage = self.storage
        guard Self.hasMarginPrefix(storage.fields.path) else { return nil }
        for parameter in storage.fields.parameters where parameter.name == "isIsolated" {
            let flag = parameter.value
            return flag == "TRUE" || flag.lowercased() == "true" ? "isolated" : "cross"
        }
        return "cross"
    }

    /// Whether `path` starts with `/sapi/v1/margin/`, compared as bytes (this runs for every
    /// request a dry run prints; the generic `starts(with:)` walked it through iterators).
    static func hasMarginPrefix(_ path: String) -> Bool {
        let prefix: StaticString = "/sapi/v1/margin/"
        let checked = path.utf8.withContiguousStorageIfAvailable { bytes in
            guard bytes.count >= prefix.utf8CodeUnitCount else { return false }
            return (0..<prefix.utf8CodeUnitCount).allSatisfy { bytes[$0] == prefix.utf8Start[$0] }
        }
        return checked ?? path.utf8.starts(with: "/sapi/v1/margin/".utf8)
    }

    /// The multi-line text a dry run prints for this request (no final newline).
    public func dryRunText(baseURL: String) -> String {
        var bytes: [UInt8] = []
        appendDryRunText(baseURL: baseURL, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends ``dryRunText(baseURL:)``'s bytes to `output`.
    public func appendDryRunText(baseURL: String, to output: inout [UInt8]) {
        output.append(addingCapacity: dryRunTextCapacity(baseURL: baseURL)) { writeDryRunText(baseURL: baseURL, to: &$0) }
    }

    /// The most bytes ``dryRunText(baseURL:)`` can take: the room ``writeDryRunText(baseURL:to:)``
    /// needs.
    public func dryRunTextCapacity(baseURL: String) -> Int {
        let storage = self.storage
        // The fixed text is under 160 bytes, the weight's digits at most 20, the margin mode 8;
        // the signature appears twice (once percent-encoded), the masked key is at most the
        // key's length plus 4.
        var capacity =
            200 + storage.fields.method.rawValue.utf8.count + 2 * storage.fields.path.utf8.count + storage.fields.title.utf8.count
        capacity +=
            2 * storage.fields.query.utf8.count + baseURL.utf8.count + 4 * (storage.fields.signature?.text.utf8.count ?? 0)
        capacity += 2 * (storage.fields.apiKey?.utf8.count ?? 0)
        return capacity
    }

    /// Appends ``dryRunText(baseURL:)``'s bytes to `output`, which must have room for
    /// ``dryRunTextCapacity(baseURL:)`` more (checked once: a trap, not an overrun).
    ///
    /// How the printer renders a dry run straight into its output buffer: no line is built as a
    /// string, and the pieces are copied in with no capacity check per piece.
    public func writeDryRunText(baseURL: String, to output: inout OutputSpan<UInt8>) {
        precondition(output.freeCapacity >= dryRunTextCapacity(baseURL: baseURL), "no room for the dry-run text")
        output.withUnsafeMutableBufferPointer { buffer, count in
            count += writeDryRunText(baseURL: baseURL, at: buffer.baseAddress! + count)
        }
    }

    /// Writes ``dryRunText(baseURL:)``'s bytes at `output`, which has room for
    /// ``dryRunTextCapacity(baseURL:)`` bytes; returns how many it wrote. The pointer stays in
    /// this module: other targets write through ``writeDryRunText(baseURL:to:)``.
    func writeDryRunText(baseURL: String, at output: UnsafeMutablePointer<UInt8>) -> Int {
        let storage = self.storage
        var writer = ByteWriter(base: output)
        writer.write(storage.fields.method.rawValue)
        writer.write(" ")
        writer.write(storage.fields.path)
        writer.write("  (")
        writer.write(storage.fields.title)
        writer.write(", weight ")
        writer.writeDecimal(storage.fields.weight.value)
        writer.write("(")
        writer.write(storage.fields.weight.scope.rawValue)
        writer.write(")")
        if let marginMode {
            writer.write(", ")
            writer.write(marginMode)
        }
        writer.write(")\n  query      ")
        writer.write(storage.fields.query)
        if let signature = storage.fields.signature {
            writer.write("\n  signature  ")
            writer.write(signature.text)
            if signature.keyType == .hmac {
                writer.write("  (HMAC-SHA256, hex)")
            } else {
                writer.write("  (")
                writer.write(signature.keyType.rawValue)
                writer.write(", base64)")
            }
        }
        writer.write("\n  url        ")
        writeURL(baseURL: baseURL, to: &writer, escapingJSON: false)
        if let apiKey = storage.fields.apiKey {
            writer.write("\n  header     X-MBX-APIKEY: ")
            if Self.isMaskableASCII(apiKey) {
                Self.maskedASCII(apiKey, to: &writer)
            } else {
                writer.write(Credentials.mask(apiKey))
            }
        }
        return writer.count
    }

    /// Writes ``url(baseURL:)``'s bytes; with `escapingJSON`, as the inside of a JSON string.
    private func writeURL(baseURL: String, to writer: inout ByteWriter, escapingJSON: Bool) {
        let storage = self.storage
        func put(_ text: String) {
            if escapingJSON { writer.writeJSONEscaped(text) } else { writer.write(text) }
        }
        // As `url(baseURL:)`: a final "/" character is dropped (checked as a Character only
        // when the last byte is one).
        if baseURL.utf8.last == UInt8(ascii: "/"), baseURL.hasSuffix("/") {
            put(String(baseURL.dropLast()))
        } else {
            put(baseURL)
        }
        put(storage.fields.path)
        guard !storage.fields.query.isEmpty || storage.fields.signature != nil else { return }
        writer.write("?")
        put(storage.fields.query)
        if let signature = storage.fields.signature {
            if !storage.fields.query.isEmpty { writer.write("&") }
            writer.write("signature=")
            // Percent-encoded: unreserved ASCII and %XX only, nothing JSON escapes.
            writer.writePercentEncoded(signature.text)
        }
    }

    /// Whether `key` is more than 12 bytes of printable ASCII (every real key): one byte is then
    /// one character, and `Credentials.mask(key)` can be written from its bytes.
    static func isMaskableASCII(_ key: String) -> Bool {
        key.utf8.withContiguousStorageIfAvailable { bytes in
            guard bytes.count > 12 else { return false }
            // The smallest and largest byte, in a loop the compiler vectorizes.
            var smallest = UInt8.max
            var largest = UInt8.min
            for byte in bytes {
                smallest = min(smallest, byte)
                largest = max(largest, byte)
            }
            return smallest >= 0x21 && largest <= 0x7E
        } ?? false
    }

    /// Writes the mask of a key ``isMaskableASCII(_:)`` accepts: its first four bytes, "…", its
    /// last four; with `escapingJSON`, as the inside of a JSON string (`"` and `\` are printable).
    private static func maskedASCII(_ key: String, to writer: inout ByteWriter, escapingJSON: Bool = false) {
        key.utf8.withContiguousStorageIfAvailable { bytes in
            let first = UnsafeBufferPointer(rebasing: bytes.prefix(4))
            let last = UnsafeBufferPointer(rebasing: bytes.suffix(4))
            if escapingJSON {
                writer.writeJSONEscaped(first)
                writer.write("…")
                writer.writeJSONEscaped(last)
            } else {
                writer.write(first)
                writer.write("…")
                writer.write(last)
            }
        }
    }

    /// Appends `Credentials.mask(key)`, through the byte path when the key allows it.
    static func appendMasked(_ key: String, to output: inout [UInt8]) {
        guard isMaskableASCII(key) else {
            output.append(contentsOf: Credentials.mask(key).utf8)
            return
        }
        let start = output.count
        output.append(contentsOf: repeatElement(0, count: 16))
        let written = output.withUnsafeMutableBufferPointer { buffer in
            var writer = ByteWriter(base: buffer.baseAddress! + start)
            maskedASCII(key, to: &writer)
            return writer.count
        }
        output.removeLast(16 - written)
    }

    /// The JSON object a dry run prints for this request with `--output json`.
    public func dryRunJSON(baseURL: String) -> JSONValue {
        var object = JSONObject()
        object["operation"] = .string(title)
        object["method"] = .string(method.rawValue)
        object["path"] = .string(path)
        object["query"] = .string(query)
        object["signature"] = signature.map { .string($0.text) } ?? .null
        object["keyType"] = signature.map { .string($0.keyType.rawValue) } ?? .null
        object["timestamp"] = timestamp.map { .number(String($0)) } ?? .null
        object["url"] = .string(url(baseURL: baseURL))
        object["apiKey"] = apiKey.map { .string(Credentials.mask($0)) } ?? .null
        object["weight"] = .number(String(weight.value))
        if let marginMode { object["marginMode"] = .string(marginMode) }
        return .object(object)
    }
}

extension PreparedRequest {
    /// ``dryRunJSON(baseURL:)`` as compact JSON text: byte for byte its `serialized`, built
    /// without the intermediate object.
    public func dryRunJSONText(baseURL: String) -> String {
        String(unsafeUninitializedCapacity: dryRunJSONCapacity(baseURL: baseURL)) { buffer in
            writeDryRunJSON(baseURL: baseURL, at: buffer.baseAddress!)
        }
    }

    /// The most bytes ``writeDryRunJSON(baseURL:to:)`` can write.
    public func dryRunJSONCapacity(baseURL: String) -> Int {
        let storage = self.storage
        // Keys, quotes, commas and nulls are under 200 bytes, the timestamp and weight at most 20
        // digits each, the margin mode 8; an escaped byte takes at most six (a control byte as
        // \u00XX), the percent-encoded signature three per byte; the path and query appear twice
        // (alone and in the url), the masked key is at most the key's length plus 4.
        var escaped =
            storage.fields.title.utf8.count + storage.fields.method.rawValue.utf8.count + 2 * storage.fields.path.utf8.count + 2
            * storage.fields.query.utf8.count
        escaped +=
            baseURL.utf8.count + (storage.fields.signature.map { $0.text.utf8.count + $0.keyType.rawValue.utf8.count } ?? 0)
        escaped += (storage.fields.apiKey?.utf8.count ?? 0) + 4
        return 240 + 6 * escaped + 3 * (storage.fields.signature?.text.utf8.count ?? 0)
    }

    /// Appends ``dryRunJSONText(baseURL:)``'s bytes to `output`, which must have room for
    /// ``dryRunJSONCapacity(baseURL:)`` more (checked once: a trap, not an overrun).
    ///
    /// How the printer renders a dry run with `--output json` straight into its output buffer, as
    /// it does the text: no `JSONObject`, no strings built per field. The keys and their order
    /// are ``dryRunJSON(baseURL:)``'s; strings are escaped as `JSONValue.writeString` does.
    public func writeDryRunJSON(baseURL: String, to output: inout OutputSpan<UInt8>) {
        precondition(output.freeCapacity >= dryRunJSONCapacity(baseURL: baseURL), "no room for the dry-run JSON")
        output.withUnsafeMutableBufferPointer { buffer, count in
            count += writeDryRunJSON(baseURL: baseURL, at: buffer.baseAddress! + count)
        }
    }

    /// Writes ``dryRunJSONText(baseURL:)``'s bytes at `output`, which has room for
    /// ``dryRunJSONCapacity(baseURL:)`` bytes; returns how many it wrote (inside this module).
    func writeDryRunJSON(baseURL: String, at output: UnsafeMutablePointer<UInt8>) -> Int {
        let storage = self.storage
        var writer = ByteWriter(base: output)
        writer.write("{\"operation\":")
        writer.writeJSONString(storage.fields.title)
        writer.write(",\"method\":")
        writer.writeJSONString(storage.fields.method.rawValue)
        writer.write(",\"path\":")
        writer.writeJSONString(storage.fields.path)
        writer.write(",\"query\":")
        writer.writeJSONString(storage.fields.query)
        if let signature = storage.fields.signature {
            writer.write(",\"signature\":")
            writer.writeJSONString(signature.text)
            writer.write(",\"keyType\":")
            writer.writeJSONString(signature.keyType.rawValue)
        } else {
            writer.write(",\"signature\":null,\"keyType\":null")
        }
        writer.write(",\"timestamp\":")
        if let timestamp = storage.fields.timestamp {
            writer.writeDecimal(Int(timestamp))
        } else {
            writer.write("null")
        }
        writer.write(",\"url\":\"")
        writeURL(baseURL: baseURL, to: &writer, escapingJSON: true)
        writer.write("\",\"apiKey\":")
        if let apiKey = storage.fields.apiKey {
            if Self.isMaskableASCII(apiKey) {
                writer.write("\"")
                Self.maskedASCII(apiKey, to: &writer, escapingJSON: true)
                writer.write("\"")
            } else {
                writer.writeJSONString(Credentials.mask(apiKey))
            }
        } else {
            writer.write("null")
        }
        writer.write(",\"weight\":")
        writer.writeDecimal(storage.fields.weight.value)
        if let marginMode {
            writer.write(",\"marginMode\":")
            writer.writeJSONString(marginMode)
        }
        writer.write("}")
        return writer.count
    }
}

/// Writes bytes through a pointer into room made beforehand; what ``PreparedRequest`` renders its
/// dry-run text with.
struct ByteWriter {
    let base: UnsafeMutablePointer<UInt8>
    /// Bytes written so far.
    private(set) var count = 0

    init(base: UnsafeMutablePointer<UInt8>) {
        self.base = base
    }

    @inline(__always)
    mutating func write(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, bytes.count > 0 else { return }
        (base + count).update(from: source, count: bytes.count)
        count += bytes.count
    }

    @inline(__always)
    mutating func write(_ text: StaticString) {
        write(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    @inline(__always)
    mutating func write(_ text: String) {
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { write($0) }
        if done == nil {
            for byte in text.utf8 {
                base[count] = byte
                count += 1
            }
        }
    }

    /// Writes the percent-encoding of `text` (room for three bytes per byte of it).
    mutating func writePercentEncoded(_ text: String) {
        if PercentEncoding.needsNoEscaping(text) {
            write(text) // a hex signature: one copy
        } else {
            count += PercentEncoding.write(text, to: base + count)
        }
    }

    /// Writes `text` as a JSON string literal, quotes included (room for 2 + 6 bytes per byte).
    mutating func writeJSONString(_ text: String) {
        write("\"")
        writeJSONEscaped(text)
        write("\"")
    }

    /// Writes `text` as the inside of a JSON string literal (room for six bytes per byte).
    mutating func writeJSONEscaped(_ text: String) {
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { writeJSONEscaped($0) }
        if done == nil { Array(text.utf8).withUnsafeBufferPointer { writeJSONEscaped($0) } }
    }

    /// Writes UTF-8 `bytes` as the inside of a JSON string literal, escaped as
    /// `JSONValue.writeString` escapes their scalars: `"` and `\` with a backslash, the control
    /// characters U+0000–U+001F as `\n \r \t \b \f` or `\u00xx` (lowercase hex); anything else,
    /// multi-byte scalars included, as it is (every byte of one is 0x80 or above, so escaping
    /// byte by byte is escaping scalar by scalar). Runs that need nothing are copied whole.
    mutating func writeJSONEscaped(_ bytes: UnsafeBufferPointer<UInt8>) {
        var runStart = 0
        while true {
            let special = Self.firstJSONEscape(in: bytes, from: runStart)
            write(UnsafeBufferPointer(rebasing: bytes[runStart..<special]))
            guard special < bytes.count else { return }
            let byte = bytes[special]
            runStart = special + 1
            base[count] = UInt8(ascii: "\\")
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): base[count + 1] = byte
            case 0x0A: base[count + 1] = UInt8(ascii: "n")
            case 0x0D: base[count + 1] = UInt8(ascii: "r")
            case 0x09: base[count + 1] = UInt8(ascii: "t")
            case 0x08: base[count + 1] = UInt8(ascii: "b")
            case 0x0C: base[count + 1] = UInt8(ascii: "f")
            default:
                let hex: StaticString = "0123456789abcdef"
                base[count + 1] = UInt8(ascii: "u")
                base[count + 2] = UInt8(ascii: "0")
                base[count + 3] = UInt8(ascii: "0")
                base[count + 4] = hex.utf8Start[Int(byte >> 4)]
                base[count + 5] = hex.utf8Start[Int(byte & 0x0F)]
                count += 4
            }
            count += 2
        }
    }

    /// Whether `byte` is one JSON escapes: a control byte, `"` or `\`.
    @inline(__always)
    static func isJSONEscaped(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
    }

    /// The offset of the first byte at or after `start` that JSON escapes, or `bytes.count`.
    /// Eight bytes at a time: a word has a byte below 0x20, or equal to `"` or `\`, exactly when
    /// the classic "has a byte less than n" test (`(w - n·ones) & ~w & highs`) is non-zero for
    /// the word itself (n = 0x20) or for it XORed with the quote and backslash (n = 1).
    static func firstJSONEscape(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let pointer = bytes.baseAddress else { return bytes.count }
        let raw = UnsafeRawPointer(pointer)
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        var offset = start
        while offset + 8 <= bytes.count {
            let word = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            let quote = word ^ (ones &* 0x22)
            let backslash = word ^ (ones &* 0x5C)
            let found =
                ((word &- ones &* 0x20) & ~word) | ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash)
            if found & highs != 0 { break }
            offset += 8
        }
        while offset < bytes.count, !isJSONEscaped(bytes[offset]) { offset += 1 }
        return offset
    }

    /// Writes the decimal digits of `value` (room for 20 bytes): lowest digit first, then turned
    /// around in place. Division by the constant 10 compiles to a multiplication; the loop it
    /// replaces divided by a variable power of ten, some 40 cycles a digit for a timestamp.
    mutating func writeDecimal(_ value: Int) {
        if value < 0 {
            base[count] = UInt8(ascii: "-")
            count += 1
        }
        var magnitude = value.magnitude
        var low = count
        repeat {
            base[count] = UInt8(ascii: "0") + UInt8(truncatingIfNeeded: magnitude % 10)
            magnitude /= 10
            count += 1
        } while magnitude > 0
        var high = count - 1
        while low < high {
            (base[low], base[high]) = (base[high], base[low])
            low += 1
            high -= 1
        }
    }
}
