import BinanceAPI
import Script
import SessionLog
import Synchronization

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The session log of this invocation: opened once from `--log FILE` / `--no-log`, then shared
/// by the exchange client (request observer) and the script session (statement events).
///
/// A run that sends requests writes a log by default, in `$XDG_STATE_HOME/bnc/sessions/`. A dry
/// run sends nothing and writes a log only when `--log FILE` asks for one.
enum SessionLogSetup {
    private static let slot = WriterSlot()

    /// The open log, if any.
    static var current: SessionLogWriter? { slot.writer }

    /// Opens the log for a session about to run (`mode`: script, command, shell, replay).
    /// Returns nil with `--no-log`, and for a dry run without `--log`.
    @discardableResult
    static func open(options: GlobalOptions, variables: [String: Value], mode: String) throws(ExecutionSetup.SetupError)
        -> SessionLogWriter?
    {
        if let existing = current { return existing }
        if options.noLog && options.log != nil {
            throw ExecutionSetup.SetupError(message: "--log and --no-log exclude each other", hint: "choose one")
        }
        if options.noLog || (options.dryRun && options.log == nil) { return nil }
        // The same endpoint and key the client will use (profile included); a problem with them
        // is reported by the client's set-up, so here it only leaves the header without them.
        let profile = (try? TransportFactory.profile()) ?? ConnectionProfile()
        let choice = (try? TransportFactory.endpoint(option: options.endpoint, profile: profile)) ?? options.endpointChoice
        let credentials = (try? TransportFactory.credentials(for: choice, profile: profile)) ?? nil
        var header = SessionHeader(
            bncVersion: BNCVersion.current, endpoint: choice.name, baseURL: choice.baseURL,
            credentials: credentials, mode: options.dryRun ? "dry-run" : mode,
            fixedClock: options.timestamp, variables: variables.mapValues(\.text))
        // The proxy in use, host and port only (its credentials never reach the log).
        header.proxy = (try? TransportFactory.proxy(for: choice, profile: profile)).flatMap { $0?.display }
        do throws(SessionLogError) {
            let writer: SessionLogWriter
            if let path = options.log {
                writer = try SessionLogWriter(path: path, header: header)
            } else {
                writer = try SessionLogWriter.create(header: header)
            }
            slot.writer = writer
            return writer
        } catch {
            throw ExecutionSetup.SetupError(message: error.message, hint: error.hint)
        }
    }

    /// Writes the end record and closes the log.
    static func close(exitCode: Int32) {
        // A write that failed mid-session is said once, at the end: records after it are missing.
        if let failure = current?.close(exitCode: Int(exitCode)) {
            Console.warning("the session log is incomplete: \(failure.message); nothing after that was recorded")
        }
    }
}

/// Holds the writer for the process; set once, read from the signal handler and the client.
private final class WriterSlot: Sendable {
    private let stored = Mutex<SessionLogWriter?>(nil)

    var writer: SessionLogWriter? {
        get { stored.withLock { $0 } }
        set { stored.withLock { $0 = newValue } }
    }
}
