import Testing

@testable import BinanceAPI

@Suite struct ExchangeErrorTests {
    @Test func decodesCancelRejected() throws {
        let body = Array(#"{"code":-2011,"msg":"Unknown order sent."}"#.utf8)
        let error = try #require(ExchangeError.decode(body: body, httpStatus: 400))
        #expect(error.code == -2011)
        #expect(error.message == "Unknown order sent.")
        #expect(error.kind == .cancelRejected)
        #expect(error.name == "CANCEL_REJECTED")
        let hint = try #require(error.hint)
        #expect(hint.contains("already filled or canceled"))
        #expect(hint.contains("allOrders"))
        #expect(hint.contains("isolated"))
    }

    @Test func cancelRejectedSuggestsTheOtherMarginMode() throws {
        let builder = RequestBuilder(credentials: DemoCredentials.hmac)
        let error = ExchangeError(code: -2011, message: "Unknown order sent.", httpStatus: 400)
        let isolated = try builder.prepare(CancelMarginOrder(symbol: "LTCBTC", isIsolated: true, orderId: 1), timestamp: 1)
        let cross = try builder.prepare(CancelMarginOrder(symbol: "LTCBTC", orderId: 1), timestamp: 1)
        #expect(error.hint(for: isolated)?.contains("(isolated margin)") == true)
        #expect(error.hint(for: isolated)?.contains("without `isolated`") == true)
        #expect(error.hint(for: cross)?.contains("add `isolated`") == true)
        #expect(ClientError.exchange(error, cross).hint == error.hint(for: cross))
        let other = ExchangeError(code: -1022, message: "Signature for this request is not valid.", httpStatus: 400)
        #expect(other.hint(for: cross) == other.hint)
    }

    @Test func unknownCodesKeepTheirMessage() throws {
        let error = try #require(ExchangeError.decode(body: Array(#"{"code":-9999,"msg":"new"}"#.utf8), httpStatus: 400))
        // Every code has a kind, named or not: a new code needs no new case.
        #expect(error.kind == ExchangeErrorKind(rawValue: -9999))
        #expect(error.kind != .cancelRejected)
        #expect(!error.kind.isCatalogued)
        #expect(error.name == "UNKNOWN")
        #expect(error.description == "-9999 UNKNOWN: new")
    }

    @Test func otherBodiesAreNotExchangeErrors() {
        #expect(ExchangeError.decode(body: Array("<html>".utf8), httpStatus: 502) == nil)
        #expect(ExchangeError.decode(body: Array(#"{"code":"x"}"#.utf8), httpStatus: 400) == nil)
    }
}
