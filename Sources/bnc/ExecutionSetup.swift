import BinanceAPI
import Dispatch
import Script
import Shell
import Synchronization

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

/// Builds what running statements needs from the global options — credentials, the operation
/// host (dry run or client), the output printer, the Ctrl-C flag — and runs a script text with
/// the exit code bnc returns.
enum ExecutionSetup {
    /// A problem with the set-up itself: exit code 2, nothing sent.
    struct SetupError: Error {
        var message: String
        var hint: String?
    }

    /// Credentials from the environment, or the documentation's demo key when none are set.
    static func credentials() throws(SetupError) -> Credentials {
        do {
            return try Credentials.fromEnvironment() ?? DemoCredentials.hmac
        } catch {
            throw SetupError(message: error.message, hint: nil)
        }
    }

    /// The host requests go through: a dry run prints them; otherwise they are sent through an
    /// `ExchangeClient` over the transport `TransportFactory` picks (endpoint, profile, key),
    /// observed by the session log when one is open.
    static func host(options: GlobalOptions) throws(SetupError) -> any OperationHost {
        do throws(TransportFactory.SetupError) {
            let profile = try TransportFactory.profile()
            let choice = try TransportFactory.endpoint(option: options.endpoint, profile: profile)
            let credentials = try TransportFactory.credentials(for: choice, profile: profile)
            let clock = ExchangeClock(fixed: options.timestamp)
            if options.dryRun {
                // The dry run prints exactly what would be sent, profile recvWindow included.
                var host = DryRunHost(credentials: credentials, clock: clock, baseURL: choice.baseURL)
                host.builder.recvWindow = profile.recvWindow
                // Where the requests would go beyond the URL: the proxy, host and port only. The
                // simulator has none (asked only otherwise: the question reads the whole environment).
                if choice != .sim, let proxy = try TransportFactory.proxy(for: choice, profile: profile) {
                    Console.write(fd: 2, "note: requests would go through the proxy \(proxy.display) (\(proxy.origin))\n")
                }
                return host
            }
            let client = ExchangeClient(
                transport: try TransportFactory.transport(for: choice, profile: profile, caFile: options.caFile),
                credentials: credentials,
                clock: clock, observer: SessionLogSetup.current, recvWindow: profile.recvWindow)
            let limits = profile.rateLimits
            return ClientHost(client: client) {
                await $0.configureRateLimits(limits)
                // A long wait says what it waits for before it begins, not only afterwards.
                await $0.configureWaitNotice { event in Console.write(fd: 2, "note: \(event.message)\n") }
            }
        } catch {
            throw SetupError(message: error.message, hint: error.hint)
        }
    }

    /// The printer for standard output in the chosen format; colour only on a terminal without NO_COLOR.
    ///
    /// `buffered` printers (scripts) gather output in `Console.scriptOutput` and write it in large
    /// pieces; it is flushed before anything goes to standard error and when the run ends. The
    /// shell's printer writes each output at once, as the shell prints its own lines between them.
    static func printer(options: GlobalOptions, buffered: Bool = false) -> ScriptOutputPrinter {
        let colour = isatty(1) == 1 && getenv("NO_COLOR") == nil
        let format: RenderFormat = options.output == .json ? .json : .text
        let progress: (@Sendable (String) -> Void)? = isatty(2) == 1 ? { @Sendable text in Console.write(fd: 2, text) } : nil
        // The profile's `time` and `columns` (the shell's settings) shape script output too; a
        // table is fitted to the width only when standard output is a terminal.
        let preferences = ShellPreferences(((try? TransportFactory.profile()) ?? ConnectionProfile()).settings)
        let display = DisplaySettings(
            RenderOptions(columns: preferences.columns, time: preferences.time),
            width: isatty(1) == 1 ? { @Sendable () -> Int? in TerminalSize.of(1)?.columns } : nil)
        if buffered {
            return ScriptOutputPrinter(
                format: format, colour: colour && format == .text, display: display, buffer: Console.scriptOutput,
                progress: progress, notes: { Console.write(fd: 2, $0) })
        }
        return ScriptOutputPrinter(
            format: format, colour: colour && format == .text, display: display, write: { Console.write(fd: 1, $0) },
            progress: progress, notes: { Console.write(fd: 2, $0) })
    }

    /// A session for one invocation, with `--set` variables defined.
    static func session(options: GlobalOptions, variables: [String: Value] = [:]) throws(SetupError) -> ScriptSession {
        let interrupt = InterruptFlag()
        installInterruptHandler(interrupt)
        // Before the client: it observes.
        let log = try SessionLogSetup.open(options: options, variables: variables, mode: "script")
        return ScriptSession(
            host: try host(options: options), output: printer(options: options, buffered: true), events: log,
            interrupt: interrupt,
            variables: variables)
    }

