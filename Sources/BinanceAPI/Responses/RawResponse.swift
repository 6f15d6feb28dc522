/// The answer of a ``RawRequest``: the body's JSON as received. The exchange answers every REST
/// request with an object or a list; anything else (a bare number or string) is not an answer
/// of the exchange and makes the outcome of a write unknown, as any unreadable 2XX does.
public struct RawResponse: ExchangeResponse, Hashable {
    /// The body as received: an object or a list.
    public var json: JSONValue

    public init(json: JSONValue) throws(ResponseDecodingError) {
        switch json {
        case .object, .array:
            self.json = json
        default:
            throw ResponseDecodingError(field: "", reason: "expected a JSON object or list")
        }
    }
}
