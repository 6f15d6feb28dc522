import ArgumentParser
import BinanceAPI
import Script

/// `bnc check FILE.bnc ...`: reports every error in each script; runs nothing.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Report every error in .bnc scripts without running them.",
        discussion: """
            Errors are printed as FILE:LINE:COL: error: message, the source line and a caret. Exit code 0 when \
            every script is clean, 2 when any has an error. Variables given with --set count as defined.
            """
    )

    @Argument(help: ArgumentHelp("The scripts to check.", valueName: "file"))
    var files: [String]

    @Option(name: .customLong("set"), help: ArgumentHelp("Define a script variable.", valueName: "name=value"))
    var assignments: [String] = []

    func run() async throws {
        let variables: [String: Script.Value]
        do {
            variables = try ScriptVariables.parse(assignments)
        } catch {
            throw ExitCode(Termination.usage(error.message, hint: error.hint).report(format: .text))
        }
        var failed: Termination?
        for file in files {
            let text: String
            do {
                text = try ScriptFile.read(file)
            } catch {
                failed = failed ?? error
                error.report(format: .text)
                continue
            }
            let session = ScriptSession(
                host: DryRunHost(credentials: nil, clock: ExchangeClock(fixed: 1), baseURL: ""),
                output: NoOutput(), variables: variables)
            let diagnostics = session.check(text, file: file)
            if diagnostics.isEmpty {
                Console.out("\(file): ok")
            } else {
                let rejected = Termination.run(RunOutcome(status: .rejected, diagnostics: diagnostics))
                rejected.report(format: .text)
                Console.write(fd: 2, "\(file): \(diagnostics.count) error\(diagnostics.count == 1 ? "" : "s")\n")
                failed = failed ?? rejected
            }
        }
        if let failed { throw ExitCode(failed.exitCode) }
    }
}

/// Output for a check, which runs nothing.
struct NoOutput: ScriptOutputSink {
    func emit(_ output: ScriptOutput) {}
}
