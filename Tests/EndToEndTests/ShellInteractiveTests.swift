import Foundation
import Testing

/// Drives the built `bnc` shell in tmux as a user would, checking the screen and the history
/// file after each step. `.serialized`: each test owns a tmux server, but two at once would
/// compete for the two cores and make the timeouts flaky.
@Suite("The interactive shell, in tmux", .serialized)
struct ShellInteractiveTests {
    static let prompt = "bnc(sim,dry-run)>"
    static let arguments = ["--dry-run", "--timestamp", "1499827319559"]

    @Test("statement, TAB completion, Up-arrow recall, a multi-line for block, Ctrl-C on a loop, Ctrl-D")
    func session() throws {
        let shell = try ShellTmuxHarness(arguments: Self.arguments)
        defer {
            shell.close()
            shell.removeHome()
        }
        try shell.waitForLastLine(Self.prompt)

        // 1. A statement runs (dry run: the signed query is printed) and is recorded.
        try shell.type("cancel LTCBTC id=28 isolated")
        try shell.press("Enter")
        try shell.waitFor(text: "query      symbol=LTCBTC&isIsolated=TRUE&orderId=28&timestamp=1499827319559")
        try shell.waitForLastLine(Self.prompt)
        #expect(try shell.historyEntries() == ["cancel LTCBTC id=28 isolated"])
        #expect(try shell.historyMode() == 0o600)

        // 2. can<TAB> completes to `cancel `; an ambiguous argument lists the choices.
        try shell.type("can")
        try shell.press("Tab")
        try shell.waitForLastLine("\(Self.prompt) cancel")
        try shell.type(" LTCBTC i")
        try shell.press("Tab")
        let listed = try shell.waitFor(text: "isolated")
        #expect(listed.contains("id="))
        #expect(listed.contains("isIsolated="))
        try shell.waitForLastLine("\(Self.prompt) cancel LTCBTC i")
        try shell.type("d=29")
        try shell.press("Enter")
        try shell.waitFor(text: "symbol=LTCBTC&orderId=29&timestamp=1499827319559")
        try shell.waitForLastLine(Self.prompt)
        #expect(try shell.historyEntries() == ["cancel LTCBTC id=28 isolated", "cancel LTCBTC id=29"])

        // 3. Up recalls the previous statements, newest first; Enter runs the recalled one.
        try shell.press("Up")
        try shell.waitForLastLine("\(Self.prompt) cancel LTCBTC id=29")
        try shell.press("Up")
        try shell.waitForLastLine("\(Self.prompt) cancel LTCBTC id=28 isolated")
        try shell.press("C-e")
        try shell.type(" recv=5000")
        try shell.press("Enter")
        try shell.waitFor(text: "symbol=LTCBTC&isIsolated=TRUE&orderId=28&recvWindow=5000&timestamp=1499827319559")
        try shell.waitForLastLine(Self.prompt)
        #expect(try shell.historyEntries().last == "cancel LTCBTC id=28 isolated recv=5000")

        // 4. A multi-line block: continuation prompts, then one run and one history entry.
        try shell.type("for id in 30..31 {")
        try shell.press("Enter")
        try shell.waitForLastLine("             ...>")
        try shell.type("  cancel LTCBTC id=$id")
        try shell.press("Enter")
        try shell.waitForLastLine("             ...>")
        try shell.type("}")
        try shell.press("Enter")
        try shell.waitFor(text: "symbol=LTCBTC&orderId=31&timestamp=1499827319559")
        try shell.waitForLastLine(Self.prompt)
        #expect(try shell.screen().contains("symbol=LTCBTC&orderId=30&timestamp=1499827319559"))
        #expect(try shell.historyEntries().last == "for id in 30..31 {\n  cancel LTCBTC id=$id\n}")
        #expect(try shell.historyEntries().count == 4)

        // 5. Ctrl-C stops a long loop between statements and reports what was done; the shell lives on.
        try shell.press("C-l")
        try shell.waitFor("a cleared screen") { $0 == Self.prompt }
        try shell.type("for id in 1..100000000 { cancel LTCBTC id=$id }")
        try shell.press("Enter")
        try shell.waitFor("the loop to be running") { $0.contains("orderId=") }
        try shell.press("C-c")
        let stopped = try shell.waitFor(text: "interrupted before", timeout: 15)
        #expect(stopped.contains("statements run"))
        try shell.waitForLastLine(Self.prompt)
        #expect(try shell.exitStatus() == nil)
        #expect(try shell.historyEntries().last == "for id in 1..100000000 { cancel LTCBTC id=$id }")

        // 6. Ctrl-C at the prompt abandons the line: nothing runs, nothing is recorded.
        try shell.press("C-l")
        try shell.waitForLastLine(Self.prompt)
        try shell.type("cancel LTCBTC id=77")
        try shell.waitForLastLine("\(Self.prompt) cancel LTCBTC id=77")
        try shell.press("C-c")
        try shell.waitFor(text: "cancel LTCBTC id=77^C")
        try shell.waitForLastLine(Self.prompt)
        #expect(!(try shell.screen().contains("orderId=77")))
        #expect(try shell.historyEntries().count == 5)

        // 7. Ctrl-D leaves with status 0; the history file holds the five statements, 0600.
        try shell.press("C-d")
        #expect(try shell.waitForExit() == 0)
        #expect(try shell.historyEntries().count == 5)
        #expect(try shell.historyMode() == 0o600)
    }

