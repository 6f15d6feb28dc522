/// The trading symbols a script uses, found by parsing it (never running it): the symbol
/// arguments of its commands written as literals, or as variables bound to literals by `let`,
/// `param` defaults and `for … in [list]`; with whether the command names the isolated margin
/// account. `bnc doctor FILE.bnc` checks them before the script first runs.
package enum ScriptSymbols {
    /// One use of a symbol by a command.
    package struct Use: Sendable, Hashable {
        /// As written, upper-cased (the exchange's spelling).
        package var symbol: String
        /// Whether the command has `isolated` (`isIsolated=TRUE`).
        package var isolated: Bool
        /// Where the command is.
        package var location: SourceLocation
    }

    /// The uses in `text`, in source order; the syntax errors, if any (uses are then those of
    /// the statements that parsed).
    package static func uses(
        in text: String, file: String, catalog: CommandCatalog = .standard
    ) -> (uses: [Use], diagnostics: [Diagnostic]) {
        let source = SourceFile(name: file, text: text)
        let (statements, diagnostics) = Parser.parse(source, commandNames: Set(catalog.commandNames))
        var walker = Walker(catalog: catalog)
        walker.walk(statements)
        return (walker.uses, diagnostics)
    }

    /// Follows literal bindings through the statements; a value computed at run time (a field
    /// of a result, an interpolated string) is not followed.
    struct Walker {
        let catalog: CommandCatalog
        var bindings: [String: [String]] = [:]
        var uses: [Use] = []

        mutating func walk(_ statements: [Statement]) {
            for statement in statements { walk(statement) }
        }

        mutating func walk(_ statement: Statement) {
            switch statement.kind {
            case .command(let call):
                record(call)
            case .assignment(let name, _, let value):
                switch value {
                case .expression(let expression): bindings[name] = literals(expression)
                case .command(let call): record(call)
                }
            case .parameter(let name, _, let defaultValue):
                bindings[name] = defaultValue.map(literals) ?? []
            case .forLoop(let variable, _, let sequence, let body), .parallelFor(_, let variable, _, let sequence, let body):
                switch sequence {
                case .expression(let expression): bindings[variable] = literals(expression)
                case .command(let call):
                    record(call)
                    bindings[variable] = []
                }
                walk(body)
            case .repeatLoop(_, let body):
                walk(body)
            case .conditional(let branches, let otherwise):
                for branch in branches { walk(branch.body) }
                walk(otherwise ?? [])
            case .tryBlock(let body, _, let handler):
                walk(body)
                walk(handler)
            case .print, .show, .sleep, .fail:
                break
            }
        }

        /// The literal texts an expression can be: a word, a plain string, a list of them.
        func literals(_ expression: Expression) -> [String] {
            switch expression.kind {
            case .word(let text): return [text]
            case .string(let parts):
                var text = ""
                for part in parts {
                    guard case .text(let piece) = part else { return [] }
                    text += piece
                }
                return [text]
            case .list(let elements): return elements.flatMap(literals)
            case .variable(let name, let fields): return fields.isEmpty ? bindings[name] ?? [] : []
            default: return []
            }
        }

        mutating func record(_ call: CommandCall) {
            guard let entry = catalog.entry(named: call.name) else { return }
            let positional = entry.positionalArguments
            var position = 0
            var symbols: [String] = []
            var isolated = false
            for argument in call.arguments {
                let spec: ArgumentSpec?
                if let name = argument.name {
                    spec = entry.argument(named: name)
                    if spec?.kind == .flag, literals(argument.value).contains(where: { $0.lowercased() == "true" }) {
                        isolated = isolated || spec?.name == "isolated"
                    }
                    if case .boolean(true) = argument.value.kind, spec?.name == "isolated" { isolated = true }
                } else if case .word(let word) = argument.value.kind, let flag = entry.argument(named: word),
                    flag.kind == .flag
                {
                    isolated = isolated || flag.name == "isolated"
                    continue
                } else {
                    spec = position < positional.count ? positional[position] : nil
                    position += 1
                }
                if spec?.kind == .symbol { symbols += literals(argument.value) }
            }
            for symbol in symbols where !symbol.isEmpty {
                uses.append(Use(symbol: symbol.uppercased(), isolated: isolated, location: call.range.start))
            }
        }
    }
}
