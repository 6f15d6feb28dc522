import BinanceAPI

/// Matches a command statement against its entry in the command table, converts its arguments
/// and builds (and validates) the typed operation.
///
/// The same code runs twice: when a script is checked, with only the literal arguments known
/// (so `id=abc` or `recv=0` is reported before anything runs), and at run time, with every
/// argument evaluated.
struct CommandBinder {
    let catalog: CommandCatalog
    let source: SourceFile

    /// The outcome of binding one command.
    struct Bound {
        var entry: CommandEntry?
        /// The validated operation, when every argument was known and valid.
        var operation: (any ExchangeOperation)?
        var diagnostics: [Diagnostic]
    }

    /// Binds `call`. `evaluate` returns an argument's value, or nil when it is not known yet
    /// (check time); a thrown diagnostic is recorded and binding goes on.
    func bind(_ call: CommandCall, evaluate: (Expression) throws(Diagnostic) -> Value?) -> Bound {
        var diagnostics: [Diagnostic] = []
        func report(_ message: String, at range: SourceRange, hint: String? = nil) {
            diagnostics.append(Diagnostic(message, at: range, in: source, hint: hint))
        }
        guard let entry = catalog.entry(named: call.name) else {
            let suggestion = Suggestion.closest(to: call.name, among: catalog.commandNames + Keywords.statements)
            let hint =
                suggestion.map { "did you mean '\($0)'?" }
                ?? "commands: \(catalog.commandNames.joined(separator: ", ")); statements: \(Keywords.statements.joined(separator: ", "))"
            report("unknown command '\(call.name)'", at: call.nameRange, hint: hint)
            return Bound(entry: nil, operation: nil, diagnostics: diagnostics)
        }

        let assigned = match(call, to: entry, diagnostics: &diagnostics)
        // Convert the values that are known.
        var values: [String: ArgumentValue] = [:]
        var allKnown = true
        for spec in entry.arguments {
            guard let (_, argument) = assigned[spec.name] else { continue }
            if spec.kind == .flag && argument.name == nil {
                values[spec.name] = .bool(true)
                continue
            }
            let value: Value?
            do {
                value = try evaluate(argument.value)
            } catch {
                diagnostics.append(error)
                allKnown = false
                continue
            }
            guard let value else {
                allKnown = false
                continue
            }
            switch convert(value, to: spec, writtenAs: argument.name ?? spec.name) {
            case .success(let converted): values[spec.name] = converted
            case .failure(let problem):
                report(problem.message, at: argument.value.range, hint: problem.isTypeError ? spec.typeHint : problem.hint)
            }
        }
        var parameters: [QueryParameter] = []
        var unknownParameters = Set<String>()
        if entry.choosesEndpointAtRunTime {
            for argument in freeParameters(of: call, entry: entry) {
                let name = argument.name ?? ""
                let value: Value?
                do {
                    value = try evaluate(argument.value)
                } catch {
                    diagnostics.append(error)
                    allKnown = false
                    continue
                }
                guard let value else {
                    // Check time: a stand-in that breaks no rule, and no error about it.
                    allKnown = false
                    unknownParameters.insert(name)
                    parameters.append(QueryParameter(name, "x"))
                    continue
                }
                guard value.isScalar else {
                    report("parameter '\(name)' expects text or a number, got a \(value.typeName)", at: argument.value.range)
                    continue
                }
                parameters.append(QueryParameter(name, value.text))
            }
        }
        guard diagnostics.isEmpty else {
            return Bound(entry: entry, operation: nil, diagnostics: diagnostics)
        }
        // With some values unknown (check time), validate with stand-ins for them and keep only
        // the errors about known arguments: `recv=0` is caught even when the symbol is `$sym`.
        var unknown = Set<String>()
        for spec in entry.arguments where assigned[spec.name] != nil && values[spec.name] == nil {
            unknown.insert(spec.name)
            values[spec.name] = Self.standIn(for: spec.kind)
        }
        var arguments = ArgumentValues(values)
        arguments.parameters = parameters
        if let problem = entry.accountProblem(arguments, given: Set(assigned.keys), unknown: unknown) {
            report(problem.message, at: assigned[problem.argument]?.syntax.range ?? call.nameRange, hint: problem.hint)
            return Bound(entry: entry, operation: nil, diagnostics: diagnostics)
        }
        let operation = entry.operation(arguments)
        do {
            try operation.validate()
        } catch {
            let spec = error.parameterName.flatMap { entry.argument(forParameter: $0) }
            if let spec, unknown.contains(spec.name) {
                return Bound(entry: entry, operation: nil, diagnostics: [])
            }
            if spec == nil, let name = error.parameterName, unknownParameters.contains(name) {
                return Bound(entry: entry, operation: nil, diagnostics: [])
            }
            // An error about a free parameter points at the last argument of that name (a
            // repeated one at its repeat).
            let free =
                spec == nil && entry.choosesEndpointAtRunTime
                ? freeParameters(of: call, entry: entry).last { $0.name == error.parameterName }?.range : nil
            let range = spec.flatMap { assigned[$0.name]?.syntax.range } ?? free ?? call.nameRange
            report(error.message, at: range, hint: error.hint)
            return Bound(entry: entry, operation: nil, diagnostics: diagnostics)
        }
        return Bound(entry: entry, operation: allKnown ? operation : nil, diagnostics: [])
    }