    /// Checks and runs `text`; prints diagnostics and what was done to standard error (and with
    /// `--output json` the errors as JSON on standard output), and returns the exit code.
    static func run(_ text: String, file: String, options: GlobalOptions, variables: [String: Value] = [:]) async -> Int32 {
        // Check first with a dry host, so errors in the script come before set-up problems.
        // `sim` is judged by the session's own check, which knows the endpoint.
        var checkingHost = DryRunHost(credentials: nil, clock: ExchangeClock(fixed: 1), baseURL: "")
        checkingHost.simulatorRefusal = nil
        let checking = ScriptSession(host: checkingHost, output: printer(options: options), variables: variables)
        let diagnostics = checking.check(text, file: file)
        if !diagnostics.isEmpty {
            return Termination.run(RunOutcome(status: .rejected, diagnostics: diagnostics)).report(format: options.output)
        }
        let session: ScriptSession
        do {
            session = try self.session(options: options, variables: variables)
        } catch {
            let failure = Termination.usage(error.message, hint: error.hint)
            SessionLogSetup.close(exitCode: failure.exitCode) // a log opened before the failure ends cleanly
            return failure.report(format: options.output)
        }
        guard await confirmLive(text, host: session.host, options: options) else {
            let refusal = Termination.runtime(
                "nothing was sent: the live cancels were not confirmed", hint: "pass --yes to run without asking")
            SessionLogSetup.close(exitCode: refusal.exitCode)
            return refusal.report(format: options.output)
        }
        let outcome: RunOutcome
        if let executor = preferredExecutor(session.host) {
            // Over plain http the whole run stays on the connections' event loop: no thread
            // switch per request (docs/performance.md, "Wire").
            outcome = await withTaskExecutorPreference(executor) { await session.run(text, file: file) }
        } else {
            outcome = await session.run(text, file: file)
        }
        Console.scriptOutput.flush() // the script's output, before the summary on standard error
        let ending = Termination.run(outcome)
        SessionLogSetup.close(exitCode: ending.exitCode)
        return ending.report(format: options.output)
    }

    /// For a script run on a terminal against the live exchange: when it would cancel more than
    /// one order, says how many and asks (issue 16). Never asks without a terminal, with
    /// `--yes`, or with `confirm = off` in the profile.
    static func confirmLive(_ text: String, host: any OperationHost, options: GlobalOptions) async -> Bool {
        guard !options.yes, isatty(0) == 1, isatty(2) == 1, let client = (host as? ClientHost)?.client,
            LiveEndpoint.isLive(baseURL: client.transport.baseURL),
            ((try? TransportFactory.profile()) ?? ConnectionProfile()).settings["confirm"] != "off",
            let what = await LiveConfirmation.question(
                for: text,
                countOpen: { symbol, account in
                    await LiveConfirmation.openCount(symbol: symbol, account: account, host: host)
                })
        else { return true }
        Console.write(fd: 2, LiveConfirmation.prompt(what, baseURL: client.transport.baseURL))
        return readLine().map(LiveConfirmation.isYes) ?? false
    }

    /// The executor the transport behind `host` wants its callers on, if any.
    static func preferredExecutor(_ host: any OperationHost) -> (any TaskExecutor)? {
        (host as? ClientHost)?.client.transport.preferredTaskExecutor
    }

    /// Ctrl-C raises the flag (the script stops between statements); a second Ctrl-C exits at once.
    static func installInterruptHandler(_ flag: InterruptFlag) {
        signal(SIGINT, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler {
            SessionLogSetup.current?.recordInterrupt(signal: "SIGINT")
            if flag.isRaised {
                Console.scriptOutput.flushIfIdle() // what the script printed is not lost (never waits: exit must not hang)
                exit(Termination.interruptedAgain)
            }
            flag.raise()
        }
        source.resume()
        InterruptSources.keep(source)
    }
}

/// Keeps signal sources alive for the life of the process.
enum InterruptSources {
    /// A source held only to keep it alive; Dispatch sources are thread-safe objects, which the
    /// protocol type does not say.
    private struct Held: @unchecked Sendable {
        let source: any DispatchSourceSignal
    }

    private static let sources = Mutex<[Held]>([])

    static func keep(_ source: any DispatchSourceSignal) {
        let held = Held(source: source)
        sources.withLock { $0.append(held) }
    }
}
