import ArgumentParser
import BinanceAPI
import BinanceSimulator
import Script
import SessionLog
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

/// How bnc ends when it does not simply succeed, and the one map from that to the exit code and
/// to what is printed. README's "Exit codes" is this table: 0 success, 1 runtime or exchange
/// error, 2 usage or validation error (nothing sent), 130 a second Ctrl-C.
///
/// Text always goes to standard error (`bnc: error: …` and a hint, or the diagnostics). With
/// `--output json` each error is also one JSON object on standard output, after the results,
/// `{"error":{"kind","code","name","message","hint","outcomeUnknown","location"}}`, so a pipeline
/// never parses text.
enum Termination: Error {
    /// Wrong arguments, a bad script or set-up that cannot work: nothing was sent. `kind` is the
    /// JSON `kind` when a more precise one applies (`credentials`, as `$e.kind` says it).
    case usage(String, hint: String? = nil, kind: String? = nil)
    /// A failure while running, replaying, reading a log or serving (`bnc sim`).
    case runtime(String, hint: String? = nil, kind: String? = nil)
    /// A script run; only its status decides the code (a completed one is 0).
    case run(RunOutcome)
    /// `bnc check` found errors in `file`: its diagnostics, then the file's count of them.
    case checkFailed(file: String, diagnostics: [Diagnostic])

    /// A usage error from a typed error: its message, hint and kind as the error says them.
    static func usage(_ error: some ExplainedError) -> Termination {
        .usage(error.message, hint: error.hint, kind: error.kind)
    }

    /// A runtime error from a typed error: its message, hint and kind as the error says them.
    static func runtime(_ error: some ExplainedError) -> Termination {
        .runtime(error.message, hint: error.hint, kind: error.kind)
    }

    /// A second Ctrl-C ends the process at once, as a shell's child does (128 + SIGINT).
    static let interruptedAgain: Int32 = 130

    /// The exit code. Every exit code of a run or of an error comes from here.
    var exitCode: Int32 {
        switch self {
        case .usage, .checkFailed: return 2
        case .runtime: return 1
        case .run(let outcome):
            switch outcome.status {
            case .completed: return 0
            case .rejected: return 2
            case .failed(let failure): return failure.isUsageError ? 2 : 1
            case .interrupted: return 1
            }
        }
    }

    /// Prints it — text on standard error; with `format` json also the error objects on
    /// standard output — and returns its exit code.
    @discardableResult
    func report(format: OutputFormat) -> Int32 {
        Console.write(fd: 2, text)
        if format == .json { writeJSON() }
        return exitCode
    }

    /// Runs a subcommand's body: a `Termination` it throws is reported in `format` and becomes
    /// the `ExitCode` ArgumentParser ends the process with. Commands print no error of their own.
    static func reporting(format: OutputFormat, _ body: () throws(Termination) -> Void) throws(ExitCode) {
        do {
            try body()
        } catch {
            throw ExitCode(error.report(format: format))
        }
    }

    /// ``reporting(format:_:)`` for an async body.
    static func reporting(format: OutputFormat, _ body: () async throws(Termination) -> Void) async throws(ExitCode) {
        do {
            try await body()
        } catch {
            throw ExitCode(error.report(format: format))
        }
    }

    /// Writes the JSON objects to standard output, one a line (after any pending results).
    func writeJSON() {
        for object in jsonObjects { Console.write(fd: 1, object.serialized + "\n") }
    }

    /// The text form, for standard error: control characters from outside escaped.
    var text: String {
        switch self {
        case .usage(let message, let hint, _), .runtime(let message, let hint, _):
            var text = "bnc: error: \(TerminalText.escaped(message))\n"
            if let hint { text += "hint: \(TerminalText.escaped(hint))\n" }
            return text
        case .checkFailed(let file, let diagnostics):
            let count = "\(diagnostics.count) error\(diagnostics.count == 1 ? "" : "s")"
            return Self.rendered(diagnostics) + "\(TerminalText.escaped(file)): \(count)\n"
        case .run(let outcome):
            var text = Self.rendered(outcome.diagnostics)
            switch outcome.status {
            case .completed, .rejected:
                break
            case .failed, .interrupted:
                if let summary = outcome.summary { text += "bnc: \(TerminalText.escaped(summary))\n" }
            }
            return text
        }
    }

