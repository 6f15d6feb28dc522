import Testing

@testable import Shell

/// What bnc asks about before live statements that cancel more than one order.
@Suite("Live confirmation: what counts as more than one cancel")
struct LiveConfirmationQuestionTests {
    static func question(_ text: String, open: Int? = 3) async -> String? {
        await LiveConfirmation.question(for: text, countOpen: { _, _ in open })
    }

    @Test("cancel-all is counted with one open query; one order or none is not asked about")
    func cancelAll() async {
        #expect(await Self.question("cancel-all LTCBTC") == "cancel-all: 3 open orders of LTCBTC")
        #expect(await Self.question("cancel-all ltcbtc isolated") == "cancel-all: 3 open orders of LTCBTC (isolated)")
        #expect(await Self.question("cancel-all LTCBTC", open: 1) == nil)
        #expect(await Self.question("cancel-all LTCBTC", open: nil) == "cancel-all of every open order of a symbol")
        #expect(await Self.question("cancel-all $s") == "cancel-all of every open order of a symbol")
    }

    @Test("a loop that cancels says its iterations, or that it is a loop of cancels")
    func loops() async {
        #expect(await Self.question("for id in 28..30 { cancel LTCBTC id=$id }") == "a loop of 3 iterations that cancels")
        #expect(await Self.question("repeat 5 { cancel LTCBTC id=1 }") == "a loop of 5 iterations that cancels")
        #expect(await Self.question("for o in $os { cancel LTCBTC id=$o.orderId }") == "a loop of cancels")
        #expect(await Self.question("for id in 1..1 { cancel LTCBTC id=$id }") == nil)
        #expect(await Self.question("for id in 1..9 { print $id }") == nil)
    }

    @Test("every loop of an input is counted, and nested loops multiply")
    func severalAndNestedLoops() async {
        #expect(
            await Self.question("repeat 2 { cancel X id=1 }\nfor i in 5..7 { cancel X id=$i }")
                == "a loop of 2 iterations that cancels; a loop of 3 iterations that cancels")
        #expect(
            await Self.question("for i in 1..3 { repeat 4 { cancel X id=$i } }")
                == "a loop of 3 iterations that cancels 12 times")
        #expect(
            await Self.question("for i in [1, 2] { if $i > 1 { cancel X id=$i } else { print $i } }")
                == "a loop of 2 iterations that cancels")
        #expect(await Self.question("for i in 1..3 { for o in $os { cancel X id=$o } }") == "a loop of cancels")
        #expect(await Self.question("repeat 1 { cancel X id=1 }\nrepeat 1 { print 1 }") == nil)
    }

    @Test("cancel-all in a loop or a branch is found; text that does not parse runs nothing and asks nothing")
    func cancelAllInBlocks() async {
        #expect(
            await Self.question("if true { cancel-all LTCBTC isolated }") == "cancel-all: 3 open orders of LTCBTC (isolated)")
        #expect(await Self.question("for s in $symbols { cancel-all $s }") == "cancel-all of every open order of a symbol")
        #expect(await Self.question("for i in 1..3 { cancel X id=$i") == nil)
    }

    @Test("a spot cancel-all counts the spot account's open orders; request DELETEs count as the cancels they are")
    func spotAndRequests() async {
        let counted = await LiveConfirmation.question(
            for: "cancel-all LTCBTC spot", countOpen: { _, account in account == .spot ? 4 : 9 })
        #expect(counted == "cancel-all: 4 open orders of LTCBTC (spot)")
        #expect(
            await Self.question("repeat 3 { request DELETE /api/v3/order symbol=X orderId=1 signed }")
                == "a loop of 3 iterations that cancels")
        #expect(
            await Self.question("request DELETE /sapi/v1/margin/openOrders symbol=LTCBTC signed")
                == "request DELETE /sapi/v1/margin/openOrders: every order it names")
        #expect(await Self.question("request DELETE /api/v3/order symbol=X orderId=1 signed") == nil)
        #expect(await Self.question("repeat 3 { request GET /api/v3/order symbol=X orderId=1 signed }") == nil)
    }

    @Test("counts as large as the integers go are counted without trapping")
    func hugeCounts() async {
        #expect(
            await Self.question("for i in 0..9223372036854775807 { cancel X id=$i }")
                == "a loop of 9223372036854775807 iterations that cancels")
        #expect(
            await Self.question("for i in -9223372036854775808..9223372036854775807 { cancel X id=1 }")
                == "a loop of 9223372036854775807 iterations that cancels")
        #expect(
            await Self.question("cancel-all X; repeat 9223372036854775807 { cancel X id=1 }", open: 5)
                == "cancel-all: 5 open orders of X; a loop of 9223372036854775807 iterations that cancels")
    }

    @Test("a single cancel, open and time are never asked about")
    func single() async {
        #expect(await Self.question("cancel LTCBTC id=28") == nil)
        #expect(await Self.question("open LTCBTC") == nil)
        #expect(
            LiveConfirmation.isYes(" Y ") && LiveConfirmation.isYes("yes") && !LiveConfirmation.isYes("")
                && !LiveConfirmation.isYes("n"))
    }
}