    /// Matches each argument of `call` to its spec in `entry` (names, aliases, positions, bare
    /// flags), reporting unknown, unexpected, repeated and missing arguments. The match depends
    /// only on the call's syntax, so a ``CommandPlan`` keeps it for every later run.
    func match(
        _ call: CommandCall, to entry: CommandEntry, diagnostics: inout [Diagnostic]
    ) -> [String: (spec: ArgumentSpec, syntax: ArgumentSyntax)] {
        func report(_ message: String, at range: SourceRange, hint: String? = nil) {
            diagnostics.append(Diagnostic(message, at: range, in: source, hint: hint))
        }
        var assigned: [String: (spec: ArgumentSpec, syntax: ArgumentSyntax)] = [:]
        var positionals = entry.positionalArguments[...]
        for argument in call.arguments {
            let spec: ArgumentSpec
            if let name = argument.name, let nameRange = argument.nameRange {
                guard let found = entry.argument(named: name) else {
                    // A parameter of a run-time endpoint: ``freeParameters`` binds it.
                    if entry.choosesEndpointAtRunTime { continue }
                    let names = entry.arguments.flatMap(\.allNames)
                    let hint =
                        Suggestion.closest(to: name, among: names).map { "did you mean '\($0)='?" }
                        ?? (entry.arguments.isEmpty
                            ? "\(entry.name) takes no arguments"
                            : "\(entry.name) takes: \(entry.arguments.map(\.usage).joined(separator: " "))")
                    report("unknown argument '\(name)' for '\(entry.name)'", at: nameRange, hint: hint)
                    continue
                }
                spec = found
                if spec.isPositional { positionals = positionals.drop { $0.name == spec.name } }
            } else if case .word(let word) = argument.value.kind, let flag = entry.argument(named: word),
                flag.kind == .flag
            {
                spec = flag
            } else if let next = positionals.first {
                positionals = positionals.dropFirst()
                spec = next
            } else {
                let flags = entry.arguments.filter { $0.kind == .flag }.flatMap(\.allNames)
                let positionalUsage = entry.positionalArguments.map(\.usage).joined(separator: " ")
                var hint =
                    entry.arguments.isEmpty
                    ? "\(entry.name) takes no arguments"
                    : positionalUsage.isEmpty
                        ? "\(entry.name) takes every argument as name=value: \(entry.syntax)"
                        : "\(entry.name) takes \(positionalUsage) first; other arguments are written name=value"
                if case .word(let word) = argument.value.kind, let flag = Suggestion.closest(to: word, among: flags) {
                    hint = "did you mean '\(flag)'?"
                }
                report("unexpected argument '\(source.text(of: argument.range))'", at: argument.range, hint: hint)
                continue
            }
            if let previous = assigned[spec.name] {
                let firstName = previous.syntax.name ?? spec.name
                let thisName = argument.name ?? spec.name
                let hint =
                    firstName == thisName
                    ? "give '\(spec.name)' once"
                    : "\(thisName)= and \(firstName)= are the same argument; give it once"
                report("argument '\(spec.name)' is given more than once", at: argument.range, hint: hint)
                continue
            }
            assigned[spec.name] = (spec, argument)
        }
        for spec in entry.arguments where spec.isRequired && assigned[spec.name] == nil {
            report(
                "missing required argument \(spec.usage) for '\(entry.name)'", at: call.nameRange,
                hint: "usage: \(entry.syntax)")
        }
        return assigned
    }

