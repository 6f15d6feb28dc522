/// Percent-encoding of query components as the exchange verifies them.
///
/// Values are taken as UTF-8 bytes; the RFC 3986 unreserved set (`A-Z a-z 0-9 - . _ ~`) is kept,
/// every other byte becomes `%XX` with uppercase hex. The same function encodes what is signed
/// and what is sent, so the two can never differ.
public enum PercentEncoding {
    private static let hexDigits: [UInt8] = Array("0123456789ABCDEF".utf8)

    /// One character per byte value, "1" for the unreserved ones: a table in read-only data, so
    /// the check is a load, not a chain of comparisons (whose branches mispredict on hex text).
    private static var unreservedTable: StaticString {
        """
        0000000000000000000000000000000000000000000001101111111111000000\
        0111111111111111111111111110000101111111111111111111111111100010\
        0000000000000000000000000000000000000000000000000000000000000000\
        0000000000000000000000000000000000000000000000000000000000000000
        """
    }

    /// Whether `byte` is in the RFC 3986 unreserved set.
    @inline(__always)
    public static func isUnreserved(_ byte: UInt8) -> Bool {
        unreservedTable.utf8Start[Int(byte)] == UInt8(ascii: "1")
    }

    /// The reference definition of the unreserved set, which ``isUnreserved(_:)`` must equal (tested).
    static func isUnreservedByRanges(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
            UInt8(ascii: "_"), UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }

    /// Whether every byte is unreserved.
    @inline(__always)
    static func allUnreserved(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // No early exit and no branch per byte: "1" and "0" differ in their lowest bit.
        let table = unreservedTable.utf8Start
        var all: UInt8 = 1
        for byte in bytes { all &= table[Int(byte)] }
        return all & 1 == 1
    }

    /// Appends the percent-encoded form of `value` to `output`.
    public static func append(_ value: String, to output: inout [UInt8]) {
        let appended: Void? = value.utf8.withContiguousStorageIfAvailable { bytes in
            // Most values (symbols, ids, timestamps) need no escaping: copy them in one go.
            if allUnreserved(bytes) {
                output.append(contentsOf: bytes)
            } else {
                appendBytewise(bytes, to: &output)
            }
        }
        if appended == nil { appendBytewise(value.utf8, to: &output) }
    }

    /// The reference encoding, one byte at a time; the fast paths must equal it (tested).
    static func appendBytewise<Bytes: Sequence<UInt8>>(_ bytes: Bytes, to output: inout [UInt8]) {
        for byte in bytes {
            if isUnreserved(byte) {
                output.append(byte)
            } else {
                output.append(UInt8(ascii: "%"))
                output.append(hexDigits[Int(byte >> 4)])
                output.append(hexDigits[Int(byte & 0x0F)])
            }
        }
    }

    /// The largest number of bytes the encoding of `value` can take (every byte escaped).
    @inline(__always)
    static func maximumEncodedCount(_ value: String) -> Int { value.utf8.count * 3 }

    /// Writes the percent-encoding of `bytes` at `output`, which has room for
    /// `3 * bytes.count` bytes; returns how many bytes were written.
    ///
    /// One pass, no allocation: the hot path of every request (values are mostly unreserved, so
    /// the escape branch is rarely taken).
    @inline(__always)
    static func write(_ bytes: UnsafeBufferPointer<UInt8>, to output: UnsafeMutablePointer<UInt8>) -> Int {
        var written = 0
        for byte in bytes {
            if isUnreserved(byte) {
                output[written] = byte
                written += 1
            } else {
                output[written] = UInt8(ascii: "%")
                output[written + 1] = hexDigit(byte >> 4)
                output[written + 2] = hexDigit(byte & 0x0F)
                written += 3
            }
        }
        return written
    }

    /// Writes the percent-encoding of `value` at `output` (room for ``maximumEncodedCount(_:)``
    /// bytes); returns how many bytes were written.
    @inline(__always)
    static func write(_ value: String, to output: UnsafeMutablePointer<UInt8>) -> Int {
        if let written = value.utf8.withContiguousStorageIfAvailable({ write($0, to: output) }) { return written }
        return Array(value.utf8).withUnsafeBufferPointer { write($0, to: output) }
    }

    /// Uppercase hex digit of a nibble (0...15), without a table lookup.
    @inline(__always)
    private static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "A") + nibble - 10
    }

    /// Whether every byte of `value` is unreserved: its encoding is the value itself.
    public static func needsNoEscaping(_ value: String) -> Bool {
        if let clean = value.utf8.withContiguousStorageIfAvailable(allUnreserved) { return clean }
        return value.utf8.allSatisfy(isUnreserved)
    }

    /// The percent-encoded form of `value` (`value` itself when nothing needs escaping, as for
    /// symbols, ids and hex signatures: no new string is made).
    public static func encode(_ value: String) -> String {
        if needsNoEscaping(value) { return value }
        let capacity = maximumEncodedCount(value)
        return String(unsafeUninitializedCapacity: capacity) { buffer in
            write(value, to: buffer.baseAddress!)
        }
    }

    /// Decodes `%XX` escapes (either case) and, when `plusIsSpace`, `+` as a space.
    /// Returns nil when an escape is malformed or the bytes are not UTF-8.
    public static func decode(_ text: Substring, plusIsSpace: Bool = false) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%") {
                guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue)
                else { return nil }
                bytes.append(high << 4 | low)
            } else if plusIsSpace && byte == UInt8(ascii: "+") {
                bytes.append(UInt8(ascii: " "))
            } else {
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
