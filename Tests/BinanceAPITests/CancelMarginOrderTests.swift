import Testing

@testable import BinanceAPI

@Suite struct CancelMarginOrderTests {
    @Test func parametersFollowTheDocumentedOrder() {
        let operation = CancelMarginOrder(
            symbol: "LTCBTC", isIsolated: true, orderId: 28, origClientOrderId: "myOrder1",
            newClientOrderId: "cancelMyOrder1", recvWindow: 5000)
        #expect(
            operation.parameters.map(\.name) == [
                "symbol", "isIsolated", "orderId", "origClientOrderId", "newClientOrderId", "recvWindow"
            ])
        #expect(operation.parameters[1].value == "TRUE")
    }

    @Test func crossMarginOmitsIsIsolated() {
        let operation = CancelMarginOrder(symbol: "LTCBTC", orderId: 28)
        #expect(operation.parameters == [QueryParameter("symbol", "LTCBTC"), QueryParameter("orderId", "28")])
    }

    @Test func methodPathAndWeightLiveOnTheType() {
        #expect(CancelMarginOrder.method == .delete)
        #expect(CancelMarginOrder.path == "/sapi/v1/margin/order")
        #expect(CancelMarginOrder.weight == RequestWeight(10, .ip))
        #expect(CancelMarginOrder.security == .trade)
    }

    @Test func preparedQueryPutsTimestampLast() throws {
        let builder = RequestBuilder(credentials: DemoCredentials.hmac)
        let request = try builder.prepare(
            CancelMarginOrder(symbol: "LTCBTC", isIsolated: true, orderId: 28), timestamp: 1_499_827_319_559)
        #expect(request.query == "symbol=LTCBTC&isIsolated=TRUE&orderId=28&timestamp=1499827319559")
        #expect(request.urlQuery == request.query + "&signature=" + (request.signature?.text ?? "?"))
        #expect(request.method == .delete)
    }

    @Test(arguments: [
        (CancelMarginOrder(symbol: "", orderId: 1), ValidationError.missingParameter("symbol")),
        (CancelMarginOrder(symbol: "ltcbtc", orderId: 1), .malformedSymbol("ltcbtc")),
        (CancelMarginOrder(symbol: "BTC/USDT", orderId: 1), .malformedSymbol("BTC/USDT")),
        (
            CancelMarginOrder(symbol: String(repeating: "A", count: 21), orderId: 1),
            .malformedSymbol(String(repeating: "A", count: 21))
        ),
        (CancelMarginOrder(symbol: "LTCBTC"), .missingOrderReference),
        (CancelMarginOrder(symbol: "LTCBTC", orderId: 0), .idOutOfRange(name: "orderId", value: "0")),
        (CancelMarginOrder(symbol: "LTCBTC", orderId: -5), .idOutOfRange(name: "orderId", value: "-5")),
        (CancelMarginOrder(symbol: "LTCBTC", orderId: 1, recvWindow: 60_001), .recvWindowOutOfRange(60_001)),
        (CancelMarginOrder(symbol: "LTCBTC", orderId: 1, recvWindow: 0), .recvWindowOutOfRange(0)),
        (CancelMarginOrder(symbol: "LTCBTC", origClientOrderId: ""), .emptyValue("origClientOrderId")),
        (
            CancelMarginOrder(symbol: "LTCBTC", origClientOrderId: "has space"),
            .malformedClientOrderId(name: "origClientOrderId", value: "has space")
        ),
        (
            CancelMarginOrder(symbol: "LTCBTC", orderId: 1, newClientOrderId: String(repeating: "x", count: 37)),
            .malformedClientOrderId(name: "newClientOrderId", value: String(repeating: "x", count: 37))
        )
    ])
    func validationRejects(_ operation: CancelMarginOrder, _ expected: ValidationError) {
        #expect(throws: expected) { try operation.validate() }
        let builder = RequestBuilder(credentials: DemoCredentials.hmac)
        #expect(throws: RequestError.validation(expected)) { try builder.prepare(operation, timestamp: 1) }
    }

    @Test func validationAcceptsTheDocumentedRanges() throws {
        try CancelMarginOrder(symbol: "LTCBTC", orderId: Int64.max, recvWindow: 60_000).validate()
        try CancelMarginOrder(symbol: "币安人生USDT", orderId: 1, recvWindow: 1).validate()
        try CancelMarginOrder(symbol: "LTCBTC", origClientOrderId: "web_AbC.1:2/3-4").validate()
    }

    @Test func validationMessagesSayWhatToFix() {
        #expect(ValidationError.missingOrderReference.message == "either orderId (id=) or origClientOrderId (cid=) must be sent")
        #expect(
            ValidationError.recvWindowOutOfRange(70000).message
                == "recvWindow 70000 is out of range: it must be between 1 and 60000 ms")
    }

    @Test func symbolHintsSayHowToWriteTheSymbol() {
        #expect(ValidationError.malformedSymbol("ltcbtc").hint == "symbols are upper case: LTCBTC")
        #expect(ValidationError.malformedSymbol("BTC/USDT").hint?.contains("without a separator") == true)
    }

    @Test func signedOperationWithoutCredentialsIsRefused() {
        let builder = RequestBuilder(credentials: nil)
        #expect(throws: RequestError.noCredentials("margin cancel")) {
            try builder.prepare(CancelMarginOrder(symbol: "LTCBTC", orderId: 1), timestamp: 1)
        }
    }
}
