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

    @Test func unknownCodesKeepTheirMessage() throws {
        let error = try #require(ExchangeError.decode(body: Array(#"{"code":-9999,"msg":"new"}"#.utf8), httpStatus: 400))
        #expect(error.kind == nil)
        #expect(error.name == "UNKNOWN")
        #expect(error.description == "-9999 UNKNOWN: new")
    }

    @Test func otherBodiesAreNotExchangeErrors() {
        #expect(ExchangeError.decode(body: Array("<html>".utf8), httpStatus: 502) == nil)
        #expect(ExchangeError.decode(body: Array(#"{"code":"x"}"#.utf8), httpStatus: 400) == nil)
    }
}
