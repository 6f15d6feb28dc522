import Script
import Testing

@testable import Shell

@Suite("Shell commands, did-you-mean, and the prompt")
struct ShellCommandTests {
    @Test("shell commands parse; other input goes to the language")
    func parse() {
        #expect(ShellCommand.parse("help") == .command(.help(topic: nil)))
        #expect(ShellCommand.parse("help cancel") == .command(.help(topic: "cancel")))
        #expect(ShellCommand.parse("vars") == .command(.vars))
        #expect(ShellCommand.parse("dry on") == .command(.dry(true)))
        #expect(ShellCommand.parse("dry off") == .command(.dry(false)))
        #expect(ShellCommand.parse("dry") == .command(.dry(nil)))
        #expect(ShellCommand.parse("history") == .command(.history(last: nil)))
        #expect(ShellCommand.parse("history 5") == .command(.history(last: 5)))
        #expect(ShellCommand.parse("clear") == .command(.clear))
        #expect(ShellCommand.parse("run examples/close.bnc") == .command(.run(path: "examples/close.bnc")))
        #expect(ShellCommand.parse("exit") == .command(.exit))
        #expect(ShellCommand.parse("  quit  ") == .command(.exit))
        #expect(ShellCommand.parse("cancel LTCBTC id=28") == nil)
        #expect(ShellCommand.parse("helpme") == nil)
    }

    @Test("a shell command used wrongly is a usage message, and runs nothing")
    func usage() {
        #expect(ShellCommand.parse("dry maybe") == .usage("usage: dry on|off"))
        #expect(
            ShellCommand.parse("history -1") == .usage("usage: history [N]   (N: how many of the newest entries, at least 1)"))
        #expect(ShellCommand.parse("vars x") == .usage("usage: vars"))
        #expect(ShellCommand.parse("exit now") == .usage("usage: exit"))
        #expect(ShellCommand.parse("help a b") == .usage("usage: help [COMMAND]"))
        #expect(ShellCommand.parse("run") == .usage("usage: run FILE"))
    }

    @Test("did you mean: the closest known words, closest first")
    func suggestions() {
        let known = ["cancel", "clear", "dry", "exit", "help", "history", "let", "print", "quit", "vars"]
        #expect(Suggestion.candidates(near: "cancle", among: known) == ["cancel"])
        #expect(Suggestion.candidates(near: "hlep", among: known) == ["help"])
        #expect(Suggestion.candidates(near: "qiut", among: known) == ["quit"])
        #expect(Suggestion.candidates(near: "zzzzzz", among: known) == [])
        // An abbreviation is a plausible meaning; several are listed best first.
        #expect(Suggestion.candidates(near: "his", among: known) == ["history"])
        #expect(Suggestion.candidates(near: "dyr", among: known + ["dye"]) == ["dry", "dye"])
        #expect(Suggestion.message(forUnknown: "cancle", among: known) == "unknown command 'cancle'; did you mean 'cancel'?")
        #expect(
            Suggestion.message(forUnknown: "xyzzy", among: known)
                == "unknown command 'xyzzy'; type 'help' for the list of commands")
        #expect(
            Suggestion.message(forUnknown: "dyr", among: known + ["dye"])
                == "unknown command 'dyr'; did you mean 'dry' or 'dye'?")
        #expect(Suggestion.editDistance(String(repeating: "a", count: 500), "a") == 500)
    }

    @Test("the prompt says where statements go and how")
    func prompt() {
        #expect(Prompt(endpoint: "sim", dryRun: false, colour: false).plain == "bnc(sim)> ")
        #expect(Prompt(endpoint: "live", dryRun: false, colour: false).primary == "bnc(live)> ")
        #expect(Prompt(endpoint: "sim", dryRun: true, colour: false).primary == "bnc(sim,dry-run)> ")
        #expect(Prompt(endpoint: "sim", dryRun: true, colour: false).continuation == "             ...> ")
        #expect(Prompt(endpoint: "sim", dryRun: false, colour: false).continuation.count == "bnc(sim)> ".count)
    }

    @Test("a coloured prompt brackets its escapes for libedit and shows the same text")
    func colouredPrompt() {
        let live = Prompt(endpoint: "live", dryRun: false, colour: true).primary
        #expect(live == "\u{1}\u{1B}[1;31m\u{1}bnc(live)> \u{1}\u{1B}[0m\u{1}")
        let sim = Prompt(endpoint: "sim", dryRun: false, colour: true).primary
        #expect(sim.contains("\u{1B}[1;32m"))
    }
}
