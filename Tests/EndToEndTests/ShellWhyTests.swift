import Foundation
import Testing

/// `why` in the shell, in tmux: nothing to explain before an exchange error, the catalog's text
/// for the code right after one (the same as `bnc explain CODE`), nothing again after a
/// statement that succeeds.
@Suite("why in the shell, in tmux", .serialized)
struct ShellWhyTests {
    @Test("why before, right after, and after the exchange's -2011")
    func whyExplainsTheLastExchangeError() throws {
        let prompt = ShellExplorationTests.prompt
        let shell = try ShellExplorationTests.shell(columns: 120)
        defer {
            shell.close()
            shell.removeHome()
        }

        let before = try ShellExplorationTests.run("why", in: shell, expecting: "no exchange error to explain")
        #expect(!before.contains("CANCEL_REJECTED"))
        #expect(!before.contains("Causes"))

        // Order 27 of the seed is FILLED: the exchange answers -2011.
        _ = try ShellExplorationTests.run("cancel LTCBTC id=27", in: shell, expecting: "order 27 was FILLED")
        let after = try ShellExplorationTests.run("why", in: shell, expecting: "-2011 CANCEL_REJECTED")
        let explained = try ExplainTool.bnc(["explain", "-2011"])
        #expect(explained.status == 0)
        // The same text as `bnc explain -2011` (each of its lines is on the screen).
        for line in explained.stdout.split(separator: "\n") where line.count < 110 {
            #expect(after.contains(String(line)), "missing: \(line)")
        }
        #expect(after.contains("Causes, and how to tell them apart:"))

        _ = try ShellExplorationTests.run("let x = 1", in: shell, expecting: prompt)
        let cleared = try ShellExplorationTests.run("why", in: shell, expecting: "no exchange error to explain")
        // The screen keeps its scrollback: look only below the last `why`.
        let last = try #require(cleared.range(of: "> why", options: .backwards))
        #expect(cleared[last.upperBound...].contains("no exchange error to explain"))
        #expect(!cleared[last.upperBound...].contains("CANCEL_REJECTED"))
    }
}
