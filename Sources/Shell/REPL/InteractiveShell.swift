import BinanceAPI
import Script

/// The interactive shell: reads statement blocks with the line editor (continuation prompt
/// while a block is open), records them in history, handles the shell's own commands, and runs
/// everything else in the long-lived `ScriptSession`, so variables persist between statements.
///
/// Ctrl-C at the prompt abandons the line; while statements run it raises the session's
/// interrupt flag, and the interpreter stops between two statements. It never ends the shell.
package final class InteractiveShell {
    /// Makes the session statements run in: dry-run or not, with the given interrupt flag and
    /// the variables to start with (kept when `dry on|off` switches sessions). Throws a
    /// message for the user when that kind of session cannot be made.
    package typealias SessionFactory = (_ dryRun: Bool, _ interrupt: InterruptFlag, _ variables: [String: Value]) throws ->
        ScriptSession

    /// An error making a session, as the user should read it.
    package struct SessionUnavailable: Error {
        package var message: String
        package var hint: String?

        package init(message: String, hint: String? = nil) {
            self.message = message
            self.hint = hint
        }
    }

    var settings: ShellSettings
    /// The settings `set` changes (time, columns, pager, hints, confirm, weight).
    var preferences: ShellPreferences
    let catalog: CommandCatalog
    let makeSession: SessionFactory
    let interrupt = InterruptFlag()
    var session: ScriptSession
    var prompt: Prompt
    let history: ShellHistory
    var symbols: [String] = []
    private let symbolCollector: SymbolCollector
    private let completionCatalog: CompletionCatalog
    private let openOrderLookup = OpenOrderLookup()
    private lazy var exchangeSymbols = ExchangeSymbols(environment: settings.environment)
    private var input: InputAccumulator
    private var editor: (any LineInput)?
    var shouldExit = false
    /// The code of the last statement's exchange error, for `why`; nil when it had none.
    var lastExchangeErrorCode: Int?

    /// A shell whose first session comes from `makeSession(settings.dryRun, …)`.
    package init(settings: ShellSettings, catalog: CommandCatalog = .standard, makeSession: @escaping SessionFactory) throws {
        self.settings = settings
        self.preferences = settings.preferences
        self.catalog = catalog
        self.makeSession = makeSession
        let session = try makeSession(settings.dryRun, interrupt, [:])
        self.session = session
        self.prompt = Prompt(endpoint: settings.endpointName, dryRun: settings.dryRun, colour: settings.colour)
        self.history = ShellHistory(
            location: HistoryLocation.resolve(environment: settings.environment),
            policy: HistoryPolicy(secretValues: settings.secretValues), capacity: settings.historyCapacity)
        self.symbolCollector = SymbolCollector(
            symbolCommands: Set(
                catalog.entries.filter { $0.positionalArguments.first?.kind == .symbol }.map(\.name)))
        self.completionCatalog = CompletionCatalog(catalog)
        self.input = InputAccumulator(isComplete: { session.isInputComplete($0) })
        applyPreferences()
    }

    /// Keeps the printer's render options in step with the preferences.
    func applyPreferences() {
        let preferences = preferences
        settings.display.update { options in
            options.columns = preferences.columns
            options.time = preferences.time
            options.pager = preferences.pager
        }
    }

    /// The terminal could not be used for line editing: the shell did not start. The caller
    /// reports it (bnc's `Termination`), as every error bnc ends with.
    package struct LineEditingUnavailable: Error {
        package var message: String { "cannot start line editing on this terminal" }
    }

    /// How the shell reads lines: libedit's editor, or — when libedit cannot be loaded from any of
    /// `libraries`, or is there but cannot start on this terminal — the plain reader with a
    /// warning that says why (nil with the editor).
    static func openLineInput(
        libraries: [String] = EditlineLibrary.defaultNames, historySize: Int,
        makeEditor: (Int) -> LineEditor? = { LineEditor(program: "bnc", historySize: $0) }
    ) -> (input: any LineInput, warning: String?) {
        let plain = "lines are read as typed, without completion or history recall"
        if let reason = EditlineLibrary.load(names: libraries) {
            return (PlainLineReader(), "line editing is off: \(reason); \(plain)")
        }
        guard let editor = makeEditor(historySize) else {
            return (PlainLineReader(), "line editing is off: libedit could not start on this terminal; \(plain)")
        }
        return (editor, nil)
    }

    /// Runs until `exit`, `quit` or Ctrl-D. (Line editing that cannot start falls back to the plain
    /// reader; the error is kept for callers built against it.)
    package func run() async throws(LineEditingUnavailable) {
        let (editor, warning) = Self.openLineInput(historySize: settings.historyCapacity)
        if let warning { reportWarning(warning) }
        if editor is PlainLineReader { PlainLineReader.installSignalHandlers() }
        self.editor = editor
        defer { self.editor = nil }
        if let warning = history.load(into: editor) { reportWarning(warning) }
        for entry in history.entries { remember(symbolsIn: entry) }
        if let editor = editor as? LineEditor {
            editor.completionHandler = { [unowned self] before in self.complete(before) }
            editor.hintHandler = { [unowned self] line in
                guard self.preferences.hints, !self.input.isContinuing else { return nil }
                return SyntaxHint.hint(for: line, catalog: self.catalog)
            }
        }

        while !shouldExit {
            switch editor.readLine(prompt: input.isContinuing ? prompt.continuation : prompt.primary) {
            case .eof:
                TerminalOutput.write("\n")
                shouldExit = true
            case .interrupted:
                input.reset()
            case .line(let line):
                guard case .complete(let block) = input.feed(line), !block.trimmingWhitespace.isEmpty else { continue }
                let (_, warning) = history.record(block, in: editor)
                if let warning { reportWarning(warning) }
                await execute(block)
            }
        }
    }

    /// Runs one complete block: a shell command, or statements in the session.
    func execute(_ block: String) async {
        if let parsed = ShellCommand.parse(block) {
            switch parsed {
            case .command(.run(let path)): await runFile(path)
            case .command(.weight): await showWeight()
            case .command(.doctor(let symbols)): await runDoctor(symbols)
            case .command(.set(let name, let value)) where name == "weight":
                perform(.set(name: name, value: value))
                await refreshWeight()
            case .command(let command): perform(command)
            case .usage(let message): reportError(message)
            }
            return
        }
        if let message = shellCommandTypo(in: block) {
            reportError(message)
            return
        }
        // `open wide` is the language's: the statement carries it to the printer.
        await runStatements(block, file: "<shell>")
    }

    /// Runs statements in the session with Ctrl-C watched, then reports errors and interruptions.
    private func runStatements(_ text: String, file: String) async {
        guard await confirmLive(text) else {
            TerminalOutput.write("nothing was sent\n", to: 2)
            return
        }
        interrupt.reset()
        let watcher = InterruptWatcher(raising: interrupt)
        var outcome = await session.run(text, file: file)
        watcher.stop()
        interrupt.reset()
        if file == "<shell>", outcome.failure != nil, outcome.diagnostics.count == 1,
            CancelAnswer.isUnknownOrder(outcome.diagnostics[0]), let target = CancelAnswer.target(of: text),
            let answer = await CancelAnswer.answer(for: target, host: session.host, zone: preferences.time)
        {
            // What is true about the order, looked up, instead of the exchange's "maybe".
            outcome.diagnostics[0].hint = answer
        }
        report(outcome, isScript: file != "<shell>")
        lastExchangeErrorCode = WhyCommand.code(in: outcome.diagnostics)
        openOrderLookup.invalidate()
        await refreshWeight()
        if outcome.status != .rejected {
            remember(symbolsIn: text)
            for name in session.variableNames {
                if let value = session.variable(name) { remember(symbolCollector.symbols(in: value)) }
            }
        }
    }

    /// `run FILE`: the script is checked whole and run in this session, as `bnc run` would.
    private func runFile(_ path: String) async {
        let expanded = path.hasPrefix("~/") ? (settings.environment["HOME"] ?? "~") + path.dropFirst(1) : path
        guard let text = DirectoryListing.read(expanded) else {
            reportError("cannot read \(path)")
            return
        }
        await runStatements(text, file: path)
    }

    /// "did you mean 'help'?" for a first word that is close to a shell command and is not a
    /// word of the language (the language gives its own suggestions for its words).
    private func shellCommandTypo(in block: String) -> String? {
        guard let first = block.split(whereSeparator: { " \t\n{".contains($0) }).first.map(String.init),
            first.allSatisfy({ $0.isLetter }),
            !catalog.statementStarters.contains(first)
        else { return nil }
        guard Suggestion.closest(to: first, among: ShellCommand.names) != nil else { return nil }
        return Suggestion.message(forUnknown: first, among: ShellCommand.names + catalog.statementStarters)
    }

    /// Diagnostics (their prose wrapped at word boundaries to the terminal), and for a script
    /// (`run FILE`) the line that says where it stopped; after a statement typed at the prompt
    /// that line would only repeat what the diagnostic says.
    private func report(_ outcome: RunOutcome, isScript: Bool) {
        for diagnostic in outcome.diagnostics {
            let text = DiagnosticRenderer.render(diagnostic, colour: settings.errorColour)
            TerminalOutput.write(Self.wrapProse(text, width: terminalWidth) + "\n", to: 2)
        }
        switch outcome.status {
        case .completed, .rejected:
            break
        case .interrupted:
            TerminalOutput.write("^C " + (outcome.summary ?? "interrupted") + "\n", to: 2)
        case .failed:
            if isScript, let summary = outcome.summary { TerminalOutput.write("bnc: \(summary)\n", to: 2) }
        }
    }

    /// Asks before statements that would cancel more than one order on the live exchange
    /// (``LiveConfirmation``); true to go on. Never asks for the simulator, a dry run, with
    /// `--yes` or `set confirm off`, or when standard input is not a terminal.
    private func confirmLive(_ text: String) async -> Bool {
        let host = session.host
        guard preferences.confirm, !settings.assumeYes, TerminalOutput.isTerminal(0), let editor,
            let baseURL = (host as? ClientHost)?.client.transport.baseURL, LiveEndpoint.isLive(baseURL: baseURL),
            let what = await LiveConfirmation.question(
                for: text,
                countOpen: { symbol, account in
                    await LiveConfirmation.openCount(symbol: symbol, account: account, host: host)
                })
        else { return true }
        guard case .line(let answer) = editor.readLine(prompt: LiveConfirmation.prompt(what, baseURL: baseURL)) else {
            return false
        }
        return LiveConfirmation.isYes(answer)
    }

    /// A diagnostic's `hint:` and `note:` lines wrapped at word boundaries under their text; the
    /// headline, source line and caret are left as they are (the caret must stay under its token).
    static func wrapProse(_ text: String, width: Int) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            for lead in ["hint: ", "note: "] where line.hasPrefix(lead) {
                return TextWrapper.wrap(String(line), width: width, indent: String(repeating: " ", count: lead.count))
            }
            return String(line)
        }.joined(separator: "\n")
    }

    private func remember(symbolsIn text: String) {
        remember(symbolCollector.symbols(in: text))
    }

    private func remember(_ found: [String]) {
        for symbol in found where !symbols.contains(symbol) {
            symbols.append(symbol)
        }
    }

    // MARK: - Completion

    private func complete(_ before: String) -> Completion {
        let context = input.lines.isEmpty ? before : input.lines.joined(separator: "\n") + "\n" + before
        let host = session.host
        let lookup = openOrderLookup
        var known = symbols
        if Self.completesSymbol(context, catalog: completionCatalog) {
            let baseURL = (host as? ClientHost)?.client.transport.baseURL ?? settings.endpointName
            known += exchangeSymbols.symbols(host: host, baseURL: baseURL).filter { !symbols.contains($0) }
        }
        let completer = Completer(
            catalog: completionCatalog, variables: session.variableNames, symbols: known,
            listDirectory: DirectoryListing.list,
            openOrders: { symbol, isolated in lookup.orders(symbol: symbol, isolated: isolated, host: host) })
        return completer.complete(context)
    }

    /// Whether the word before the cursor is where a symbol goes (the first operand of a command
    /// that takes one, or `symbol=`): only then are the exchange's lists loaded.
    static func completesSymbol(_ text: String, catalog: CompletionCatalog) -> Bool {
        let statement = Completer.currentStatement(Substring(text))
        let tokens = statement.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        let finished = statement.last == " " || statement.last == "\t"
        if tokens.last?.hasPrefix("symbol=") == true && !finished { return true }
        guard let first = Completer.commandWord(tokens), let command = catalog.command(named: first),
            command.positionals.first == "symbol"
        else { return false }
        let operands = tokens.drop(while: { $0 != first }).dropFirst()
        let typed = finished ? operands.count : operands.count - 1
        return typed == 0 && (operands.isEmpty || !(operands.last ?? "").contains("="))
    }

    // MARK: - Messages

    /// Control characters in messages (which may quote a server or a profile) are shown escaped.
    func reportError(_ message: String, hint: String? = nil) {
        var text = "bnc: error: \(TerminalText.escaped(message))\n"
        if let hint { text += "hint: \(TerminalText.escaped(hint))\n" }
        TerminalOutput.write(text, to: 2)
    }

    func reportWarning(_ message: String) {
        TerminalOutput.write("bnc: warning: \(TerminalText.escaped(message))\n", to: 2)
    }

    var terminalWidth: Int { editor?.terminalWidth ?? 80 }
}
