/// A margin order as the exchange reports it after a cancel or a query.
///
/// Prices and quantities stay exact (``ExactDecimal``); `orderId` is accepted as a JSON number
/// (what the exchange sends) or a string (what its documentation shows).
public struct MarginOrder: ExchangeResponse, Hashable {
    public var symbol: String
    public var isIsolated: Bool?
    public var orderId: Int64
    public var origClientOrderId: String?
    public var clientOrderId: String?
    public var price: ExactDecimal?
    public var origQty: ExactDecimal?
    public var executedQty: ExactDecimal?
    public var cummulativeQuoteQty: ExactDecimal?
    public var status: String
    public var timeInForce: String?
    public var type: String?
    public var side: String?
    /// The body as received, for field access from scripts and for rendering.
    public var json: JSONValue

    public init(json: JSONValue) throws(ResponseDecodingError) {
        let object = try json.requireObject()
        self.json = json
        symbol = try object.requireString("symbol")
        isIsolated = try object.optionalBool("isIsolated")
        orderId = try object.requireInteger("orderId")
        origClientOrderId = try object.optionalString("origClientOrderId")
        clientOrderId = try object.optionalString("clientOrderId")
        price = try Self.decimal(object, "price")
        origQty = try Self.decimal(object, "origQty")
        executedQty = try Self.decimal(object, "executedQty")
        cummulativeQuoteQty = try Self.decimal(object, "cummulativeQuoteQty")
        status = try object.requireString("status")
        timeInForce = try object.optionalString("timeInForce")
        type = try object.optionalString("type")
        side = try object.optionalString("side")
    }

    private static func decimal(_ object: JSONObject, _ key: String) throws(ResponseDecodingError) -> ExactDecimal? {
        guard let text = try object.optionalString(key) else { return nil }
        guard let value = ExactDecimal(text) else {
            throw ResponseDecodingError(field: key, reason: "is not a decimal number")
        }
        return value
    }
}
