import BinanceAPI
import Script

/// The interactive shell: reads statement blocks with the line editor (continuation prompt
/// while a block is open), records them in history, handles the shell's own commands, and runs
/// everything else in the long-lived `ScriptSession`, so variables persist between statements.
///
/// Ctrl-C at the prompt abandons the line; while statements run it raises the session's
/// interrupt flag, and the interpreter stops between two statements. It never ends the shell.
public final class InteractiveShell {
    /// Makes the session statements run in: dry-run or not, with the given interrupt flag and
    /// the variables to start with (kept when `dry on|off` switches sessions). Throws a
    /// message for the user when that kind of session cannot be made.
    public typealias SessionFactory = (_ dryRun: Bool, _ interrupt: InterruptFlag, _ variables: [String: Value]) throws -> ScriptSession

    /// An error making a session, as the user should read it.
    public struct SessionUnavailable: Error {
        public var message: String
        public var hint: String?

        public init(message: String, hint: String? = nil) {
            self.message = message
            self.hint = hint
        }
    }

    var settings: ShellSettings
    let catalog: CommandCatalog
    let makeSession: SessionFactory
    let interrupt = InterruptFlag()
    var session: ScriptSession
    var prompt: Prompt
    let history: ShellHistory
    var symbols: [String] = []
    private let symbolCollector: SymbolCollector
    private let completionCatalog: CompletionCatalog
    private var input: InputAccumulator
    private var editor: LineEditor?
    var shouldExit = false

    /// A shell whose first session comes from `makeSession(settings.dryRun, …)`.
    public init(settings: ShellSettings, catalog: CommandCatalog = .standard, makeSession: @escaping SessionFactory) throws {
        self.settings = settings
        self.catalog = catalog
        self.makeSession = makeSession
        let session = try makeSession(settings.dryRun, interrupt, [:])
        self.session = session
        self.prompt = Prompt(endpoint: settings.endpointName, dryRun: settings.dryRun, colour: settings.colour)
        self.history = ShellHistory(
            location: HistoryLocation.resolve(environment: settings.environment),
            policy: HistoryPolicy(secretValues: settings.secretValues), capacity: settings.historyCapacity)
        self.symbolCollector = SymbolCollector(symbolCommands: Set(
            catalog.entries.filter { $0.positionalArguments.first?.kind == .symbol }.map(\.name)))
        self.completionCatalog = CompletionCatalog(catalog)
        self.input = InputAccumulator(isComplete: { session.isInputComplete($0) })
    }

    /// Runs until `exit`, `quit` or Ctrl-D. Returns the exit code for the process: 0, or 1 when
    /// the terminal could not be used for line editing.
    public func run() async -> Int32 {
        guard let editor = LineEditor(program: "bnc", historySize: settings.historyCapacity) else {
            reportError("cannot start line editing on this terminal")
            return 1
        }
        self.editor = editor
        defer { self.editor = nil }
        if let warning = history.load(into: editor) { reportWarning(warning) }
        for entry in history.entries { remember(symbolsIn: entry) }
        editor.completionHandler = { [unowned self] before in self.complete(before) }

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
        return 0
    }

    /// Runs one complete block: a shell command, or statements in the session.
    func execute(_ block: String) async {
        if let parsed = ShellCommand.parse(block) {
            switch parsed {
            case .command(.run(let path)): await runFile(path)
            case .command(let command): perform(command)
            case .usage(let message): reportError(message)
            }
            return
        }
        if let message = shellCommandTypo(in: block) {
            reportError(message)
            return
        }
        await runStatements(block, file: "<shell>")
    }

    /// Runs statements in the session with Ctrl-C watched, then reports errors and interruptions.
    private func runStatements(_ text: String, file: String) async {
        interrupt.reset()
        let watcher = InterruptWatcher(raising: interrupt)
        let outcome = await session.run(text, file: file)
        watcher.stop()
        interrupt.reset()
        report(outcome)
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
        let matches = Suggestion.closest(to: first, among: ShellCommand.names)
        guard !matches.isEmpty else { return nil }
        return Suggestion.message(forUnknown: first, among: ShellCommand.names + catalog.statementStarters)
    }

    private func report(_ outcome: RunOutcome) {
        for diagnostic in outcome.diagnostics {
            TerminalOutput.write(DiagnosticRenderer.render(diagnostic, colour: settings.errorColour) + "\n", to: 2)
        }
        switch outcome.status {
        case .completed, .rejected:
            break
        case .interrupted:
            TerminalOutput.write("^C " + (outcome.summary ?? "interrupted") + "\n", to: 2)
        case .failed:
            if let summary = outcome.summary { TerminalOutput.write("bnc: \(summary)\n", to: 2) }
        }
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
        let completer = Completer(
            catalog: completionCatalog, variables: session.variableNames, symbols: symbols,
            listDirectory: DirectoryListing.list)
        return completer.complete(context)
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
