import Testing

@testable import BinanceAPI

@Suite struct MarginOrderTests {
    /// The response example of the exchange's page, with `orderId` as a string.
    static let documented = """
        {"symbol":"LTCBTC","isIsolated":true,"orderId":"28","origClientOrderId":"myOrder1",
         "clientOrderId":"cancelMyOrder1","price":"1.00000000","origQty":"10.00000000",
         "executedQty":"8.00000000","cummulativeQuoteQty":"8.00000000","status":"CANCELED",
         "timeInForce":"GTC","type":"LIMIT","side":"SELL"}
        """

    @Test func decodesTheDocumentedExample() throws {
        let order = try MarginOrder(json: JSONValue.parse(Self.documented))
        #expect(order.symbol == "LTCBTC")
        #expect(order.orderId == 28)
        #expect(order.isIsolated == true)
        #expect(order.origClientOrderId == "myOrder1")
        #expect(order.clientOrderId == "cancelMyOrder1")
        #expect(order.executedQty?.text == "8.00000000")
        #expect(order.status == "CANCELED")
        #expect(order.side == "SELL")
    }

    @Test func acceptsOrderIdAsANumber() throws {
        let order = try MarginOrder(json: JSONValue.parse(#"{"symbol":"LTCBTC","orderId":28,"status":"CANCELED"}"#))
        #expect(order.orderId == 28)
        #expect(order.isIsolated == nil)
    }

    @Test func keepsDecimalsExact() throws {
        let order = try MarginOrder(
            json: JSONValue.parse(#"{"symbol":"X","orderId":1,"status":"NEW","price":"0.10000000000000000001"}"#))
        #expect(order.price?.text == "0.10000000000000000001")
        #expect(order.price! > ExactDecimal("0.1")!)
    }

    @Test func namesTheMissingField() {
        #expect(throws: ResponseDecodingError(field: "status", reason: "is missing")) {
            try MarginOrder(json: JSONValue.parse(#"{"symbol":"LTCBTC","orderId":28}"#))
        }
        #expect(throws: ResponseDecodingError(field: "orderId", reason: "is not an integer")) {
            try MarginOrder(json: JSONValue.parse(#"{"symbol":"LTCBTC","orderId":"x","status":"NEW"}"#))
        }
    }
}
