import Script

/// The writer sees every statement before it runs.
extension SessionLogWriter: ScriptEventSink {
    /// A statement holding a secret (by ``SecretText``'s rules, the same the shell's history
    /// uses) is recorded with its text replaced by a comment that says why: the log keeps
    /// that a statement ran, never the secret.
    package func statementWillRun(_ event: StatementEvent) {
        guard let reason = StatementRedaction.reason(in: event.text) else {
            recordStatement(event)
            return
        }
        var redacted = event
        redacted.text = StatementRedaction.placeholder(reason, replacing: event.text)
        recordStatement(redacted)
    }

    /// A run stopped by Ctrl-C: recorded once, whether the signal handler (scripts) or the
    /// interpreter (the shell, which handles SIGINT itself) reports it first.
    package func runWasInterrupted(_ summary: String) {
        recordInterruptOnce(signal: "SIGINT")
    }
}
