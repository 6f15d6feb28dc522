import ArgumentParser
import SessionLog

/// `bnc log show LOG` and `bnc log script LOG`: read a session log.
struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Read a session log: render it, or print its statements as a script.",
        discussion: "Logs are in $XDG_STATE_HOME/bnc/sessions/ (default ~/.local/state/bnc/sessions/); see docs/session-log.md.",
        subcommands: [LogShowCommand.self, LogScriptCommand.self]
    )
}

/// `bnc log show LOG`.
struct LogShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Render a session log readably; requests without a response are marked OUTCOME UNKNOWN.",
        discussion:
            "Damaged lines (a half-written last line after a crash) are reported and skipped. Exit 0 when the log was read, 1 when it could not be."
    )

    @Argument(help: "The session log file (.jsonl).")
    var log: String

    func run() throws {
        try Termination.reporting(format: .text) { () throws(Termination) in try show() }
    }

    private func show() throws(Termination) {
        let reader = try LogCommand.open(log)
        var renderer = SessionLogRenderer()
        var output = OutputBatch()
        for entry in reader {
            for line in renderer.render(entry) { output.append(line) }
        }
        for line in renderer.finish() { output.append(line) }
        output.flush()
        try LogCommand.check(reader)
    }
}

/// `bnc log script LOG`.
struct LogScriptCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "script",
        abstract: "Print the statements of a session log as a .bnc script.",
        discussion:
            "Top-level statements only, in the order they ran (loops with their whole body). Damaged lines are reported on standard error."
    )

    @Argument(help: "The session log file (.jsonl).")
    var log: String

    func run() throws {
        try Termination.reporting(format: .text) { () throws(Termination) in try printScript() }
    }

    private func printScript() throws(Termination) {
        let reader = try LogCommand.open(log)
        var script = SessionLogScript()
        var output = OutputBatch()
        for entry in reader {
            if case .issue(let issue) = entry { Console.warning("\(log): \(issue)") }
            for line in script.lines(for: entry) { output.append(line) }
        }
        output.flush()
        try LogCommand.check(reader)
    }
}

extension LogCommand {
    /// Opens `path`; a log that cannot be opened is a runtime error (exit 1, as `log show` says).
    static func open(_ path: String) throws(Termination) -> SessionLogReader {
        do {
            return try SessionLogReader(path: path)
        } catch {
            throw .runtime(error)
        }
    }

    /// A runtime error when reading stopped on an I/O error: what was shown is not the whole log.
    static func check(_ reader: SessionLogReader) throws(Termination) {
        if let error = reader.readError { throw .runtime(error) }
    }
}

/// Collects output lines and writes them in large blocks (a long log is many lines).
struct OutputBatch {
    private var text = ""

    mutating func append(_ line: String) {
        text += line
        text += "\n"
        if text.utf8.count >= 64 * 1024 { flush() }
    }

    mutating func flush() {
        guard !text.isEmpty else { return }
        Console.write(fd: 1, text)
        text = ""
    }
}
