import Testing

@testable import SessionLog

@Suite struct StatementNestingTests {
    @Test func loopsAndBranchesNestAndIterationsDoNotPileUp() {
        var nesting = StatementNesting()
        let loop = "for id in 1..2 {\n  if $id == 1 {\n    print 1\n  }\n}"
        #expect(nesting.depth(file: "a", line: 1, column: 1, text: "let x = 1") == 0)
        #expect(nesting.depth(file: "a", line: 2, column: 1, text: loop) == 0)
        for _ in 1...2 {
            #expect(nesting.depth(file: "a", line: 3, column: 3, text: "if $id == 1 {\n    print 1\n  }") == 1)
            #expect(nesting.depth(file: "a", line: 4, column: 5, text: "print 1") == 2)
        }
        #expect(nesting.depth(file: "a", line: 7, column: 1, text: "print done") == 0)
    }

    @Test func aNewShellInputStartingAtLineOneIsTopLevel() {
        var nesting = StatementNesting()
        #expect(nesting.depth(file: "<input>", line: 1, column: 1, text: "repeat 2 {\n  print 1\n}") == 0)
        #expect(nesting.depth(file: "<input>", line: 2, column: 3, text: "print 1") == 1)
        // The next input is a new source that starts at 1:1 again.
        #expect(nesting.depth(file: "<input>", line: 1, column: 1, text: "print 2") == 0)
        #expect(nesting.depth(file: "other.bnc", line: 2, column: 3, text: "print 3") == 0)
    }
}
