import Script

extension CompletionCatalog {
    /// The completion view of the language's command table: each command's positional operands
    /// (by kind) and every name its named arguments and flags answer to.
    public init(_ catalog: CommandCatalog, shellCommands: [String] = ShellCommand.names) {
        let commands = catalog.entries.map { entry in
            Command(
                name: entry.name,
                positionals: entry.positionalArguments.map { $0.kind == .symbol ? "symbol" : $0.name },
                arguments: entry.arguments.filter { !$0.isPositional }.flatMap { argument in
                    // A flag is written bare by its short name; its exchange alias takes TRUE/FALSE.
                    [Argument(name: argument.name, takesValue: argument.kind != .flag)]
                        + argument.aliases.map { Argument(name: $0, takesValue: true) }
                }
            )
        }
        self.init(commands: commands, keywords: CommandCatalog.statementKeywords, shellCommands: shellCommands)
    }
}