    @Test("history survives a restart; secrets and leading-space lines never reach the file; Ctrl-R finds an entry")
    func historyAcrossSessions() throws {
        let secret = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j"
        let environment = [
            "BINANCE_API_KEY": "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A", "BINANCE_API_SECRET": secret
        ]
        let first = try ShellTmuxHarness(arguments: Self.arguments, environment: environment)
        defer { first.removeHome() }
        try first.waitForLastLine(Self.prompt)
        for statement in [
            "cancel BTCUSDT id=5", " cancel LTCBTC id=6", "print \"\(secret)\"", "let apiSecret = \"x\"", "cancel LTCBTC id=7"
        ] {
            try first.enter(statement, prompt: Self.prompt)
        }
        #expect(try first.historyEntries() == ["cancel BTCUSDT id=5", "cancel LTCBTC id=7"])
        let file = try String(contentsOfFile: first.historyPath, encoding: .utf8)
        #expect(!file.contains(secret))
        try first.press("C-d")
        _ = try first.waitForExit()
        first.close()

        let second = try ShellTmuxHarness(arguments: Self.arguments, environment: environment, home: first.home)
        defer { second.close() }
        try second.waitForLastLine(Self.prompt)
        try second.press("Up")
        try second.waitForLastLine("\(Self.prompt) cancel LTCBTC id=7")
        try second.press("C-u")
        try second.press("C-r")
        try second.type("BTCUSDT")
        try second.waitFor(text: "cancel BTCUSDT id=5")
        try second.press("Enter")
        try second.waitFor(text: "symbol=BTCUSDT&orderId=5&timestamp=1499827319559")
        try second.waitForLastLine(Self.prompt)
        // The symbols seen before are offered for completion.
        try second.type("cancel BTC")
        try second.press("Tab")
        // The completed line ends in a space, so the inline hint of the rest of the syntax follows it.
        try second.waitFor("cancel BTCUSDT") {
            $0.split(separator: "\n").last?.hasPrefix("\(Self.prompt) cancel BTCUSDT ") == true
        }
        try second.press("C-u")
        try second.type("exit")
        try second.press("Enter")
        #expect(try second.waitForExit() == 0)
        #expect(try second.historyEntries() == ["cancel BTCUSDT id=5", "cancel LTCBTC id=7", "cancel BTCUSDT id=5", "exit"])
    }

