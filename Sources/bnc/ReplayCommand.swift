import ArgumentParser
import BinanceAPI
import Script
import SessionLog

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

/// `bnc replay LOG --verify | --offline | --live`.
struct ReplayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Replay a session log: verify its signatures, re-run it offline, or send it again.",
        discussion: """
            --verify re-runs the statements with the recorded timestamps against the recorded responses and checks \
            that every canonical query and signature is byte-identical (it needs the key the log was written with). \
            --offline re-runs them against the recorded responses and shows their output; nothing is sent. \
            --live sends them again with fresh timestamps to --endpoint or the profile's endpoint; when that is the \
            live exchange (live, or any host under binance.com or binance.us) it asks first, and without a terminal \
            to ask on it refuses unless --yes. \
            Exit codes: 0 match/success, 1 difference or runtime error, 2 usage error.
            """
    )

    enum Mode: String, EnumerableFlag {
        case verify, offline, live

        static func help(for value: Mode) -> ArgumentHelp? {
            switch value {
            case .verify: return "Check every canonical query and signature byte for byte."
            case .offline: return "Re-run against the recorded responses; nothing is sent."
            case .live: return "Send the statements again with fresh timestamps to --endpoint."
            }
        }
    }

    @Argument(help: "The session log file (.jsonl).")
    var log: String

    @Flag var mode: Mode

    @OptionGroup var globalOptions: GlobalOptionArguments
    var options: GlobalOptions { globalOptions.values }

    func run() async throws {
        let code: Int32
        switch mode {
        case .verify, .offline: code = await replayFromLog()
        case .live: code = await replayLive()
        }
        if code != 0 { throw ExitCode(code) }
    }

    /// `--verify` and `--offline`.
    private func replayFromLog() async -> Int32 {
        // The key a run would sign with: environment, then profile, then the demo key.
        let credentials: Credentials
        do {
            let profile = try TransportFactory.profile()
            credentials = try TransportFactory.credentials(for: .sim, profile: profile) ?? DemoCredentials.hmac
        } catch {
            return Termination.usage(error.message, hint: error.hint).report(format: options.output)
        }
        let output: any ScriptOutputSink = mode == .verify ? SilentOutput() : ExecutionSetup.printer(options: options)
        // Offline, a statement that failed when recorded fails again with the recorded answer:
        // its error is shown where the run showed it, and the replay ends as the run did.
        var failed: (@Sendable (RunOutcome) -> Void)?
        if mode != .verify {
            let format = options.output
            failed = { outcome in
                Console.scriptOutput.flush()
                _ = Termination.run(outcome).report(format: format)
            }
        }
        let replay = SessionReplay(
            path: log, mode: mode == .verify ? .verify : .offline, credentials: credentials, output: output,
            failed: failed)
        let result: SessionReplay.Result
        do {
            result = try await replay.run()
        } catch {
            return Termination.runtime(error.message, hint: error.hint).report(format: options.output)
        }
        for issue in result.issues { Console.warning("\(log): \(issue)") }
        if let problem = result.problem {
            return Termination.runtime(problem).report(format: options.output)
        }
        if let mismatch = result.mismatch {
            return Termination.runtime(mismatch.description, hint: keyHint(result.header, credentials, mismatch)).report(
                format: options.output)
        }
        let ended = result.recordingEnded ? " (the recording ends there: the session was interrupted or cut short)" : ""
        switch mode {
        case .verify:
            Console.out(
                "verified \(log): \(result.requests) request\(result.requests == 1 ? "" : "s") from "
                    + "\(result.statements) statement\(result.statements == 1 ? "" : "s"), every canonical query and "
                    + "signature byte-identical\(ended)")
        default:
            Console.scriptOutput.flush()
            Console.write(
                fd: 2,
                "bnc: replayed \(result.requests) recorded response\(result.requests == 1 ? "" : "s") offline; "
                    + "nothing was sent\(ended)\n")
            // The recorded session's own ending when the log has it (a shell session that went
            // on after an error ended with 0), else the way the last failure would end a run.
            // The log is read from disk, so the code is kept to what an exit status can be.
            if let recorded = result.recordedExitCode { return Int32(min(max(recorded, 0), 255)) }
            if let failure = result.lastFailure { return Termination.run(failure).exitCode }
        }
        return 0
    }

    /// A hint when the key in use is not the one the log was written with.
    private func keyHint(_ header: SessionHeader?, _ credentials: Credentials, _ mismatch: ReplayMismatch) -> String? {
        guard mismatch.field == "signature" || mismatch.field == "key type", let header else { return nil }
        if header.maskedAPIKey != credentials.maskedAPIKey || header.keyType != credentials.signer.keyType {
            return "the log was signed with \(header.keyType?.rawValue ?? "no") key \(header.maskedAPIKey ?? "-") "
                + "(\(header.keySource ?? "?")); the key in use is \(credentials.signer.keyType.rawValue) "
                + "\(credentials.maskedAPIKey) (\(credentials.source))"
        }
        return "same API key, different signature: the secret or private key differs from the one used then"
    }

    /// `--live`: the top-level statements, run again as a new session.
    private func replayLive() async -> Int32 {
        let statements: [String]
        let variables: [String: Script.Value]
        do {
            (statements, variables) = try Self.topLevelStatements(of: log)
        } catch {
            return Termination.runtime(error.message, hint: error.hint).report(format: options.output)
        }
        guard !statements.isEmpty else {
            return Termination.runtime("\(log) has no statements to replay").report(format: options.output)
        }
        // Where the statements would really go (--endpoint, else the profile's endpoint): the
        // one live predicate decides whether to ask, not the word typed on the command line.
        let choice: EndpointChoice
        do {
            choice = try TransportFactory.endpoint(option: options.endpoint, profile: try TransportFactory.profile())
        } catch {
            return Termination.usage(error.message, hint: error.hint).report(format: options.output)
        }
        if choice.isLive && !options.yes && !options.dryRun {
            guard isatty(0) == 1 else {
                return Termination.usage(
                    "replaying \(statements.count) statement(s) against the live exchange (\(choice.baseURL)) needs "
                        + "confirmation, and standard input is not a terminal to ask on; nothing sent",
                    hint: "pass --yes to send them without asking"
                ).report(format: options.output)
            }
            Console.write(
                fd: 2,
                TerminalText.escaped(
                    "send the \(statements.count) statement(s) of \(log) to the live exchange (\(choice.baseURL))? [y/N] "))
            guard let answer = readLine(), ["y", "yes"].contains(answer.lowercased()) else {
                return Termination.runtime("nothing sent: the replay was not confirmed").report(format: options.output)
            }
        }
        let session: ScriptSession
        do {
            // The replay's own log, marked as a replay (the session below then uses it).
            try SessionLogSetup.open(options: options, variables: variables, mode: "replay")
            session = try ExecutionSetup.session(options: options, variables: variables)
        } catch {
            let failure = Termination.usage(error.message, hint: error.hint)
            SessionLogSetup.close(exitCode: failure.exitCode)
            return failure.report(format: options.output)
        }
        var code: Int32 = 0
        for statement in statements {
            let ending = Termination.run(await session.run(statement, file: log))
            code = ending.report(format: options.output)
            if code != 0 { break }
        }
        Console.scriptOutput.flush() // the replayed statements' output, before the log closes
        SessionLogSetup.close(exitCode: code)
        return code
    }

    /// The depth-0 statements of a log and its `--set` variables.
    static func topLevelStatements(of path: String) throws(SessionLogError) -> ([String], [String: Script.Value]) {
        var statements: [String] = []
        var variables: [String: Script.Value] = [:]
        for entry in try SessionLogReader(path: path, kinds: ["header", "statement"], topLevelStatementsOnly: true) {
            switch entry {
            case .record(.header(let header), _):
                for (name, text) in header.variables { variables[name] = Value(literal: text) }
            case .record(.statement(let statement), _) where statement.depth == 0:
                statements.append(statement.source)
            case .issue(let issue):
                Console.warning("\(path): \(issue)")
            default:
                continue
            }
        }
        return (statements, variables)
    }
}

/// Discards a script's output (`--verify` reports only the comparison).
struct SilentOutput: ScriptOutputSink {
    func emit(_ output: ScriptOutput) {}
}
