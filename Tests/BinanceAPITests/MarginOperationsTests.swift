import Testing

@testable import BinanceAPI

/// The new margin operations: documented parameter order, method/path/weight, validation.
@Suite struct MarginOperationsTests {
    static let timestamp: Int64 = 1_499_827_319_559
    let builder = RequestBuilder(credentials: DemoCredentials.hmac)

    @Test func queryOrderFollowsTheDocumentedOrder() throws {
        let operation = QueryMarginOrder(
            symbol: "LTCBTC", isIsolated: true, orderId: 28, origClientOrderId: "myOrder1", recvWindow: 5000)
        #expect(operation.parameters.map(\.name) == ["symbol", "isIsolated", "orderId", "origClientOrderId", "recvWindow"])
        let request = try builder.prepare(operation, timestamp: Self.timestamp)
        #expect(
            request.query
                == "symbol=LTCBTC&isIsolated=TRUE&orderId=28&origClientOrderId=myOrder1&recvWindow=5000&timestamp=1499827319559")
        #expect(QueryMarginOrder.method == .get && QueryMarginOrder.path == "/sapi/v1/margin/order")
        #expect(QueryMarginOrder.weight == RequestWeight(10, .ip) && QueryMarginOrder.security == .userData)
    }

    @Test func queryOrderNeedsAReference() {
        #expect(throws: ValidationError.missingOrderReference) { try QueryMarginOrder(symbol: "LTCBTC").validate() }
        #expect(throws: ValidationError.malformedSymbol("ltc")) { try QueryMarginOrder(symbol: "ltc", orderId: 1).validate() }
        #expect(throws: ValidationError.idOutOfRange(name: "orderId", value: "0")) {
            try QueryMarginOrder(symbol: "LTCBTC", orderId: 0).validate()
        }
    }

    @Test func openOrdersWithAndWithoutSymbol() throws {
        #expect(try builder.prepare(MarginOpenOrders(), timestamp: Self.timestamp).query == "timestamp=1499827319559")
        let isolated = try builder.prepare(
            MarginOpenOrders(symbol: "BNBBTC", isIsolated: true, recvWindow: 60000), timestamp: Self.timestamp)
        #expect(isolated.query == "symbol=BNBBTC&isIsolated=TRUE&recvWindow=60000&timestamp=1499827319559")
        #expect(MarginOpenOrders.method == .get && MarginOpenOrders.path == "/sapi/v1/margin/openOrders")
        #expect(MarginOpenOrders.weight == RequestWeight(10, .ip))
    }

    @Test func isolatedOpenOrdersNeedASymbol() {
        // The exchange: "If isIsolated = "TRUE", symbol must be sent."
        #expect(throws: ValidationError.missingParameter("symbol")) {
            try MarginOpenOrders(isIsolated: true).validate()
        }
        #expect(throws: ValidationError.recvWindowOutOfRange(60001)) {
            try MarginOpenOrders(symbol: "LTCBTC", recvWindow: 60001).validate()
        }
    }

    @Test func cancelAllIsADeleteWithTheQueryInTheURL() throws {
        let request = try builder.prepare(
            CancelAllMarginOpenOrders(symbol: "BTCUSDT", isIsolated: true), timestamp: Self.timestamp)
        #expect(request.method == .delete && request.path == "/sapi/v1/margin/openOrders")
        #expect(request.query == "symbol=BTCUSDT&isIsolated=TRUE&timestamp=1499827319559")
        #expect(
            request.url(baseURL: "https://api.binance.com").hasPrefix(
                "https://api.binance.com/sapi/v1/margin/openOrders?symbol=BTCUSDT&isIsolated=TRUE&timestamp=1499827319559&signature="
            ))
        #expect(CancelAllMarginOpenOrders.weight == RequestWeight(1, .ip) && CancelAllMarginOpenOrders.security == .trade)
        #expect(throws: ValidationError.missingParameter("symbol")) { try CancelAllMarginOpenOrders(symbol: "").validate() }
    }

    @Test func allOrdersFollowsTheDocumentedOrder() throws {
        let operation = MarginAllOrders(
            symbol: "BNBBTC", isIsolated: true, orderId: 41295, startTime: 1_565_769_000_000,
            endTime: 1_565_769_338_806, limit: 500, recvWindow: 5000)
        #expect(
            operation.parameters.map(\.name) == [
                "symbol", "isIsolated", "orderId", "startTime", "endTime", "limit", "recvWindow"
            ])
        #expect(
            try builder.prepare(MarginAllOrders(symbol: "BNBBTC"), timestamp: Self.timestamp).query
                == "symbol=BNBBTC&timestamp=1499827319559")
        #expect(MarginAllOrders.weight == RequestWeight(200, .ip) && MarginAllOrders.path == "/sapi/v1/margin/allOrders")
    }

    @Test(arguments: [
        (MarginAllOrders(symbol: "LTCBTC", limit: 0), "limit"),
        (MarginAllOrders(symbol: "LTCBTC", limit: 501), "limit"),
        (MarginAllOrders(symbol: "LTCBTC", startTime: 1000, endTime: 999), "endTime"),
        (MarginAllOrders(symbol: "LTCBTC", startTime: 0, endTime: 24 * 3_600_000), "endTime"),
        (MarginAllOrders(symbol: "LTCBTC", startTime: -1), "startTime")
    ])
    func allOrdersRejectsOutOfRangeValues(operation: MarginAllOrders, name: String) {
        #expect {
            try operation.validate()
        } throws: { error in
            guard case .valueOutOfRange(let field, _, _) = error as? ValidationError else { return false }
            return field == name
        }
    }

    @Test func allOrdersAcceptsTheLongestSpanAndLimit() throws {
        try MarginAllOrders(symbol: "LTCBTC", startTime: 0, endTime: 24 * 3_600_000 - 1, limit: 500).validate()
    }

    @Test func serverTimeIsUnsignedAndHasNoParameters() throws {
        let request = try RequestBuilder(credentials: nil).prepare(ServerTime(), timestamp: Self.timestamp)
        #expect(request.query == "" && request.signature == nil && request.apiKey == nil)
        #expect(request.url(baseURL: "https://api.binance.com") == "https://api.binance.com/api/v3/time")
        #expect(
            try ServerTimeResponse(json: JSONValue.parse(Array(#"{"serverTime": 1499827319559}"#.utf8))).serverTime
                == 1_499_827_319_559)
        #expect(throws: ResponseDecodingError.self) { try ServerTimeResponse(json: .object(JSONObject())) }
    }
}
