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
            DoctorCommand.self,
            LogCommand.self,
            ReplayCommand.self,
            SimCommand.self
        ]
    )

    @OptionGroup var options: GlobalOptions

    @Option(name: .customShort("c"), help: ArgumentHelp("Run these statements and exit.", valueName: "statements"))
    var command: String?

    func run() async throws {
        let code = await RootDispatch.run(options: options, command: command)
        if code != 0 { throw ExitCode(code) }
    }

    /// Parses and runs like ArgumentParser's own `main`, except that usage and validation errors
    /// exit with 2 (the project's code for "nothing was sent") instead of EX_USAGE (64).
    static func main() async {
        if let quick = QuickArguments.parse(CommandLine.arguments.dropFirst()) {
            let code = await RootDispatch.run(options: quick.options, command: quick.command)
            exit(withError: code == 0 ? nil : ExitCode(code))
        }
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            if exitCode(for: error) == .validationFailure {
                // ArgumentParser's own text (with the usage line) on standard error; the JSON
                // object too when the command line already chose JSON output.
                let usage = Termination.usage(message(for: error))
                Console.write(fd: 2, fullMessage(for: error) + "\n")
                if Termination.commandLineAsksForJSON(CommandLine.arguments) { usage.writeJSON() }
                exit(withError: ExitCode(usage.exitCode))
            }
            exit(withError: error)
        }
    }
}

/// The version printed by `--version` and written into session logs.
enum BNCVersion {
    static let current = "0.1.0"
}
