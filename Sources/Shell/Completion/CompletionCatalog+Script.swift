import BinanceAPI
import Script

extension CompletionCatalog {
    /// The completion view of the language's command table: each command's positional operands
    /// (by kind) and every name its named arguments and flags answer to.
    package init(_ catalog: CommandCatalog, shellCommands: [String] = ShellCommand.names) {
        // The paths `request METHOD PATH` offers: every documented endpoint of the table that
        // `request` may be given (not the simulator's control endpoint).
        let endpoints = catalog.endpoints.filter { RawRequest.isExchangePath($0.path) }
            .map { Endpoint(method: $0.method.rawValue, path: $0.path) }
        let commands = catalog.entries.map { entry in
            let alternatives = Self.alternatives(in: entry.syntax)
            return Command(
                name: entry.name,
                positionals: entry.positionalArguments.map { $0.kind == .symbol ? "symbol" : $0.name },
                arguments: entry.arguments.filter { !$0.isPositional }.flatMap { argument in
                    // Given under any of its names, or an alternative given under any of its.
                    var excluded = Set(argument.allNames)
                    for group in alternatives where group.contains(argument.name) {
                        for other in group { excluded.formUnion(entry.argument(named: other)?.allNames ?? [other]) }
                    }
                    // A flag is written bare by its short name; its exchange alias takes TRUE/FALSE.
                    return [Argument(name: argument.name, takesValue: argument.kind != .flag, excludedBy: excluded)]
                        + argument.aliases.map { Argument(name: $0, takesValue: true, excludedBy: excluded) }
                },
                endpoints: entry.choosesEndpointAtRunTime ? endpoints : []
            )
        }
        self.init(commands: commands, keywords: CommandCatalog.statementKeywords, shellCommands: shellCommands)
    }

    /// The groups of alternatives a syntax line names: `(id=N | cid=TEXT)` → `[["id", "cid"]]`.
    static func alternatives(in syntax: String) -> [[String]] {
        var groups: [[String]] = []
        var rest = Substring(syntax)
        while let open = rest.firstIndex(of: "("), let close = rest[open...].firstIndex(of: ")") {
            let inside = rest[rest.index(after: open)..<close]
            let names = inside.split(separator: "|").map { choice in
                String(choice.trimmingWhitespace().prefix { $0 != "=" && $0 != " " })
            }.filter { !$0.isEmpty }
            if names.count > 1 { groups.append(names) }
            rest = rest[rest.index(after: close)...]
        }
        return groups
    }
}
