/// The exchange's documented rules for common parameters, shared by every operation.
public enum ParameterRules {
    /// The largest `recvWindow` the exchange accepts.
    public static let maximumRecvWindow = 60_000

    /// A symbol: 1-20 characters, upper-case ASCII letters, digits, `-_.`, or non-ASCII letters
    /// (the exchange lists symbols such as `币安人生USDT`).
    public static func symbol(_ symbol: String) throws(ValidationError) {
        guard !symbol.isEmpty else { throw .missingParameter("symbol") }
        // The common case, plain ASCII, is checked on bytes; anything else walks Characters.
        let checked = symbol.utf8.withContiguousStorageIfAvailable(asciiSymbolBytes) ?? asciiSymbolBytes(symbol.utf8)
        guard let ascii = checked else { throw .malformedSymbol(symbol) }
        if ascii {
            guard symbol.utf8.count <= 20 else { throw .malformedSymbol(symbol) }
            return
        }
        guard symbol.count <= 20 else { throw .malformedSymbol(symbol) }
        for character in symbol where !character.isASCII {
            guard character.isLetter || character.isNumber else { throw .malformedSymbol(symbol) }
        }
    }

    /// Whether the bytes are all ASCII (true) or include non-ASCII (false); nil when an ASCII
    /// byte is not allowed in a symbol.
    private static func asciiSymbolBytes<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> Bool? {
        var ascii = true
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."):
                continue
            case 0x80...:
                ascii = false
            default:
                return nil
            }
        }
        return ascii
    }

    /// An order named by `orderId` or `origClientOrderId` (at least one; each well-formed), as the
    /// margin order endpoints require.
    public static func orderReference(orderId: Int64?, origClientOrderId: String?) throws(ValidationError) {
        guard orderId != nil || origClientOrderId != nil else { throw .missingOrderReference }
        if let orderId { try id("orderId", orderId) }
        if let origClientOrderId { try clientOrderId("origClientOrderId", origClientOrderId) }
    }

    /// A numeric id: 1...Int64.max.
    public static func id(_ name: String, _ value: Int64) throws(ValidationError) {
        guard value >= 1 else { throw .idOutOfRange(name: name, value: String(value)) }
    }

    /// A client order id: `^[.A-Z:/a-z0-9_-]{1,36}$`, the exchange's documented pattern.
    public static func clientOrderId(_ name: String, _ value: String) throws(ValidationError) {
        guard !value.isEmpty else { throw .emptyValue(name) }
        guard value.utf8.count <= 36 else { throw .malformedClientOrderId(name: name, value: value) }
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: ":"), UInt8(ascii: "/"),
                UInt8(ascii: "_"), UInt8(ascii: "-"):
                continue
            default:
                throw .malformedClientOrderId(name: name, value: value)
            }
        }
    }

    /// `recvWindow`: 1...60000 ms.
    public static func recvWindow(_ value: Int) throws(ValidationError) {
        guard (1...maximumRecvWindow).contains(value) else { throw .recvWindowOutOfRange(value) }
    }
}