    @Test("help, vars, dry, history, a shell-command typo, and BNC_HISTORY=/dev/null")
    func shellCommands() throws {
        // No fixed --timestamp: after `dry off` the simulator checks the request's timestamp.
        let shell = try ShellTmuxHarness(arguments: ["--dry-run"], environment: ["BNC_HISTORY": "/dev/null"])
        defer {
            shell.close()
            shell.removeHome()
        }
        try shell.waitForLastLine(Self.prompt)
        try shell.type("help cancel")
        try shell.press("Enter")
        try shell.waitFor(text: "Example: cancel LTCBTC id=28 isolated")
        try shell.press("C-l")
        try shell.type("let sym = \"LTCBTC\"")
        try shell.press("Enter")
        try shell.waitForLastLine(Self.prompt)
        try shell.type("vars")
        try shell.press("Enter")
        try shell.waitFor("vars to list $sym") { $0.contains("$sym") && $0.contains(" = \"LTCBTC\"") }
        try shell.type("hlep")
        try shell.press("Enter")
        try shell.waitFor(text: "unknown command 'hlep'; did you mean 'help'?")
        try shell.type("history")
        try shell.press("Enter")
        try shell.waitFor(text: "3  vars")
        try shell.type("dry")
        try shell.press("Enter")
        try shell.waitFor(text: "dry run is on")
        // `run FILE` runs a script in this session: its variables stay defined.
        let script = shell.home.appendingPathComponent("close.bnc")
        try "let closed = \"LTCBTC\"\nprint \"ran ${closed}\"\n".write(to: script, atomically: true, encoding: .utf8)
        try shell.type("run \(shell.home.path)/clo")
        try shell.press("Tab")
        try shell.waitForLastLine("\(Self.prompt) run \(script.path)")
        try shell.press("Enter")
        try shell.waitFor(text: "ran LTCBTC")
        try shell.type("print $closed")
        try shell.press("Enter")
        try shell.waitForLastLine(Self.prompt)
        #expect(try shell.screen().split(separator: "\n").suffix(2).first == "LTCBTC")
        // `dry off`: the prompt says sim, and the cancel goes to the embedded simulator.
        try shell.press("C-l")
        try shell.type("dry off")
        try shell.press("Enter")
        try shell.waitForLastLine("bnc(sim)>")
        try shell.type("cancel LTCBTC id=28")
        try shell.press("Enter")
        let sent = try shell.waitFor(text: "CANCELED")
        #expect(!sent.contains("signature  "))
        try shell.waitForLastLine("bnc(sim)>")
        try shell.type("dry on")
        try shell.press("Enter")
        try shell.waitForLastLine(Self.prompt)
        try shell.press("C-d")
        #expect(try shell.waitForExit() == 0)
        #expect(!FileManager.default.fileExists(atPath: shell.historyPath))
    }

    @Test("~/.editrc's `bind -v` gives vi editing; TAB and Ctrl-C keep working in both vi modes")
    func viMode() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("bnc-shell-vi-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        try "bind -v\n".write(to: home.appendingPathComponent(".editrc"), atomically: true, encoding: .utf8)
        let shell = try ShellTmuxHarness(arguments: Self.arguments, home: home)
        defer {
            shell.close()
            shell.removeHome()
        }
        try shell.waitForLastLine(Self.prompt)
        try shell.type("can")
        try shell.press("Tab")
        try shell.waitForLastLine("\(Self.prompt) cancel")
        try shell.type(" LTCBTC id=9")
        try shell.waitForLastLine("\(Self.prompt) cancel LTCBTC id=9")
        // Escape to command mode, `0` to the start, `x` deletes a character: vi, not emacs
        // (where Escape-0 would be a numeric argument and `x` would be inserted).
        try shell.press("Escape")
        try shell.press("0")
        try shell.press("x")
        try shell.waitForLastLine("\(Self.prompt) ancel LTCBTC id=9")
        try shell.press("C-c")
        try shell.waitFor(text: "ancel LTCBTC id=9^C")
        try shell.waitForLastLine(Self.prompt)
        try shell.type("cancel LTCBTC id=9")
        try shell.press("Enter")
        try shell.waitFor(text: "symbol=LTCBTC&orderId=9&timestamp=1499827319559")
        try shell.waitForLastLine(Self.prompt)
        try shell.press("C-d")
        #expect(try shell.waitForExit() == 0)
        #expect(try shell.historyEntries() == ["cancel LTCBTC id=9"])
    }

    @Test("Ctrl-Z and fg: the line comes back in libedit's mode, typed keys are not echoed twice")
    func suspendAndResume() throws {
        let shell = try ShellTmuxHarness(arguments: Self.arguments, environment: ["BNC_HISTORY": "/dev/null"], underBash: true)
        defer {
            shell.close()
            shell.removeHome()
        }
        try shell.waitForLastLine(Self.prompt)
        try shell.type("print 1")
        try shell.waitForLastLine("\(Self.prompt) print 1")
        try shell.press("C-z")
        try shell.waitFor(text: "Stopped")
        try shell.waitForLastLine("$")
        try shell.type("fg")
        try shell.press("Enter")
        try shell.waitForLastLine("\(Self.prompt) print 1")
        try shell.type("23")
        try shell.waitForLastLine("\(Self.prompt) print 123")
        try shell.press("Enter")
        try shell.waitFor("the result") { $0.hasSuffix("123\n\(Self.prompt)") }
        try shell.press("C-d")
        try shell.waitForLastLine("$")
    }
}
