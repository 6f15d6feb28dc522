import BinanceAPI
import Script
import Testing

@testable import Shell

/// After -2011 on a cancel typed at the prompt: which statements are looked up, and what is said.
@Suite("Answers instead of hints after -2011")
struct CancelAnswerTests {
    @Test("one plain cancel with literal values is looked up; anything else is not")
    func targets() {
        #expect(CancelAnswer.target(of: "cancel ltcbtc id=31") == .init(symbol: "LTCBTC", isolated: false, orderId: 31))
        #expect(
            CancelAnswer.target(of: "cancel LTCBTC orderId=31 isIsolated=TRUE recv=5000")
                == .init(symbol: "LTCBTC", isolated: true, orderId: 31))
        #expect(
            CancelAnswer.target(of: "cancel LTCBTC cid=\"myOrder1\" isolated")
                == .init(symbol: "LTCBTC", isolated: true, clientOrderId: "myOrder1"))
        #expect(CancelAnswer.target(of: "cancel LTCBTC id=$id") == nil)
        #expect(CancelAnswer.target(of: "cancel LTCBTC id=1; cancel LTCBTC id=2") == nil)
        #expect(CancelAnswer.target(of: "cancel LTCBTC id=1 cid=x") == nil)
        #expect(CancelAnswer.target(of: "open LTCBTC") == nil)
    }

    static func order(_ status: String) -> Record {
        Record([
            ("symbol", .string("LTCBTC")), ("orderId", .integer(27)), ("price", .string("0.00140000")),
            ("origQty", .string("1.00000000")), ("executedQty", .string("1.00000000")), ("status", .string(status)),
            ("updateTime", .integer(1_767_225_570_000))
        ])
    }

    @Test("open on the other account: the statement to run; closed: its status, fill and time")
    func sentences() {
        let target = CancelAnswer.Target(symbol: "LTCBTC", isolated: false, orderId: 31)
        #expect(
            CancelAnswer.describe(Self.order("NEW"), target: target, isolated: true, sameAccount: false, zone: .utc)
                == "order 31 is open on the isolated account: `cancel LTCBTC id=31 isolated`")
        #expect(
            CancelAnswer.describe(Self.order("FILLED"), target: target, isolated: false, sameAccount: true, zone: .utc)
                == "order 31 was FILLED on the cross account, 1.00000000 of 1.00000000 executed at 0.00140000, last updated 2025-12-31 23:59:30Z: there is nothing left to cancel"
        )
        let byClientId = CancelAnswer.Target(symbol: "LTCBTC", isolated: true, clientOrderId: "myOrder1")
        #expect(
            CancelAnswer.describe(
                Self.order("PARTIALLY_FILLED"), target: byClientId, isolated: false, sameAccount: false, zone: .utc)
                == "order 'myOrder1' is open on the cross account: `cancel LTCBTC cid=myOrder1`")
    }

    @Test("only an answer about the order asked for is described")
    func onlyTheOrderAskedFor() {
        let byId = CancelAnswer.Target(symbol: "LTCBTC", isolated: false, orderId: 27)
        #expect(CancelAnswer.isTarget(Self.order("FILLED"), byId, isolated: false))
        #expect(
            !CancelAnswer.isTarget(
                Self.order("FILLED"), CancelAnswer.Target(symbol: "LTCBTC", isolated: false, orderId: 28), isolated: false))
        #expect(
            !CancelAnswer.isTarget(
                Self.order("FILLED"), CancelAnswer.Target(symbol: "BTCUSDT", isolated: false, orderId: 27), isolated: false))
        var isolatedOrder = Self.order("NEW")
        isolatedOrder["isIsolated"] = .bool(true)
        #expect(!CancelAnswer.isTarget(isolatedOrder, byId, isolated: false))
        #expect(CancelAnswer.isTarget(isolatedOrder, byId, isolated: true))
        let byClientId = CancelAnswer.Target(symbol: "LTCBTC", isolated: false, clientOrderId: "myOrder1")
        #expect(!CancelAnswer.isTarget(Self.order("NEW"), byClientId, isolated: false))
    }
}
