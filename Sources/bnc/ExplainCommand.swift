import ArgumentParser
import BinanceAPI
import Script
import SignatureDebugger

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// `bnc explain 'REQUEST'`: tells why the exchange would accept or reject a signed request that
/// another client built (a URL, a query string with `signature=`, or a curl command line).
/// `bnc explain CODE` (`-2015`, `-- -2015`): what an exchange error code means, its causes, and
/// how to tell them apart (``ExchangeErrorCatalog``).
struct ExplainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain an exchange error code, or why a signed request another client built is valid or gets -1022 / -1021.",
        discussion: """
            With an error code (bnc explain -2015, or bnc explain -- -2015): what the code means, every known \
            cause, how to tell them apart and the fix; exit 0 for a known code, 2 for an unknown one. With \
            --endpoint it also runs, against that endpoint, the checks of bnc doctor that separate the causes: \
            the key and its permissions for -2015, -2014 and -1022, the clock for -1021, and for -11001 whether \
            each --symbol has an isolated margin account; then exit 1 when a check finds a problem.

            With a request, it \
            shows the parameters as parsed, the exact string the exchange verifies, the signature it should \
            have with the configured key (BINANCE_API_KEY with BINANCE_API_SECRET or BINANCE_PRIVATE_KEY_FILE; \
            the documentation's demo key otherwise), and when it does not match, the mistake that reproduces \
            the given signature. Checks timestamp and recvWindow against the exchange's clock with --endpoint, \
            else against this machine's clock. Give '-' (or nothing) to read the request from standard input.
            Exit codes: 0 valid, 1 wrong signature or a timing problem, 2 unreadable input.
            """
    )

    // Read as "everything not recognised": a code such as -2015 looks like an option to
    // ArgumentParser, so this command sorts its input itself (see `run`).
    @Argument(
        parsing: .allUnrecognized,
        help: ArgumentHelp(
            "An exchange error code (-2015); or a URL, a query string with signature=, or a curl command line, in single quotes; '-' reads stdin.",
            valueName: "code-or-request"))
    var input: [String] = []

    // The root command declares --output and --endpoint too; sharing its option group is how a
    // subcommand receives them (a second declaration would be shadowed by the root's).
    @OptionGroup var globalOptions: GlobalOptionArguments
    var options: GlobalOptions { globalOptions.values }

    @Option(
        name: .customLong("server-time"),
        help: ArgumentHelp("Compare the timestamp with this exchange time (ms), e.g. when the request was sent.", valueName: "ms")
    )
    var serverTime: Int64?

    @Option(
        name: .customLong("symbol"),
        help: ArgumentHelp(
            "With a code and --endpoint: a symbol of the failing request (-11001: is there an isolated margin account?).",
            valueName: "symbol"))
    var symbols: [String] = []

    /// The options' combinations. Checked in ``run()`` rather than ArgumentParser's `validate()`,
    /// so their errors end through ``Termination`` (a JSON object too with `--output json`).
    private func checkOptions() throws {
        // Usage errors exit 2, as every bnc usage error does.
        if !symbols.isEmpty && options.endpoint == nil {
            throw Termination.usage("--symbol is checked against an endpoint: give --endpoint too")
        }
        if options.endpoint != nil && serverTime != nil {
            throw Termination.usage("give either --endpoint or --server-time, not both")
        }
        if let serverTime, serverTime <= 0 {
            throw Termination.usage("--server-time must be a positive number of milliseconds")
        }
    }

    func run() async throws {
        do {
            try checkOptions()
            try await explain()
        } catch let ending as Termination {
            throw ExitCode(ending.report(format: options.output))
        }
    }

    private func explain() async throws {
        // `bnc explain -- -2015`: the terminator reaches this list too.
        let input = self.input.first == "--" ? Array(self.input.dropFirst()) : self.input
        guard input.count <= 1 else {
            throw Termination.usage("give one error code or one request (in single quotes), not \(input.count) arguments")
        }
        let request = input.first
        if let request, let code = ExchangeErrorCatalog.parseCode(request) {
            try await explainCode(code)
            return
        }
        if !symbols.isEmpty {
            throw Termination.usage(
                "--symbol is for an error code (bnc explain -11001 --endpoint … --symbol SYMBOL), not a request")
        }
        if let request, request.hasPrefix("-"), request != "-" {
            throw Termination.usage(
                "unknown option '\(TerminalText.escaped(request))'", hint: "`bnc explain --help` lists the options")
        }
        let key: ExplainKey
        do {
            key = try ExplainKey.fromEnvironment() ?? .demo
        } catch {
            throw Termination.usage(error.message)
        }
        let text = request == nil || request == "-" ? Self.readStandardInput() : request ?? ""
        let source = try timeSource()
        let explainer = SignatureExplainer(key: key, endpoints: CommandCatalog.standard.endpoints)
        let explanation: Explanation
        do {
            if let serverTime {
                explanation = try explainer.explain(text, at: .given(serverTime))
            } else {
                explanation = try await explainer.explain(text, timeSource: source)
            }
        } catch {
            throw Termination.usage(error.message, hint: error.hint)
        }
        switch options.output {
        // The request explained was pasted from elsewhere: its control characters are shown
        // escaped (the report's own lines and indentation stay).
        case .text: Console.out(TerminalText.escaped(explanation.text, keepingLineBreaks: true))
        case .json: Console.out(explanation.json.serialized)
        }
        if explanation.exitCode != 0 { throw ExitCode(explanation.exitCode) }
    }

    /// `bnc explain CODE`: the catalog's entry as text or JSON; exit 2 for a code it does not hold.
    /// With `--endpoint`, the doctor's checks that separate the code's causes follow (exit 1 when
    /// one finds a problem).
    private func explainCode(_ code: Int) async throws {
        if serverTime != nil {
            throw Termination.usage("--server-time is for a request, not an error code")
        }
        guard let entry = ExchangeErrorCatalog.entry(for: code) else {
            throw Termination.usage(
                "\(code) is not an exchange error code bnc knows",
                hint: "the table in docs/endpoints.md lists the \(ExchangeErrorCatalog.entries.count) codes bnc explains")
        }
        let report = try await checks(for: code)
        switch options.output {
        case .text:
            var text = entry.explanationText
            if let report {
                text += "\n\nChecked against \(options.endpoint ?? ""):\n" + report.text
            }
            Console.out(text)
        case .json:
            guard let report, case .object(var object) = entry.json else {
                Console.out(entry.json.serialized)
                break
            }
            object["checks"] = .array(
                report.checks.map { check in
                    var line = JSONObject()
                    line["check"] = .string(check.name)
                    line["status"] = .string(check.status.rawValue)
                    line["detail"] = .string(check.detail)
                    line["fix"] = check.fix.map { .string($0) } ?? .null
                    return .object(line)
                })
            object["exitCode"] = .number(String(report.exitCode))
            Console.out(JSONValue.object(object).serialized)
        }
        if let report, report.exitCode != 0 { throw ExitCode(report.exitCode) }
    }

    /// With `--endpoint`: the doctor's checks that tell `code`'s causes apart (``Doctor/explain(code:)``),
    /// or nil without an endpoint or when no check separates them (then a note says so).
    private func checks(for code: Int) async throws -> DoctorReport? {
        guard options.endpoint != nil else { return nil }
        guard let kind = Doctor.codeCheck(for: code) else {
            if !symbols.isEmpty {
                throw Termination.usage("--symbol is for -11001 (does the symbol have an isolated margin account?), not \(code)")
            }
            Console.warning("no request separates \(code)'s causes: nothing was checked against the endpoint")
            return nil
        }
        if !symbols.isEmpty && kind != .isolatedAccount {
            throw Termination.usage("--symbol is for -11001 (does the symbol have an isolated margin account?), not \(code)")
        }
        var wanted: [DoctorSymbol] = []
        for symbol in symbols {
            do {
                try ParameterRules.symbol(symbol.uppercased())
            } catch {
                throw Termination.usage("--symbol '\(TerminalText.escaped(symbol))': \(error.message)")
            }
            wanted.append(DoctorSymbol(symbol, isolated: true))
        }
        do throws(TransportFactory.SetupError) {
            return await (try await DoctorCommand.doctor(options: options, symbols: wanted)).explain(code: code)
        } catch {
            throw Termination.usage(error.message, hint: error.hint)
        }
    }

    /// The server time source for `--endpoint`; nil (local clock) without one. The embedded
    /// simulator runs on this machine's clock, so `sim` needs no request.
    private func timeSource() throws -> (any ServerTimeSource)? {
        guard options.endpoint != nil, options.endpointChoice != .sim else { return nil }
        // The transport every other command uses: the profile's timeouts, the trust store
        // (--ca-file, caFile, SSL_CERT_FILE) and the proxy.
        do throws(TransportFactory.SetupError) {
            let profile = try TransportFactory.profile()
            let transport = try TransportFactory.transport(
                for: options.endpointChoice, profile: profile, caFile: options.caFile)
            return TransportServerTime(transport: transport)
        } catch {
            throw Termination.usage(error.message, hint: error.hint)
        }
    }

    private static func readStandardInput() -> String {
        String(decoding: FoundationText.readStandardInputToEnd(), as: UTF8.self)
    }
}
