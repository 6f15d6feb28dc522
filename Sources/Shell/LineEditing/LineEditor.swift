import CEditlineShim

/// The user-facing side of the shell, over the system libedit: owns the `EditLine` and its
/// `HistoryW`, shows the prompt, reads one line at a time with libedit's own key bindings
/// (emacs by default; `~/.editrc` may say `bind -v`), completes on TAB, searches history on
/// Ctrl-R, and turns Ctrl-C into `.interrupted` instead of letting it end the process.
///
/// It knows nothing about the language: completion goes through `completionHandler`.
/// Use it from one thread only; libedit is not thread-safe.
package final class LineEditor {
    /// Completes the text before the cursor (given as the current line up to the cursor).
    package var completionHandler: ((String) -> Completion)?
    /// The inline hint for the text before the cursor (shown at the right of the line), or nil.
    package var hintHandler: ((String) -> String?)?

    private let editLine: OpaquePointer
    private let history: OpaquePointer
    private var promptBuffer: UnsafeMutablePointer<wchar_t>
    private var hintBuffer: UnsafeMutablePointer<wchar_t>
    /// The visible width of the prompt being shown, for how much room a hint has.
    private var promptWidth = 0
    /// Set once Return is pressed: the accepted line is redrawn without its hint.
    private var accepting = false
    private var interrupted = false
    private var functionNames: [UnsafeMutablePointer<wchar_t>] = []
    /// Returned to libedit if a callback cannot find its editor; never written to.
    nonisolated(unsafe) private static let emptyPrompt = WideString.allocate("")

    /// Opens the editor on the process's terminal with a history of at most `historySize`
    /// entries. Returns nil when libedit cannot start (no usable terminal).
    package init?(program: String = "bnc", historySize: Int = 2000) {
        _ = bnc_prepare_utf8_locale()
        guard bnc_signals_install() == 0 else { return nil }
        guard let editLine = bnc_el_open(program) else { return nil }
        guard let history = bnc_history_open(Int32(clamping: historySize)) else {
            bnc_el_close(editLine)
            return nil
        }
        self.editLine = editLine
        self.history = history
        self.promptBuffer = WideString.allocate("")
        self.hintBuffer = WideString.allocate("")
        configure()
    }

    deinit {
        bnc_el_close(editLine)
        bnc_history_close(history)
        promptBuffer.deallocate()
        hintBuffer.deallocate()
        for name in functionNames { name.deallocate() }
    }

    private func configure() {
        bnc_el_set_clientdata(editLine, Unmanaged.passUnretained(self).toOpaque())
        _ = WideString.with("emacs") { bnc_el_set_editor(editLine, $0) }
        bnc_el_set_prompt(
            editLine,
            { editLine in
                LineEditor.from(editLine)?.promptBuffer ?? LineEditor.emptyPrompt
            }, wchar_t(Prompt.literalMarker.unicodeScalars.first!.value))
        bnc_el_set_rprompt(
            editLine,
            { editLine in
                LineEditor.from(editLine)?.hint() ?? LineEditor.emptyPrompt
            }, wchar_t(Prompt.literalMarker.unicodeScalars.first!.value))
        bnc_el_set_history(editLine, history)
        bnc_el_use_interruptible_reader(editLine)
        addFunction("bnc-complete", help: "Complete the word before the cursor, or list the choices") { editLine, _ in
            guard let editor = LineEditor.from(editLine) else { return EditorStatus.error }
            return editor.complete()
        }
        addFunction("bnc-interrupt", help: "Abandon the line being edited (Ctrl-C)") { editLine, _ in
            guard let editor = LineEditor.from(editLine) else { return EditorStatus.error }
            return editor.interrupt()
        }
        addFunction("bnc-space", help: "Insert a space and show the hint for the next word") { editLine, _ in
            // libedit draws a typed character without redrawing the right prompt; a word is
            // finished here, so the line is redrawn and the hint follows it.
            _ = WideString.with(" ") { bnc_el_insert(editLine, $0) }
            return EditorStatus.refresh
        }
        addFunction("bnc-accept", help: "Accept the line (Return), without its hint on screen") { editLine, _ in
            guard let editor = LineEditor.from(editLine) else { return EditorStatus.error }
            // Redraw the line without the hint; the pushed CR (bound to libedit's own newline)
            // then accepts it.
            editor.accepting = true
            WideString.with("\r") { bnc_el_push(editLine, $0) }
            return EditorStatus.refresh
        }
        // The user's ~/.editrc (or $EDITRC) may switch to vi and add bindings; it resets the
        // keymaps, so bnc's own keys are bound after it.
        bnc_el_source_editrc(editLine)
        bind("\t", to: "bnc-complete")
        bind("^C", to: "bnc-interrupt")
        bind("^R", to: "em-inc-search-prev")
        bind(" ", to: "bnc-space")
        // The terminal turns Return into ^J (ICRNL); ^M is what bnc itself pushes to accept.
        bind("^J", to: "bnc-accept")
        bind("^M", to: "ed-newline")
    }

    /// Shows `prompt` (escape sequences bracketed by `Prompt.literalMarker`) and reads a line.
    package func readLine(prompt: String) -> ReadResult {
        promptBuffer.deallocate()
        promptBuffer = WideString.allocate(prompt)
        promptWidth = prompt.split(separator: Prompt.literalMarker, omittingEmptySubsequences: false)
            .enumerated().filter { $0.offset % 2 == 0 }.map(\.element.count).reduce(0, +)
        interrupted = false
        accepting = false
        bnc_sigint_acknowledge()
        var count: Int32 = 0
        let line = bnc_el_gets(editLine, &count)
        if interrupted {
            interrupted = false
            return .interrupted
        }
        guard let line, count > 0 else { return .eof }
        var text = WideString.string(line, count: Int(count))
        if text.hasSuffix("\n") { text.removeLast() }
        return .line(text)
    }

    /// Adds an entry to the in-memory history (Up arrow, Ctrl-R). Consecutive duplicates are
    /// collapsed by libedit.
    package func addToHistory(_ entry: String) {
        _ = WideString.with(entry) { bnc_history_enter(history, $0) }
    }

    /// The terminal's width in columns.
    package var terminalWidth: Int {
        var columns: Int32 = 80
        var lines: Int32 = 24
        bnc_el_terminal_size(editLine, &columns, &lines)
        return Int(columns)
    }

    // MARK: - Callbacks

    private static func from(_ editLine: OpaquePointer) -> LineEditor? {
        guard let data = bnc_el_get_clientdata(editLine) else { return nil }
        return Unmanaged<LineEditor>.fromOpaque(data).takeUnretainedValue()
    }

    /// The right prompt: the hint for the line so far, cut to the room left on the line.
    private func hint() -> UnsafeMutablePointer<wchar_t> {
        var text = ""
        if !accepting, let handler = hintHandler, let info = bnc_el_line(editLine)?.pointee, let buffer = info.buffer,
            let end = info.lastchar
        {
            let line = WideString.string(buffer, count: end - buffer)
            if let hint = handler(line), let fitted = SyntaxHint.fitted(hint, room: terminalWidth - promptWidth - line.count - 3)
            {
                text = fitted
            }
        }
        hintBuffer.deallocate()
        hintBuffer = WideString.allocate(text)
        return hintBuffer
    }

    private func complete() -> UInt8 {
        guard let handler = completionHandler, let info = bnc_el_line(editLine)?.pointee,
            let buffer = info.buffer, let cursor = info.cursor
        else { return EditorStatus.error }
        let before = WideString.string(buffer, count: cursor - buffer)
        let completion = handler(before)
        if completion.candidates.isEmpty { return EditorStatus.error }
        if completion.replacement != completion.word {
            bnc_el_delete(editLine, Int32(completion.word.unicodeScalars.count))
            _ = WideString.with(completion.replacement) { bnc_el_insert(editLine, $0) }
            return EditorStatus.refresh
        }
        guard completion.shouldList else { return EditorStatus.normal }
        TerminalOutput.write("\n" + CompletionList.format(completion.labels ?? completion.candidates, width: terminalWidth))
        return EditorStatus.redisplay
    }

    /// Ctrl-C: marks the line as abandoned, shows `^C` at its end, and ends the read the way
    /// Return does, so libedit leaves the display and the terminal mode as it should.
    private func interrupt() -> UInt8 {
        interrupted = true
        bnc_el_move_cursor(editLine, Int32.max / 2)
        _ = WideString.with("^C") { bnc_el_insert(editLine, $0) }
        WideString.with("\r") { bnc_el_push(editLine, $0) }
        return EditorStatus.refresh
    }

    private func addFunction(_ name: String, help: String, _ function: @escaping @convention(c) (OpaquePointer, Int32) -> UInt8) {
        // libedit keeps these pointers (map_addfunc does not copy): they live as long as the editor.
        let wideName = WideString.allocate(name)
        let wideHelp = WideString.allocate(help)
        functionNames += [wideName, wideHelp]
        bnc_el_add_function(editLine, wideName, wideHelp, function)
    }

    private func bind(_ key: String, to function: String) {
        let wideKey = WideString.allocate(key)
        let wideFunction = WideString.allocate(function)
        defer {
            wideKey.deallocate()
            wideFunction.deallocate()
        }
        bnc_el_bind(editLine, wideKey, wideFunction)
    }
}

/// The values an editor function returns to libedit (`CC_*` in histedit.h).
enum EditorStatus {
    static let normal = UInt8(CC_NORM)
    static let refresh = UInt8(CC_REFRESH)
    static let redisplay = UInt8(CC_REDISPLAY)
    static let error = UInt8(CC_ERROR)
}
