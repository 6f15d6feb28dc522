import Testing

@testable import BinanceAPI

@Suite struct MarginOrderListTests {
    static let order =
        #"{"symbol":"BNBBTC","orderId":211842552,"clientOrderId":"qhcZw71gAkCCTv0t0k8LUK","price":"0.00475010","origQty":"0.30000000","executedQty":"0.00000000","status":"NEW","isIsolated":true}"#

    @Test func decodesTheDocumentedArray() throws {
        let list = try MarginOrderList(json: JSONValue.parse(Array("[\(Self.order)]".utf8)))
        #expect(list.orders.count == 1)
        #expect(list.orders[0].orderId == 211_842_552 && list.orders[0].status == "NEW")
        #expect(list.orders[0].price == ExactDecimal("0.00475010"))
    }

    @Test func namesTheBadElement() throws {
        let json = try JSONValue.parse(Array("[\(Self.order), {\"symbol\":\"X\"}]".utf8))
        #expect(throws: ResponseDecodingError(field: "[1].orderId", reason: "is missing")) {
            try MarginOrderList(json: json)
        }
        #expect(throws: ResponseDecodingError.self) { try MarginOrderList(json: .object(JSONObject())) }
    }

    @Test func cancelAllFlattensOrderListLegs() throws {
        let body = """
            [{"symbol":"BTCUSDT","orderId":11,"status":"CANCELED"},
             {"orderListId":1929,"contingencyType":"OCO","symbol":"BTCUSDT","orders":[],
              "orderReports":[{"symbol":"BTCUSDT","orderId":20,"status":"CANCELED"},
                              {"symbol":"BTCUSDT","orderId":21,"status":"CANCELED"}]}]
            """
        let canceled = try CanceledMarginOrders(json: JSONValue.parse(Array(body.utf8)))
        #expect(canceled.orders.map(\.orderId) == [11, 20, 21])
        #expect(canceled.orderListIds == [1929])
    }
}
