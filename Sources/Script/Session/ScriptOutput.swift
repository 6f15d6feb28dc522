import BinanceAPI

/// What a running script shows the user. The Shell's renderers turn these into text or JSON
/// lines; the Script layer never writes to a terminal itself.
package enum ScriptOutput: Sendable {
    /// A `print` statement's line.
    case printed(String)
    /// A value shown by an expression statement (`$r`). `wide` when the statement ended in
    /// `wide` (`$r wide`): text shows every field, whatever the column setting says.
    case value(Value, wide: Bool = false)
    /// An operation was performed (or, in a dry run, prepared). `bound` is true when the result
    /// went into a variable (`let r = cancel ...`), which the text renderer does not echo
    /// except in a dry run. `wide` when the statement ended in `wide` (`open LTCBTC wide`).
    case reply(OperationReply, command: String, bound: Bool, wide: Bool = false)
    /// A long loop is still running (emitted at most about once a second).
    case progress(LoopProgress)
}

/// How far a long loop has got.
package struct LoopProgress: Sendable, Hashable {
    /// The loop's location.
    package var location: SourceLocation
    /// Iterations finished.
    package var done: Int64
    /// Iterations in all, when known.
    package var total: Int64?
    /// Requests performed so far in this run.
    package var requests: Int

    package init(location: SourceLocation, done: Int64, total: Int64?, requests: Int) {
        self.location = location
        self.done = done
        self.total = total
        self.requests = requests
    }
}

/// Receives a script's output.
package protocol ScriptOutputSink: Sendable {
    func emit(_ output: ScriptOutput)

    /// Shows everything emitted so far. A sink may hold output back to write it in large
    /// pieces; the interpreter calls this before it waits (`sleep`, a request on the wire), so
    /// that what was printed is on screen while it waits.
    func flush()

    /// Called before a request goes on the wire. A sink whose output someone watches as it
    /// happens (a terminal) shows what it holds; one writing to a file or pipe may keep
    /// gathering (bnc's flushes by a timer), saving a write per request in a long loop.
    func willWait()

    /// A dry-run command statement's request (not bound to a variable): what
    /// `emit(.reply(OperationReply(dryRun: request, baseURL: baseURL), command: command, bound: false, wide: wide))`
    /// shows, which is what the default does. The interpreter of a dry run calls this instead of
    /// making a reply, so a printer can write the request out without one being built, copied
    /// and destroyed for every statement of a loop.
    func emitDryRun(_ request: PreparedRequest, baseURL: String, command: String, wide: Bool)
}

extension ScriptOutputSink {
    /// Sinks that write through (or collect) have nothing to flush.
    package func flush() {}

    package func willWait() { flush() }

    package func emitDryRun(_ request: PreparedRequest, baseURL: String, command: String, wide: Bool) {
        emit(.reply(OperationReply(dryRun: request, baseURL: baseURL), command: command, bound: false, wide: wide))
    }
}

/// Sees each statement before it runs; the session log is one.
package protocol ScriptEventSink: Sendable {
    /// Called before `event`'s statement runs (a loop's statements once per iteration).
    func statementWillRun(_ event: StatementEvent)
    /// Called when a run stops at the interrupt flag (Ctrl-C) between statements.
    func runWasInterrupted(_ summary: String)
}

extension ScriptEventSink {
    package func runWasInterrupted(_ summary: String) {}
}

/// A statement about to run.
package struct StatementEvent: Sendable, Hashable {
    /// The statement's source text (a block statement includes its block).
    package var text: String
    package var file: String
    package var line: Int
    package var column: Int

    package init(text: String, file: String, line: Int, column: Int) {
        self.text = text
        self.file = file
        self.line = line
        self.column = column
    }
}
