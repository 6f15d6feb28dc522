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
            every script is clean, 2 when any has an error. Variables given with --set count as defined. \
            With --output json each checked file is a line {"file":…,"errors":N} on standard output, followed \
            by one {"error":…} object per error.
            """
    )

    @Argument(help: ArgumentHelp("The scripts to check.", valueName: "file"))
    var files: [String]

    @Option(name: .customLong("set"), help: ArgumentHelp("Define a script variable.", valueName: "name=value"))
    var assignments: [String] = []

    // The root's options, shared as `sign` shares them: an option the root declares is taken by the
    // root wherever it is written, so `bnc check --output json` reaches this command only this way.
    // check sends nothing: of these, only --output means anything here.
    @OptionGroup var globalOptions: GlobalOptionArguments
    var options: GlobalOptions { globalOptions.values }

    private var output: OutputFormat { options.output }

    func run() async throws {
        var failed: Termination?
        try Termination.reporting(format: output) { () throws(Termination) in failed = try checkAll() }
        // Reported as it was found; the first failure's exit code is the command's.
        if let failed { throw ExitCode(failed.exitCode) }
    }

    /// Checks every file, reporting each failure as it is found, and returns the first one. Throws
    /// only when nothing can be checked (a bad --set).
    private func checkAll() throws(Termination) -> Termination? {
        let variables: [String: Script.Value]
        do {
            variables = try ScriptVariables.parse(assignments)
        } catch {
            throw .usage(error)
        }
        var failed: Termination?
        for file in files {
            let text: String
            do {
                text = try ScriptFile.read(file)
            } catch {
                failed = failed ?? error
                error.report(format: output)
                continue
            }
            // A file is checked for no endpoint: `sim` is judged when it runs, where the endpoint is known.
            var checkingHost = DryRunHost(credentials: nil, clock: ExchangeClock(fixed: 1), baseURL: "")
            checkingHost.simulatorRefusal = nil
            let session = ScriptSession(host: checkingHost, output: NoOutput(), variables: variables)
            let diagnostics = session.check(text, file: file)
            switch output {
            case .text where diagnostics.isEmpty: Console.out("\(file): ok")
            case .text: break
            case .json: Console.out(Self.result(file: file, errors: diagnostics.count).serialized)
            }
            if !diagnostics.isEmpty {
                let rejected = Termination.checkFailed(file: file, diagnostics: diagnostics)
                rejected.report(format: output)
                failed = failed ?? rejected
            }
        }
        return failed
    }

    /// `{"file":…,"errors":N}`: one checked file.
    static func result(file: String, errors: Int) -> JSONValue {
        .object(JSONObject([("file", .string(file)), ("errors", .number(String(errors)))]))
    }
}

/// Output for a check, which runs nothing.
struct NoOutput: ScriptOutputSink {
    func emit(_ output: ScriptOutput) {}
}
