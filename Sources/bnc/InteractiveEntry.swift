import BinanceAPI
import Script
import Shell

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The interactive shell's entry point, called by `RootDispatch` when standard input is a
/// terminal and no `-c` was given: wires the global options into the Shell layer's
/// `InteractiveShell` (libedit line editing, history, completion).
///
/// Sessions are made here rather than with `ExecutionSetup.session`, because that installs a
/// SIGINT handler that ends the process on a second Ctrl-C; in the shell Ctrl-C never does.
enum InteractiveEntry {
    /// Runs the shell until `exit` or Ctrl-D; the exit code comes from `Termination`, which also
    /// prints a shell that could not start (JSON too with `--output json`).
    static func run(options: GlobalOptions) async -> Int32 {
        let code: Int32
        do {
            try await runShell(options: options)
            code = 0
        } catch {
            code = error.report(format: options.output)
        }
        SessionLogSetup.close(exitCode: code)
        return code
    }

    /// Starts the shell and runs it; throws why it could not start.
    private static func runShell(options: GlobalOptions) async throws(Termination) {
        let environment = ProcessInfo.processInfo.environment
        let noColor = environment["NO_COLOR"] != nil
        // The endpoint the client will really use (a profile may choose it), for an honest prompt.
        let profile = (try? TransportFactory.profile()) ?? ConnectionProfile()
        // Reading the profile's key files remembers their secrets (SecretText), so the history
        // keeps them out even when the environment's key is the one in use.
        _ = try? profile.credentials()
        let endpoint = (try? TransportFactory.endpoint(option: options.endpoint, profile: profile)) ?? options.endpointChoice
        // Text output is fitted to the terminal's width, read at each output (it may be resized).
        let display = DisplaySettings(width: { @Sendable () -> Int? in TerminalSize.of(1)?.columns })
        let settings = ShellSettings(
            endpointName: endpoint.name, dryRun: options.dryRun,
            colour: isatty(1) == 1 && !noColor && options.output == .text, errorColour: isatty(2) == 1 && !noColor,
            environment: environment, secretValues: secretValues(environment),
            preferences: ShellPreferences(profile.settings), display: display, assumeYes: options.yes)
        let printer = shellPrinter(options: options, display: display, environment: environment)
        let makeSession: InteractiveShell.SessionFactory = { dryRun, interrupt, variables in
            var chosen = options
            chosen.dryRun = dryRun
            do throws(ExecutionSetup.SetupError) {
                // Before the client: it observes.
                let log = try SessionLogSetup.open(options: chosen, variables: [:], mode: "shell")
                let host = try ExecutionSetup.host(options: chosen)
                return ScriptSession(
                    host: host, output: printer, events: log, interrupt: interrupt,
                    variables: variables)
            } catch {
                throw InteractiveShell.SessionUnavailable(message: error.message, hint: error.hint)
            }
        }
        let shell: InteractiveShell
        do {
            shell = try InteractiveShell(settings: settings, makeSession: makeSession)
        } catch let error as InteractiveShell.SessionUnavailable where !options.dryRun {
            // Better a shell that says "dry-run" in its prompt than no shell: nothing is sent.
            Console.warning("\(error.message); starting in dry-run mode (`dry off` to try again)")
            var dry = settings
            dry.dryRun = true
            do {
                shell = try InteractiveShell(settings: dry, makeSession: makeSession)
            } catch {
                throw unavailable(error)
            }
        } catch {
            throw unavailable(error)
        }
        do {
            try await shell.run()
        } catch {
            throw .runtime(error.message)
        }
    }

    /// A session that could not be made: a usage error (nothing was sent), with its hint.
    private static func unavailable(_ error: any Error) -> Termination {
        if let error = error as? InteractiveShell.SessionUnavailable { return .usage(error) }
        return .usage(String(describing: error))
    }

    /// The shell's printer: text fitted to the terminal with the shell's display settings, a
    /// result taller than the screen through the pager (`set pager off` turns it off).
    static func shellPrinter(options: GlobalOptions, display: DisplaySettings, environment: [String: String])
        -> ScriptOutputPrinter
    {
        let colour = isatty(1) == 1 && environment["NO_COLOR"] == nil && options.output == .text
        let format: RenderFormat = options.output == .json ? .json : .text
        let progress: (@Sendable (String) -> Void)? = isatty(2) == 1 ? { @Sendable text in Console.write(fd: 2, text) } : nil
        return ScriptOutputPrinter(
            format: format, colour: colour, display: display,
            write: { text in Pager.write(text, enabled: format == .text && display.options.pager, environment: environment) },
            progress: progress, notes: { Console.write(fd: 2, $0) })
    }

    /// What must never reach the history file: the API secret, the private key file's text (and
    /// each of its lines), and the API key itself (it is only ever shown masked).
    static func secretValues(_ environment: [String: String]) -> [String] {
        var values: [String] = []
        for name in ["BINANCE_API_SECRET", "BINANCE_API_KEY"] {
            if let value = environment[name], !value.isEmpty { values.append(value) }
        }
        // Only a regular file of a key's size is read (a path such as /dev/zero or a FIFO would
        // never end); the credentials' own reading reports anything else.
        if let path = environment["BINANCE_PRIVATE_KEY_FILE"],
            let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            attributes[.type] as? FileAttributeType == .typeRegular,
            ((attributes[.size] as? UInt).map({ Int($0) }) ?? .max) <= 64 * 1024,
            let text = try? String(contentsOfFile: path, encoding: .utf8)
        {
            values.append(text)
            values += text.split(whereSeparator: \.isNewline).map(String.init).filter { !$0.hasPrefix("-----") }
        }
        return values
    }
}
