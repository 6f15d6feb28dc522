/// The answer of an endpoint that lists trading pairs: an array of objects with a `symbol`
/// (`/sapi/v1/margin/allPairs`, `/sapi/v1/margin/isolated/allPairs`) or an object whose `symbols`
/// array holds them (`/api/v3/exchangeInfo`).
public struct SymbolList: ExchangeResponse, Hashable {
    /// The symbols that are well formed (``ParameterRules/symbol(_:)``), without repeats, in the
    /// order sent; anything else in the answer is left out (it could not be sent back anyway).
    public var symbols: [String]
    /// The body as received.
    public var json: JSONValue

    public init(json: JSONValue) throws(ResponseDecodingError) {
        let entries: [JSONValue]
        switch json {
        case .array(let elements):
            entries = elements
        case .object(let object):
            guard case .array(let elements)? = object["symbols"] else {
                throw ResponseDecodingError(field: "symbols", reason: "is missing or not an array")
            }
            entries = elements
        default:
            throw ResponseDecodingError(field: "", reason: "is not a list of symbols")
        }
        self.json = json
        var seen = Set<String>()
        symbols = entries.compactMap { entry -> String? in
            guard case .object(let object) = entry, case .string(let symbol)? = object["symbol"],
                (try? ParameterRules.symbol(symbol)) != nil, seen.insert(symbol).inserted
            else { return nil }
            return symbol
        }
    }
}
