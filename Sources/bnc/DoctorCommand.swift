import ArgumentParser
import BinanceAPI
import Script
import SignatureDebugger

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// `bnc doctor [--symbol SYMBOL …] [FILE.bnc]`: checks, against the endpoint chosen, what makes
/// signed requests fail — the endpoint, the clock, the key, the symbols, the weight left — and
/// prints one line per check (``Doctor``). Reads only; writes no session log.
struct DoctorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check the endpoint, clock, key, symbols and weight before sending signed requests.",
        discussion: """
            Each check is reported as ok, warning or problem, with the fix. Symbols come from --symbol and from \
            the commands of the given script (parsed, not run); a symbol used with isolated must be an isolated \
            margin pair. Only reads are sent (GET); nothing is logged. --output json prints one object per check, \
            then a summary. Exit codes: 0 no problem, 1 a problem found, 2 usage or set-up error.
            """
    )

    @Argument(help: ArgumentHelp("A script whose symbols to check (it is not run).", valueName: "file"))
    var file: String?

    @Option(
        name: .customLong("symbol"),
        help: ArgumentHelp("A symbol to check, on the isolated margin account too (repeatable).", valueName: "symbol"))
    var symbols: [String] = []

    @OptionGroup var globalOptions: GlobalOptionArguments
    var options: GlobalOptions { globalOptions.values }

    /// A script larger than this is not a script bnc reads (the doctor parses it whole).
    static let maximumScriptBytes = 4 << 20

    func run() async throws {
        do {
            try await examine()
        } catch let ending as Termination {
            throw ExitCode(ending.report(format: options.output))
        }
    }

    /// The doctor's run; a usage error is thrown as a ``Termination`` (reported by ``run()``).
    private func examine() async throws {
        if options.dryRun {
            throw Termination.usage("bnc doctor sends its requests: --dry-run does not apply")
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
        if let file { wanted += try scriptSymbols(file) }
        let doctor: Doctor
        do throws(TransportFactory.SetupError) {
            doctor = try await Self.doctor(options: options, symbols: wanted)
        } catch {
            throw Termination.usage(error.message, hint: error.hint)
        }
        let report = await doctor.run()
        switch options.output {
        case .text: Console.out(report.text)
        case .json: Console.out(report.jsonLines.joined(separator: "\n"))
        }
        if report.exitCode != 0 { throw ExitCode(report.exitCode) }
    }

    /// The doctor over the client every command would use: the endpoint (option, profile,
    /// sim), the transport with its TLS roots (--ca-file) and proxy, the key, recvWindow and
    /// the profile's weight limits.
    static func doctor(options: GlobalOptions, symbols: [DoctorSymbol]) async throws(TransportFactory.SetupError) -> Doctor {
        let profile = try TransportFactory.profile()
        let choice = try TransportFactory.endpoint(option: options.endpoint, profile: profile)
        let transport = try TransportFactory.transport(for: choice, profile: profile, caFile: options.caFile)
        let key = DoctorKey.resolve(profile: profile, isLive: choice.isLive)
        let client = ExchangeClient(transport: transport, credentials: key.credentials, recvWindow: profile.recvWindow)
        await client.configureRateLimits(profile.rateLimits)
        return Doctor(
            client: client, key: key, endpoint: DoctorEndpoint(transport: transport), recvWindow: profile.recvWindow,
            symbols: symbols)
    }

    /// The symbols `path`'s commands use; its syntax errors stop the doctor (exit 2), as `bnc check` would.
    private func scriptSymbols(_ path: String) throws -> [DoctorSymbol] {
        if FoundationText.isDirectory(atPath: path) == true {
            throw Termination.usage("\(path) is a directory")
        }
        guard let read = FoundationText.readFile(atPath: path, upToCount: Self.maximumScriptBytes + 1) else {
            throw Termination.usage(
                FileManager.default.fileExists(atPath: path) ? "cannot read \(path)" : "no such file: \(path)")
        }
        let data = Data((try? read.get()) ?? [])
        guard data.count <= Self.maximumScriptBytes, let text = String(data: data, encoding: .utf8) else {
            throw Termination.usage("\(path) is not a script: not UTF-8 text of at most \(Self.maximumScriptBytes >> 20) MiB")
        }
        let (uses, diagnostics) = ScriptSymbols.uses(in: text, file: path)
        if !diagnostics.isEmpty {
            for diagnostic in diagnostics { Console.write(fd: 2, DiagnosticRenderer.render(diagnostic, colour: false) + "\n") }
            throw Termination.usage(
                "\(path) has errors: `bnc check \(path)` lists them; the doctor reads the symbols of a script that parses")
        }
        return uses.map { DoctorSymbol($0.symbol, isolated: $0.isolated) }
    }
}
