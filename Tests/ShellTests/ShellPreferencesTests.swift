import BinanceAPI
import Script
import Testing

@testable import Shell

/// Settings of one shape (`set NAME VALUE` and the profile's `NAME = VALUE`), the `wide` word,
/// wrapped hints and when the pager is used.
@Suite("Shell settings, `wide`, wrapped hints, the pager's threshold")
struct ShellPreferencesTests {
    @Test("set changes a known setting to a value it takes, and nothing else")
    func setting() {
        var preferences = ShellPreferences()
        #expect(preferences.time == .local && preferences.columns == .default && preferences.pager && preferences.hints)
        #expect(preferences.confirm && !preferences.weight)
        #expect(preferences.set("time", "utc") == nil)
        #expect(preferences.time == .utc)
        #expect(preferences.set("time", "mars") == "'time' takes local or utc")
        #expect(preferences.time == .utc)
        #expect(preferences.set("colums", "all")?.contains("did you mean 'columns'?") == true)
        #expect(preferences.set("bogus", "x")?.contains("settings: time, columns, pager, hints, confirm, weight") == true)
        #expect(preferences.set("weight", "on") == nil && preferences.weight)
        #expect(preferences.listing.contains("time    utc"))
    }

    @Test("the profile takes the same names and values; a wrong value is refused with the line")
    func profile() throws {
        let profile = try ConnectionProfile.parse("time = utc\nconfirm = off\ncolumns = all\n", path: "p")
        #expect(profile.settings == ["time": "utc", "confirm": "off", "columns": "all"])
        let preferences = ShellPreferences(profile.settings)
        #expect(preferences.time == .utc && !preferences.confirm && preferences.columns == .all)
        #expect(throws: ProfileError.malformedLine(path: "p", line: 2, reason: "'pager' takes on or off")) {
            try ConnectionProfile.parse("time = utc\npager = sometimes\n", path: "p")
        }
    }

    @Test("set and weight parse as shell commands")
    func commands() {
        #expect(ShellCommand.parse("set") == .command(.set(name: nil, value: nil)))
        #expect(ShellCommand.parse("set time utc") == .command(.set(name: "time", value: "utc")))
        #expect(ShellCommand.parse("set time") == .usage("usage: set [NAME VALUE]   (`set` lists the settings)"))
        #expect(ShellCommand.parse("weight") == .command(.weight))
    }

    @Test("a statement's `wide` shows every field of what it prints, whatever `columns` says; JSON is unchanged")
    func wide() {
        final class Lines: @unchecked Sendable {
            var text = ""
        }
        let order = Value.record(
            Record([
                ("symbol", .string("LTCBTC")), ("orderId", .integer(28)), ("side", .string("SELL")), ("status", .string("NEW")),
                ("selfTradePreventionMode", .string("NONE"))
            ]))
        let lines = Lines()
        let printer = ScriptOutputPrinter(format: .text, write: { lines.text += $0 })
        printer.emit(.value(order))
        #expect(!lines.text.contains("selfTradePreventionMode"))
        lines.text = ""
        printer.emit(.value(order, wide: true))
        #expect(lines.text.contains("selfTradePreventionMode  NONE"))
        #expect(printer.display.options.columns == .default) // only that statement
        let json = ScriptOutputPrinter(format: .json, write: { _ in })
        #expect(json.render(.value(order, wide: true)) == json.render(.value(order)))
    }

    @Test("`wide` is completed once typed and hinted where a result is shown, never after it or after let")
    func wideCompletionAndHint() {
        let catalog = CommandCatalog.standard
        let completer = Completer(catalog: CompletionCatalog(catalog))
        #expect(completer.complete("open LTCBTC w").candidates == ["wide"])
        #expect(completer.complete("let r = open LTCBTC w").candidates.isEmpty)
        #expect(completer.complete("open LTCBTC wide ").candidates.isEmpty)
        #expect(SyntaxHint.hint(for: "open LTCBTC ", catalog: catalog) == "[isolated | spot] [recv=MS] [wide]")
        #expect(SyntaxHint.hint(for: "open LTCBTC wide ", catalog: catalog) == nil)
        #expect(SyntaxHint.hint(for: "let r = open LTCBTC ", catalog: catalog) == "[isolated | spot] [recv=MS]")
    }

    @Test("hint lines wrap at words under their text; the source line and caret do not")
    func wrappedHints() {
        let text = """
            <shell>:1:1: error: exchange error -2011 CANCEL_REJECTED: Unknown order sent.
            cancel LTCBTC id=31 and a long tail that is part of the source line itself, not prose
            ^~~~~~
            hint: the order was not found in the matching engine (cross margin): it is most likely already filled
            """
        let wrapped = InteractiveShell.wrapProse(text, width: 60)
        let lines = wrapped.split(separator: "\n").map(String.init)
        #expect(lines[1] == "cancel LTCBTC id=31 and a long tail that is part of the source line itself, not prose")
        #expect(lines[3] == "hint: the order was not found in the matching engine (cross")
        #expect(lines[4] == "      margin): it is most likely already filled")
    }

    @Test("the pager is for text taller than the screen")
    func pagerThreshold() {
        #expect(!Pager.isTaller(String(repeating: "x\n", count: 28), rows: 30))
        #expect(Pager.isTaller(String(repeating: "x\n", count: 29), rows: 30))
        #expect(!Pager.isTaller(String(repeating: "x\n", count: 100), rows: 0))
        #expect(Pager.command(["PAGER": "more"]) == "more")
        #expect(Pager.command(["PAGER": " "]) == "less -S")
        #expect(Pager.command([:]) == "less -S")
    }

    @Test("the prompt shows the used weight when asked")
    func promptWeight() {
        var prompt = Prompt(endpoint: "live", dryRun: false, colour: false)
        #expect(prompt.plain == "bnc(live)> ")
        prompt.weight = "120/12000"
        #expect(prompt.plain == "bnc(live 120/12000)> ")
    }
}

@Suite("Help and listings wrap under their summary column")
struct ColumnWrapTests {
    @Test func wrapsUnderTheSummary() {
        let text = "  set [NAME VALUE]  list or change a setting: time, columns, pager, hints, confirm, weight"
        #expect(
            TextWrapper.wrapColumns(text, width: 60) == """
                  set [NAME VALUE]  list or change a setting: time, columns,
                                    pager, hints, confirm, weight
                """)
        #expect(TextWrapper.wrapColumns("short", width: 60) == "short")
    }
}
