/// Checks a whole script before anything runs: every command against the command table (names,
/// arguments, literal types, the operation's own validation when all its arguments are literal)
/// and every variable against the names defined before it.
///
/// Scope is flat, as in a shell: a name is defined from its `let`, `param`, `for` or `on error`
/// onwards in the text, including after the block it was defined in.
struct Checker {
    let binder: CommandBinder
    var defined: Set<String>
    var diagnostics: [Diagnostic] = []
    /// Why commands that drive bnc's simulator (`sim`, paths under `/bnc-sim/`) cannot run
    /// here, or nil when the session's host reaches the simulator: they are refused before
    /// anything runs, so they never go to an exchange.
    let simulatorRefusal: String?

    init(catalog: CommandCatalog, source: SourceFile, defined: Set<String>, simulatorRefusal: String? = nil) {
        self.binder = CommandBinder(catalog: catalog, source: source)
        self.defined = defined
        self.simulatorRefusal = simulatorRefusal
    }

    var source: SourceFile { binder.source }

    mutating func check(_ statements: [Statement]) {
        for statement in statements { check(statement) }
    }

    mutating func check(_ statement: Statement) {
        if let wideRange = statement.wideRange, let problem = Self.wideProblem(statement) {
            diagnostics.append(Diagnostic(problem.message, at: wideRange, in: source, hint: problem.hint))
        }
        switch statement.kind {
        case .command(let call):
            checkCommand(call)
        case .assignment(let name, _, let value):
            switch value {
            case .expression(let expression): checkExpression(expression)
            case .command(let call): checkCommand(call)
            }
            defined.insert(name)
        case .parameter(let name, _, let defaultValue):
            if let defaultValue { checkExpression(defaultValue) }
            defined.insert(name)
        case .print(let values):
            for value in values { checkExpression(value) }
        case .show(let expression), .sleep(let expression), .fail(let expression):
            checkExpression(expression)
        case .forLoop(let variable, _, let sequence, let body):
            switch sequence {
            case .expression(let expression): checkExpression(expression)
            case .command(let call): checkCommand(call)
            }
            defined.insert(variable)
            check(body)
        case .parallelFor(let width, let variable, _, let sequence, let body):
            checkExpression(width)
            switch sequence {
            case .expression(let expression): checkExpression(expression)
            case .command(let call): checkCommand(call)
            }
            // Each iteration runs on its own copy of the variables: what the body defines does
            // not exist after the loop; the loop variable does (it holds the last element).
            let before = defined
            defined.insert(variable)
            check(body)
            defined = before.union([variable])
        case .repeatLoop(let count, let body):
            checkExpression(count)
            check(body)
        case .conditional(let branches, let otherwise):
            for branch in branches {
                checkExpression(branch.condition)
                check(branch.body)
            }
            if let otherwise { check(otherwise) }
        case .tryBlock(let body, let errorName, let handler):
            check(body)
            defined.insert(errorName)
            check(handler)
        }
    }

    /// Why a statement cannot end in `wide`, or nil when it can: only what shows a result (a
    /// command, a value) has fields to widen.
    static func wideProblem(_ statement: Statement) -> (message: String, hint: String)? {
        switch statement.kind {
        case .command, .show:
            return nil
        case .assignment(let name, _, _):
            return (
                "'wide' shows every field of a statement's output, and 'let' shows nothing",
                "show the value with every field: $\(name) wide"
            )
        default:
            return (
                "'wide' ends a command or a shown value, not this statement",
                "write it after the command inside the block: open LTCBTC wide"
            )
        }
    }

    /// A bare `wide` among a command's arguments is a misplaced statement word (`open wide
    /// LTCBTC`, `open(LTCBTC wide)`): said so, and the command checked without it.
    mutating func withoutWide(_ call: CommandCall) -> CommandCall {
        var call = call
        call.arguments.removeAll { argument in
            guard argument.name == nil, case .word("wide") = argument.value.kind else { return false }
            diagnostics.append(
                Diagnostic(
                    "'wide' goes at the end of the statement, after the command's arguments", at: argument.range,
                    in: source, hint: "write it last: \(call.name) ARGUMENTS wide"))
            return true
        }
        return call
    }

    mutating func checkCommand(_ call: CommandCall) {
        let call = withoutWide(call)
        if let simulatorRefusal, let entry = binder.catalog.entry(named: call.name),
            entry.operationEndpoint.path.hasPrefix("/bnc-sim/")
        {
            diagnostics.append(
                Diagnostic(
                    "'\(call.name)' drives bnc's simulator and runs only against it: \(simulatorRefusal)",
                    at: call.nameRange, in: source,
                    hint: "run it in bnc with no endpoint (the embedded simulator) or against a bnc sim on this machine"))
            return
        }
        var undefined: [Diagnostic] = []
        let defined = self.defined
        let source = self.source
        let bound = binder.bind(call) { (expression) throws(Diagnostic) -> Value? in
            undefined += Checker.undefinedVariables(in: expression, defined: defined, source: source)
            return Checker.literalValue(expression)
        }
        diagnostics += undefined + bound.diagnostics
    }

    mutating func checkExpression(_ expression: Expression) {
        diagnostics += Self.undefinedVariables(in: expression, defined: defined, source: source)
    }

    static func undefinedDiagnostic(_ name: String, at range: SourceRange, defined: Set<String>, source: SourceFile) -> Diagnostic
    {
        let hint =
            Suggestion.closest(to: name, among: defined.sorted()).map { "did you mean '$\($0)'?" }
            ?? "define it first with 'let \(name) = ...', or pass it with --set \(name)=VALUE"
        return Diagnostic("undefined variable '$\(name)'", at: range, in: source, hint: hint)
    }

    static func undefinedVariables(in expression: Expression, defined: Set<String>, source: SourceFile) -> [Diagnostic] {
        switch expression.kind {
        case .word, .integer, .decimal, .boolean: return []
        case .variable(let name, _):
            return defined.contains(name)
                ? [] : [undefinedDiagnostic(name, at: expression.range, defined: defined, source: source)]
        case .string(let parts):
            return parts.compactMap { part in
                guard case .variable(let name, _, let range) = part, !defined.contains(name) else { return nil }
                return undefinedDiagnostic(name, at: range, defined: defined, source: source)
            }
        case .list(let elements):
            return elements.flatMap { undefinedVariables(in: $0, defined: defined, source: source) }
        case .range(let left, let right), .and(let left, let right), .or(let left, let right),
            .comparison(_, let left, let right):
            return undefinedVariables(in: left, defined: defined, source: source)
                + undefinedVariables(in: right, defined: defined, source: source)
        case .not(let operand):
            return undefinedVariables(in: operand, defined: defined, source: source)
        }
    }

    /// The value of an expression made only of literals; nil when it depends on variables.
    static func literalValue(_ expression: Expression) -> Value? {
        switch expression.kind {
        case .word(let word): return .string(word)
        case .integer(let text): return Evaluator.integerLiteral(text)
        case .decimal(let text): return Evaluator.decimalLiteral(text)
        case .boolean(let value): return .bool(value)
        case .string(let parts):
            var text = ""
            for part in parts {
                guard case .text(let piece) = part else { return nil }
                text += piece
            }
            return .string(text)
        case .list(let elements):
            var values: [Value] = []
            for element in elements {
                guard let value = literalValue(element) else { return nil }
                values.append(value)
            }
            return .list(values)
        default:
            return nil
        }
    }
}