    /// The `name=value` arguments of `call` that no argument of `entry` takes, in the order
    /// written: a run-time endpoint's parameters (none for any other entry).
    func freeParameters(of call: CommandCall, entry: CommandEntry) -> [ArgumentSyntax] {
        guard entry.choosesEndpointAtRunTime else { return [] }
        return call.arguments.filter { argument in
            guard let name = argument.name else { return false }
            return entry.argument(named: name) == nil
        }
    }

    /// A valid value of each kind, standing in for a value known only at run time.
    static func standIn(for kind: ArgumentKind) -> ArgumentValue {
        switch kind {
        case .symbol: return .text("BTCUSDT")
        case .text: return .text("x")
        case .integer: return .integer(1)
        case .decimal: return .decimal(ExactDecimal("1")!)
        case .bool, .flag: return .bool(false)
        }
    }

    struct ConversionProblem: Error {
        var message: String
        var hint: String?
        /// A value of the wrong kind (the argument's type hint applies), not a value out of range.
        var isTypeError = false
    }

    /// Converts a script value to the argument's kind.
    func convert(_ value: Value, to spec: ArgumentSpec, writtenAs name: String) -> Result<ArgumentValue, ConversionProblem> {
        if let converted = Self.converted(value, to: spec.kind) { return .success(converted) }
        if spec.kind == .integer {
            // All digits but too large for the exchange's 64-bit ids.
            let digits = value.text.drop { $0 == "-" }
            if value.isScalar, !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) {
                let error = ValidationError.idOutOfRange(name: spec.parameter, value: value.text)
                return .failure(ConversionProblem(message: error.message, hint: error.hint))
            }
        }
        let shown = value.isScalar ? "'\(value.text)'" : "a \(value.typeName)"
        return .failure(
            ConversionProblem(message: "argument '\(name)' expects \(spec.kind.article), got \(shown)", isTypeError: true))
    }

    /// `value` as an argument of `kind`, or nil when it is not one (``convert(_:to:writtenAs:)``
    /// then says why). Needs only the kind: a command plan converts with it on every run.
    static func converted(_ value: Value, to kind: ArgumentKind) -> ArgumentValue? {
        switch kind {
        case .symbol, .text:
            return value.isScalar ? .text(value.text) : nil
        case .integer:
            switch value {
            case .integer(let number): return .integer(number)
            case .string(let text): return Int64(text).map(ArgumentValue.integer)
            default: return nil
            }
        case .decimal:
            guard value.isScalar, let number = value.number else { return nil }
            return .decimal(number)
        case .bool, .flag:
            switch value {
            case .bool(let flag): return .bool(flag)
            case .string(let text) where text.lowercased() == "true": return .bool(true)
            case .string(let text) where text.lowercased() == "false": return .bool(false)
            default: return nil
            }
        }
    }
}

extension ValidationError {
    /// The exchange parameter the error is about, when it is about one.
    var parameterName: String? {
        switch self {
        case .missingParameter(let name), .emptyValue(let name): return name
        case .malformedSymbol: return "symbol"
        case .missingOrderReference, .missingOrderListReference: return nil
        case .recvWindowOutOfRange: return "recvWindow"
        case .idOutOfRange(let name, _), .malformedClientOrderId(let name, _), .valueOutOfRange(let name, _, _),
            .notOneOf(let name, _, _), .rejectedArgument(let name, _, _):
            return name
        }
    }
}
