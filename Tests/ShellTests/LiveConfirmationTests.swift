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
