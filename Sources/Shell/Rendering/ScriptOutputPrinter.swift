import BinanceAPI
import Script
import Synchronization

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The output sink bnc uses: renders a script's output as text or JSON lines and hands each
/// piece to `write` (standard output) — progress goes to `progress` (standard error, only on a
/// terminal).
package final class ScriptOutputPrinter: ScriptOutputSink, Sendable {
    package let format: RenderFormat
    package let renderer: ValueTextRenderer
    /// Columns, time zone and width for text output, read at each output (the shell changes them).
    package let display: DisplaySettings
    private let write: @Sendable (String) -> Void
    private let progress: (@Sendable (String) -> Void)?
    private let notes: (@Sendable (String) -> Void)?
    /// Set when the printer renders into a buffer (scripts); nil when it hands text to `write`.
    private let buffer: OutputBuffer?
    /// Whether the last output was a dry-run text block (a blank line goes before the next).
    /// Printing through `write`, the text is handed over while the mutex is held, on purpose, so
    /// that blocks keep their order; printing into the buffer, it is taken inside the buffer's
    /// lock (always in that order: buffer, then this).
    private let lastWasDryRunBlock = Mutex(false)

    /// - Parameters:
    ///   - write: receives complete lines, each ending in a newline.
    ///   - progress: receives progress lines for long loops; nil to drop them.
    ///   - notes: receives `note:` lines about what the client did on its own (waited for the
    ///     rate limit, resynced the clock); nil to drop them.
    package init(
        format: RenderFormat, colour: Bool = false, display: DisplaySettings = DisplaySettings(),
        write: @escaping @Sendable (String) -> Void,
        progress: (@Sendable (String) -> Void)? = nil, notes: (@Sendable (String) -> Void)? = nil
    ) {
        self.format = format
        self.renderer = ValueTextRenderer(colour: colour)
        self.display = display
        self.write = write
        self.progress = progress
        self.notes = notes
        self.buffer = nil
    }

    /// A printer that renders into `buffer`, which writes standard output in large pieces: for
    /// scripts, where a loop may print a record per statement. Dry-run requests are rendered
    /// straight into the buffer's bytes. Whoever writes to standard error must ``flush()`` first
    /// (bnc's `Console` does), so the two streams keep their order. When the buffer writes to a
    /// terminal, tables are fitted to its width (read at each output).
    package init(
        format: RenderFormat, colour: Bool = false, display: DisplaySettings? = nil, buffer: OutputBuffer,
        progress: (@Sendable (String) -> Void)? = nil, notes: (@Sendable (String) -> Void)? = nil
    ) {
        self.format = format
        self.renderer = ValueTextRenderer(colour: colour)
        let descriptor = buffer.fileDescriptor
        if let display {
            self.display = display
        } else if buffer.isTerminal {
            self.display = DisplaySettings(width: { @Sendable () -> Int? in TerminalSize.of(descriptor)?.columns })
        } else {
            self.display = DisplaySettings()
        }
        self.write = { buffer.append($0) }
        self.progress = progress
        self.notes = notes
        self.buffer = buffer
    }

    /// Writes out what the buffer holds (nothing to do when printing through `write`).
    package func flush() {
        buffer?.flush()
    }

    /// Before a request: a terminal shows what was printed at once; a file or pipe gets it from
    /// the buffer's timer (within its interval), not a `write(2)` per request.
    package func willWait() {
        guard let buffer, buffer.isTerminal else { return }
        buffer.flush()
    }

    package func emit(_ output: ScriptOutput) {
        switch output {
        case .progress(let report):
            progress?(Self.progressLine(report))
            return
        case .reply(let reply, _, let bound, let wide):
            // One binding of the reply for all of the checks below: each `case .reply(let reply …)`
            // copies it (a dozen references retained and released), measurable in a dry-run loop.
            if let notes {
                for event in reply.events { notes("note: \(TerminalText.escaped(event.message))\n") }
            }
            if let buffer, reply.isDryRun {
                writeDryRun(reply.request, baseURL: reply.baseURL, to: buffer)
                return
            }
            // An answer shown as plain record lines (a cancel's order) goes straight into the
            // buffer, as `render` would give it, without a `String` between.
            if let buffer, format == .text, !bound, let lines = plainLines(reply, wide: wide) {
                buffer.write(maximumCount: lines.byteCount + 1) { output in
                    _ = swapDryRunBlock(false)
                    lines.write(to: &output)
                    output.append(UInt8(ascii: "\n"))
                }
                return
            }
        default:
            break
        }
        guard let text = render(output) else { return }
        if let buffer {
            // The buffer's lock orders the output and guards `lastWasDryRunBlock`.
            let isDryRunBlock = Self.isDryRunBlock(output, format: format)
            var block = text
            block.withUTF8 { bytes in
                buffer.write(maximumCount: bytes.count + 2) { output in
                    if swapDryRunBlock(isDryRunBlock) && isDryRunBlock { output.append(UInt8(ascii: "\n")) }
                    output.append(bytes)
                    output.append(UInt8(ascii: "\n"))
                }
            }
            return
        }
        let isDryRunBlock = Self.isDryRunBlock(output, format: format)
        lastWasDryRunBlock.withLock { lastWasDryRunBlock in
            var block = text
            // Dry-run blocks are several lines each: a blank line between two keeps them apart.
            if isDryRunBlock && lastWasDryRunBlock { block = "\n" + block }
            lastWasDryRunBlock = isDryRunBlock
            write(block + "\n")
        }
    }

    /// Notes whether this output is a dry-run text block; returns whether the last one was.
    private func swapDryRunBlock(_ isDryRunBlock: Bool) -> Bool {
        lastWasDryRunBlock.withLock { last in
            defer { last = isDryRunBlock }
            return last
        }
    }

    /// A dry-run statement's request: written straight into the buffer (no reply is made);
    /// printing through `write`, shown as its reply would be.
    package func emitDryRun(_ request: PreparedRequest, baseURL: String, command: String, wide: Bool) {
        guard let buffer else {
            emit(.reply(OperationReply(dryRun: request, baseURL: baseURL), command: command, bound: false, wide: wide))
            return
        }
        writeDryRun(request, baseURL: baseURL, to: buffer)
    }

    /// The hot path of a dry-run loop: the request's text, or its JSON line, goes straight into
    /// the buffer (no string built). It takes the request and base URL, not the reply: the
    /// closures below capture only these two references, where capturing the reply copied it
    /// (every field retained and released) once per statement.
    private func writeDryRun(_ request: PreparedRequest, baseURL: String, to buffer: OutputBuffer) {
        switch format {
        case .text:
            buffer.write(maximumCount: request.dryRunTextCapacity(baseURL: baseURL) + 2) { output in
                if swapDryRunBlock(true) { output.append(UInt8(ascii: "\n")) }
                request.writeDryRunText(baseURL: baseURL, to: &output)
                output.append(UInt8(ascii: "\n"))
            }
        case .json:
            buffer.write(maximumCount: request.dryRunJSONCapacity(baseURL: baseURL) + 1) { output in
                _ = swapDryRunBlock(false)
                request.writeDryRunJSON(baseURL: baseURL, to: &output)
                output.append(UInt8(ascii: "\n"))
            }
        }
    }

    /// Whether `output` is a dry-run request shown as a text block (a blank line separates two).
    private static func isDryRunBlock(_ output: ScriptOutput, format: RenderFormat) -> Bool {
        if case .reply(let reply, _, _, _) = output, reply.isDryRun, format == .text { return true }
        return false
    }

    /// The text for one output, or nil when it shows nothing.
    package func render(_ output: ScriptOutput) -> String? {
        switch (format, output) {
        case (_, .progress):
            return nil
        case (.text, .printed(let line)):
            // `print $orders`: a list of records is shown as a table, as `$orders` alone is.
            if let table = Self.table(printed: line, renderer: textRenderer) { return table }
            // What a script prints may quote the exchange (`print $e.msg`): its line breaks are
            // the script's, any other control character is shown escaped.
            return TerminalText.escaped(line, keepingLineBreaks: true)
        case (.json, .printed(let line)):
            return JSONValue.object(JSONObject([("print", .string(line))])).serialized
        case (.text, .value(let value, let wide)):
            return textRenderer(wide: wide).render(value)
        case (.json, .value(let value, _)):
            return value.json.serialized
        case (.text, .reply(let reply, _, let bound, let wide)):
            if reply.isDryRun { return reply.request.dryRunText(baseURL: reply.baseURL) }
            if bound { return nil }
            if let clock = ClockReport.text(reply, zone: display.options.time) { return clock }
            return textRenderer(wide: wide).render(reply.value)
        case (.json, .reply(let reply, _, let bound, _)):
            if reply.isDryRun { return reply.request.dryRunJSONText(baseURL: reply.baseURL) }
            return bound ? nil : (reply.response ?? reply.value.json).serialized
        }
    }

    /// A sent reply's text when it is plain record lines (``ValueTextRenderer/plainRecordLines(_:)``),
    /// exactly as ``render(_:)`` shows it; nil when `render` shows anything else.
    private func plainLines(_ reply: OperationReply, wide: Bool) -> PlainFieldLines? {
        let renderer = textRenderer(wide: wide)
        guard ClockReport.text(reply, zone: renderer.options.time) == nil else { return nil }
        return renderer.plainRecordLines(reply.value)
    }

    /// The renderer with the display's current options.
    private var textRenderer: ValueTextRenderer { textRenderer(wide: false) }

    /// The renderer with the display's current options; every column when the statement ended
    /// in `wide`.
    private func textRenderer(wide: Bool) -> ValueTextRenderer {
        var renderer = renderer
        renderer.options = display.options
        if wide { renderer.options.columns = .all }
        return renderer
    }

    /// A printed line that is a list of records (`print $orders` prints its JSON text) as a
    /// table; nil for anything else. Only lines starting `[{` are parsed, so the common `print`
    /// of a message costs nothing.
    static func table(printed line: String, renderer: ValueTextRenderer) -> String? {
        guard line.utf8.count >= 4, line.hasPrefix("[{"), line.hasSuffix("}]"),
            let json = try? JSONValue.parse(line)
        else { return nil }
        let value = Value(json: json)
        guard case .list(let values) = value, values.allSatisfy(\.isRecord) else { return nil }
        return renderer.render(value)
    }

    static func progressLine(_ report: LoopProgress) -> String {
        let total = report.total.map { " of \($0)" } ?? ""
        return
            "… loop at line \(report.location.line): \(report.done)\(total) iterations, \(report.requests) requests (Ctrl-C stops)\n"
    }
}
