import Synchronization

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A long-lived interpreter session: the shell keeps one for its lifetime, `bnc -c`/`run` use
/// one per invocation. Variables persist from one ``run(_:file:)`` to the next.
///
/// Every input is checked whole before any of it runs (an error on its last line means nothing
/// is sent). Do not call ``run(_:file:)`` concurrently on one session.
package final class ScriptSession: Sendable {
    package let catalog: CommandCatalog
    package let host: any OperationHost
    package let output: any ScriptOutputSink
    package let events: (any ScriptEventSink)?
    /// Raise it (from a SIGINT handler) to stop the running input before its next statement.
    package let interrupt: InterruptFlag
    package let limits: ExecutionLimits
    private let variables: Mutex<[String: Value]>

    package init(
        host: any OperationHost, output: any ScriptOutputSink, events: (any ScriptEventSink)? = nil,
        interrupt: InterruptFlag = InterruptFlag(), catalog: CommandCatalog = .standard,
        limits: ExecutionLimits = .unlimited, variables: [String: Value] = [:]
    ) {
        self.host = host
        self.output = output
        self.events = events
        self.interrupt = interrupt
        self.catalog = catalog
        self.limits = limits
        self.variables = Mutex(variables)
    }

    // MARK: - Variables

    /// `$dryrun`: true when the session's host sends nothing. Set before every input, so a
    /// script can do the right thing in both modes (a dry-run result is the request, not a response).
    package static let dryRunVariable = "dryrun"

    /// The names of the variables defined so far, sorted (for completion); `dryrun` is always one.
    package var variableNames: [String] {
        Set(snapshot().keys).union([Self.dryRunVariable]).sorted()
    }

    /// The value of a variable, if defined.
    package func variable(_ name: String) -> Value? {
        variables.withLock { $0[name] }
    }

    /// Defines or replaces a variable (`--set name=value`).
    package func setVariable(_ name: String, _ value: Value) {
        variables.withLock { $0[name] = value }
    }

    // MARK: - Input

    /// False while `text` has an open `{`, `[` or `(`, or an unterminated string, or ends with a
    /// `\` continuation: the shell then reads another line before running it.
    package func isInputComplete(_ text: String) -> Bool {
        ScriptSession.isComplete(text)
    }

    /// The check alone: every error in `text`, nothing run. Empty when it would run.
    package func check(_ text: String, file: String) -> [Diagnostic] {
        let source = SourceFile(name: file, text: text)
        return compile(source).diagnostics
    }

    /// Checks `text` whole, then runs it. Diagnostics are in the outcome; output goes to the
    /// session's output sink.
    package func run(_ text: String, file: String) async -> RunOutcome {
        let source = SourceFile(name: file, text: text)
        let (statements, diagnostics) = compile(source)
        guard diagnostics.isEmpty else {
            return RunOutcome(
                status: .rejected, diagnostics: diagnostics, statementsRun: 0, requestsPerformed: 0,
                summary: nil)
        }
        let interpreter = Interpreter(
            source: source, catalog: catalog, host: host, output: output, events: events, interrupt: interrupt,
            limits: limits, variables: snapshot().merging([Self.dryRunVariable: .bool(host.isDryRun)]) { $1 })
        defer { store(interpreter.variables) }
        do throws(Interpreter.Stop) {
            try await interpreter.run(statements)
        } catch {
            return outcome(of: error, interpreter: interpreter, source: source)
        }
        return RunOutcome(
            status: .completed, diagnostics: [], statementsRun: interpreter.statementsRun,
            requestsPerformed: interpreter.requestsPerformed, summary: nil)
    }

    private func outcome(of stop: Interpreter.Stop, interpreter: Interpreter, source: SourceFile) -> RunOutcome {
        let done =
            "\(interpreter.statementsRun) statement\(interpreter.statementsRun == 1 ? "" : "s") run, "
            + "\(interpreter.requestsPerformed) request\(interpreter.requestsPerformed == 1 ? "" : "s") performed"
        switch stop {
        case .failed(let error):
            return RunOutcome(
                status: .failed(error.failure), diagnostics: [error.diagnostic],
                statementsRun: interpreter.statementsRun, requestsPerformed: interpreter.requestsPerformed,
                summary: "stopped at \(error.diagnostic.location): \(done)")
        case .interrupted(let location):
            events?.runWasInterrupted("interrupted before \(location): \(done)")
            return RunOutcome(
                status: .interrupted, diagnostics: [], statementsRun: interpreter.statementsRun,
                requestsPerformed: interpreter.requestsPerformed,
                summary: "interrupted before \(location): \(done)")
        case .limitReached(let range):
            let diagnostic = Diagnostic(
                "stopped: the limit of \(limits.maximumStatements ?? 0) steps (statements and loop iterations) was reached",
                at: range, in: source)
            return RunOutcome(
                status: .failed(RunFailure(kind: .limit, message: diagnostic.message)), diagnostics: [diagnostic],
                statementsRun: interpreter.statementsRun,
                requestsPerformed: interpreter.requestsPerformed, summary: done)
        }
    }

    /// Parses and checks `source` against the variables defined so far.
    func compile(_ source: SourceFile) -> (statements: [Statement], diagnostics: [Diagnostic]) {
        let (statements, syntaxErrors) = Parser.parse(source, commandNames: Set(catalog.commandNames))
        // The same set as `Set(snapshot().keys).union([dryRunVariable])`, made in one piece: growing
        // a Set<String> runs the standard library's own copy of the code, which finds String's
        // Hashable conformance by a scan of every conformance record (2% of a dry run's start;
        // docs/performance.md, "Fifth pass: cold start").
        var names = Array(snapshot().keys)
        names.append(Self.dryRunVariable)
        var checker = Checker(
            catalog: catalog, source: source, defined: Set(names), simulatorRefusal: host.simulatorRefusal)
        checker.check(statements)
        let all = (syntaxErrors + checker.diagnostics).sorted { $0.location < $1.location }
        var seen = Set<Diagnostic>()
        return (statements, all.filter { seen.insert($0).inserted })
    }

    private func snapshot() -> [String: Value] {
        variables.withLock { $0 }
    }

    private func store(_ values: [String: Value]) {
        variables.withLock { $0 = values }
    }

    /// See ``isInputComplete(_:)``.
    static func isComplete(_ text: String) -> Bool {
        let source = SourceFile(name: "", text: text)
        let (tokens, diagnostics) = Lexer.tokenize(source)
        if diagnostics.contains(where: { $0.message == "unterminated string" }) { return false }
        var depth = 0
        for token in tokens {
            switch token.kind {
            case .leftBrace, .leftBracket, .leftParen: depth += 1
            case .rightBrace, .rightBracket, .rightParen: depth -= 1
            default: break
            }
        }
        if depth > 0 { return false }
        // A trailing backslash asks for another line.
        let trimmed = text.reversed().drop { $0 == " " || $0 == "\t" || $0 == "\n" }
        return trimmed.first != "\\" || text.hasSuffix(" ") && false
    }
}