    /// Diagnostics as the check prints them, coloured only on a terminal without NO_COLOR.
    private static func rendered(_ diagnostics: [Diagnostic]) -> String {
        // A run that completed has none: the first `joined()` of the process (its generic metadata
        // and conformance look-ups) was 1.3% of a dry run's start (docs/performance.md, "Fifth pass").
        guard !diagnostics.isEmpty else { return "" }
        let colour = isatty(2) == 1 && getenv("NO_COLOR") == nil
        return diagnostics.map { DiagnosticRenderer.render($0, colour: colour) + "\n" }.joined()
    }

    /// One `check` object per diagnostic, with its location.
    private static func checkErrors(_ diagnostics: [Diagnostic]) -> [JSONValue] {
        diagnostics.map { error(kind: "check", message: $0.message, hint: $0.hint, location: $0.location.description) }
    }

    /// The JSON form: one object per error (a rejected script has one per check error).
    var jsonObjects: [JSONValue] {
        switch self {
        case .usage(let message, let hint, let kind):
            return [Self.error(kind: kind ?? "usage", message: message, hint: hint)]
        case .runtime(let message, let hint, let kind):
            return [Self.error(kind: kind ?? "runtime", message: message, hint: hint)]
        case .checkFailed(_, let diagnostics):
            return Self.checkErrors(diagnostics)
        case .run(let outcome):
            switch outcome.status {
            case .completed:
                return []
            case .rejected:
                return Self.checkErrors(outcome.diagnostics)
            case .failed(let failure):
                return [
                    Self.error(
                        kind: failure.kind.rawValue, code: failure.code, name: failure.name, message: failure.message,
                        hint: outcome.diagnostics.first?.hint ?? failure.hint, outcomeUnknown: failure.outcomeUnknown,
                        location: outcome.diagnostics.first?.location.description)
                ]
            case .interrupted:
                return [Self.error(kind: "interrupted", message: outcome.summary ?? "interrupted")]
            }
        }
    }

    /// Longest text taken into a JSON error: a server's message or hint can be any size.
    static let maximumTextLength = 4096

    /// `{"error":{…}}` with every field present (null when it does not apply), in one order.
    static func error(
        kind: String, code: Int? = nil, name: String? = nil, message: String, hint: String? = nil,
        outcomeUnknown: Bool = false, location: String? = nil
    ) -> JSONValue {
        func text(_ value: String?) -> JSONValue {
            guard let value else { return .null }
            return .string(value.count > maximumTextLength ? value.prefix(maximumTextLength) + "…" : value)
        }
        return .object(
            JSONObject([
                (
                    "error",
                    .object(
                        JSONObject([
                            ("kind", .string(kind)),
                            ("code", code.map { .number(String($0)) } ?? .null),
                            ("name", text(name)),
                            ("message", text(message)),
                            ("hint", text(hint)),
                            ("outcomeUnknown", .bool(outcomeUnknown)),
                            ("location", text(location))
                        ]))
                )
            ]))
    }

    /// Whether the command line asks for JSON output, for errors found before the options are
    /// parsed (`--output json`, `--output=json`).
    static func commandLineAsksForJSON(_ arguments: [String]) -> Bool {
        zip(arguments, arguments.dropFirst()).contains { $0 == "--output" && $1 == "json" }
            || arguments.contains("--output=json")
    }
}

/// An error that says what happened and what to do next: all `Termination` needs to print it.
/// Errors from the libraries conform here, so a command hands the error itself to
/// `Termination.usage(_:)` or `.runtime(_:)` rather than copying its text.
protocol ExplainedError: Error {
    /// What went wrong, in one line (text from outside is escaped when printed).
    var message: String { get }
    /// A next step for the user, when there is one.
    var hint: String? { get }
    /// The JSON `kind` when it is more precise than `usage` or `runtime`.
    var kind: String? { get }
}

extension ExplainedError {
    var hint: String? { nil }
    var kind: String? { nil }
}

extension CredentialsError: ExplainedError {
    /// As a script's `$e.kind` names a credentials failure.
    var kind: String? { "credentials" }
}

extension SessionLogError: ExplainedError {}
extension SimulatorSetupError: ExplainedError {}
extension ExecutionSetup.SetupError: ExplainedError {}
extension InteractiveShell.SessionUnavailable: ExplainedError {}
