import BinanceAPI
import Script

/// Replays a log through the interpreter: `--verify` and `--offline`.
///
/// The log is read twice at once, both streaming: one reader feeds the top-level statements
/// to a ``ScriptSession`` (so variables, loops and branches run again), the other — inside the
/// ``ReplayTransport`` — serves the recorded responses and compares every request with its
/// record. Memory stays constant whatever the log's size.
package struct SessionReplay {
    package enum Mode: Sendable, Hashable {
        /// Compare canonical queries and signatures; the script's output is not shown.
        case verify
        /// Show the script's output as it ran; compare queries but not signatures (any key).
        case offline
    }

    /// What a replay found.
    package struct Result: Sendable {
        package var header: SessionHeader?
        package var statements = 0
        package var requests = 0
        /// The first difference; nil when every request matched.
        package var mismatch: ReplayMismatch?
        /// The log ends before its session did (interrupt or crash): the replay stopped there.
        package var recordingEnded = false
        /// Damaged lines of the log.
        package var issues: [SessionLogIssue] = []
        /// Script diagnostics of the replayed statements that failed (as they did when recorded).
        package var diagnostics: [Diagnostic] = []
        /// The last replayed statement that failed (or was interrupted), as its run ended.
        package var lastFailure: RunOutcome?
        /// The exit code the recorded session ended with (its `end` record); nil for a log cut
        /// short. A shell session goes on after a failed statement and may end with 0.
        package var recordedExitCode: Int?
        /// Why the log could not be replayed at all.
        package var problem: String?
    }

    package let path: String
    package let mode: Mode
    package let credentials: Credentials?
    package let output: any ScriptOutputSink
    /// Told of each replayed statement that fails, when it fails: an offline replay shows the
    /// error where the run showed it, between the outputs of the statements around it (for a
    /// shell session's log, without a script run's closing summary).
    package let failed: (@Sendable (RunOutcome) -> Void)?

    package init(
        path: String, mode: Mode, credentials: Credentials?, output: any ScriptOutputSink,
        failed: (@Sendable (RunOutcome) -> Void)? = nil
    ) {
        self.path = path
        self.mode = mode
        self.credentials = credentials
        self.output = output
        self.failed = failed
    }

    package func run() async throws(SessionLogError) -> Result {
        var result = Result()
        let statements = try SessionLogReader(
            path: path, kinds: ["header", "statement", "end"], topLevelStatementsOnly: true)
        guard let header = Self.header(of: statements, into: &result) else {
            result.problem = "\(path) does not start with a session-log header"
            return result
        }
        result.header = header
        let transport = try ReplayTransport(path: path, baseURL: header.baseURL, checksSignatures: mode == .verify)
        let interrupt = InterruptFlag()
        let session = ScriptSession(
            host: ReplayHost(transport: transport, credentials: credentials, interrupt: interrupt), output: output,
            interrupt: interrupt)
        for (name, text) in header.variables { session.setVariable(name, Value(literal: text)) }
        for entry in statements {
            if transport.mismatch != nil || transport.recordingEnded { break }
            switch entry {
            case .issue(let issue):
                if result.issues.count < 100 { result.issues.append(issue) }
            case .record(.end(let end), _):
                result.recordedExitCode = end.exitCode
            case .record(.statement(let statement), _) where statement.depth == 0:
                result.statements += 1
                let outcome = await session.run(statement.source, file: statement.file ?? "<input>")
                result.diagnostics += outcome.diagnostics.prefix(max(0, 20 - result.diagnostics.count))
                switch outcome.status {
                case .failed, .interrupted, .rejected:
                    result.lastFailure = outcome
                    // A shell session went on after a failed statement: its failure comes
                    // without the summary that ends a script run.
                    var shown = outcome
                    if header.mode == "shell" { shown.summary = nil }
                    failed?(shown)
                case .completed:
                    break
                }
            default:
                continue
            }
        }
        result.recordingEnded = transport.recordingEnded
        result.mismatch = result.recordingEnded ? transport.mismatch : transport.finish()
        result.requests = transport.requestsServed
        return result
    }

    /// Reads up to the header (the first record).
    private static func header(of reader: SessionLogReader, into result: inout Result) -> SessionHeader? {
        while let entry = reader.next() {
            switch entry {
            case .record(.header(let header), _): return header
            case .record: return nil
            case .issue(let issue): result.issues.append(issue)
            }
        }
        return nil
    }
}
