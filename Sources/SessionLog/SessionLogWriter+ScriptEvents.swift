import Script

/// The writer sees every statement before it runs.
extension SessionLogWriter: ScriptEventSink {
    public func statementWillRun(_ event: StatementEvent) {
        recordStatement(event)
    }

    /// A run stopped by Ctrl-C: recorded once, whether the signal handler (scripts) or the
    /// interpreter (the shell, which handles SIGINT itself) reports it first.
    public func runWasInterrupted(_ summary: String) {
        recordInterruptOnce(signal: "SIGINT")
    }
}
