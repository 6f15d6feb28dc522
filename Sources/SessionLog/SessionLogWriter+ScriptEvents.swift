import Script

/// The writer sees every statement before it runs.
extension SessionLogWriter: ScriptEventSink {
    public func statementWillRun(_ event: StatementEvent) {
        recordStatement(event)
    }
}
