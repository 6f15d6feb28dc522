import Testing

@testable import Shell

@Suite("Multi-line input: continuation until the block is complete")
struct InputAccumulatorTests {
    /// Balanced braces and quotes: enough of a language to drive the accumulator.
    static func balanced(_ text: String) -> Bool {
        var depth = 0
        var quoted = false
        for character in text {
            if character == "\"" { quoted.toggle() }
            if !quoted && character == "{" { depth += 1 }
            if !quoted && character == "}" { depth -= 1 }
        }
        return depth <= 0 && !quoted
    }

    @Test("a complete line is complete at once")
    func singleLine() {
        var input = InputAccumulator(isComplete: Self.balanced)
        #expect(input.feed("cancel LTCBTC id=28") == .complete("cancel LTCBTC id=28"))
        #expect(!input.isContinuing)
    }

    @Test("an open brace continues until it is closed; the block is one text")
    func block() {
        var input = InputAccumulator(isComplete: Self.balanced)
        #expect(input.feed("for id in 1..3 {") == .needsMore)
        #expect(input.isContinuing)
        #expect(input.feed("  cancel LTCBTC id=$id") == .needsMore)
        #expect(input.feed("") == .needsMore)
        #expect(input.feed("}") == .complete("for id in 1..3 {\n  cancel LTCBTC id=$id\n\n}"))
        #expect(!input.isContinuing)
    }

    @Test("an open quote continues")
    func quote() {
        var input = InputAccumulator(isComplete: Self.balanced)
        #expect(input.feed("print \"two") == .needsMore)
        #expect(input.feed("lines\"") == .complete("print \"two\nlines\""))
    }

    @Test("reset drops the open block (Ctrl-C at the continuation prompt)")
    func reset() {
        var input = InputAccumulator(isComplete: Self.balanced)
        #expect(input.feed("repeat 3 {") == .needsMore)
        input.reset()
        #expect(!input.isContinuing)
        #expect(input.feed("print 1") == .complete("print 1"))
    }

    @Test("a blank line at the primary prompt is complete and empty; trailing newlines are dropped")
    func blank() {
        var input = InputAccumulator(isComplete: { _ in false })
        #expect(input.feed("   ") == .complete(""))
        #expect(!input.isContinuing)
        var other = InputAccumulator(isComplete: Self.balanced)
        #expect(other.feed("print 1\n") == .complete("print 1"))
    }
}
