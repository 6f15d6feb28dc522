import ArgumentParser
import BinanceAPI

/// `bnc`: the shell and script runner for Binance operations.
///
/// With no subcommand: `-c STATEMENTS` runs statements, a non-terminal stdin is read as a script,
/// and otherwise the interactive shell starts.
@main
struct BNC: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bnc",
        abstract: "A shell and script runner for Binance operations.",
        discussion: """
            With no endpoint chosen, bnc talks to its embedded exchange simulator with a demo key.
            Exit codes: 0 success, 1 runtime or exchange error, 2 usage or validation error (nothing sent).
            """,
        version: BNCVersion.current,
        subcommands: [
            RunCommand.self,
            CheckCommand.self,
            SignCommand.self,
            ExplainCommand.self,
            LogCommand.self,
            ReplayCommand.self,
            SimCommand.self,
        ]
    )

    @OptionGroup var options: GlobalOptions

    @Option(name: .customShort("c"), help: ArgumentHelp("Run these statements and exit.", valueName: "statements"))
    var command: String?

    func run() async throws {
        let code = await RootDispatch.run(options: options, command: command)
        if code != 0 { throw ExitCode(code) }
    }
}

/// The version printed by `--version` and written into session logs.
enum BNCVersion {
    static let current = "0.1.0"
}
