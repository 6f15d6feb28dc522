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
        var fields = FieldCursor(try json.requireObject())
        self.json = json
        symbol = try fields.requireString("symbol")
        isIsolated = try fields.optionalBool("isIsolated")
        orderId = try fields.requireInteger("orderId")
        origClientOrderId = try fields.optionalString("origClientOrderId")
        clientOrderId = try fields.optionalString("clientOrderId")
        price = try fields.optionalDecimal("price")
        origQty = try fields.optionalDecimal("origQty")
        executedQty = try fields.optionalDecimal("executedQty")
        cummulativeQuoteQty = try fields.optionalDecimal("cummulativeQuoteQty")
        status = try fields.requireString("status")
        timeInForce = try fields.optionalString("timeInForce")
        type = try fields.optionalString("type")
        side = try fields.optionalString("side")
    }
}
