import CEditlineShim

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The shell's reader when libedit cannot be loaded: the terminal's own line discipline does the
/// editing (backspace, Ctrl-U), and there is no completion, hint or history recall. It writes the
/// prompt, reads bytes up to a newline, and turns a Ctrl-C at the prompt (a SIGINT, counted by the
/// shim's handler) into `.interrupted`, as the editor does.
package final class PlainLineReader: LineInput {
    private let input: Int32
    private let output: Int32
    /// Input ended after a line without its newline: that line was returned, the next read is EOF.
    private var ended = false

    /// A reader of `input` that writes its prompts to `output`. The shell calls
    /// `installSignalHandlers()` before the first read, so that Ctrl-C never ends it.
    package init(input: Int32 = 0, output: Int32 = 1) {
        self.input = input
        self.output = output
    }

    /// The shim's SIGINT, SIGWINCH and SIGCONT handlers, as the editor installs them: a Ctrl-C
    /// is counted (and seen by the reader and by `InterruptWatcher`) instead of ending the process.
    package static func installSignalHandlers() {
        _ = bnc_signals_install()
    }

    /// The longest line kept: a longer one (the terminal's own limit is 4 KiB, but input may come
    /// raw) is dropped with a message, up to its newline.
    static let maximumLineBytes = 1 << 20

    package func readLine(prompt: String) -> ReadResult {
        if ended { return .eof }
        // Escape sequences are kept; only the markers that bracket them for libedit go.
        TerminalOutput.write(String(prompt.filter { $0 != Prompt.literalMarker }), to: output)
        // The count as acknowledged, read before the signal pipe was drained: a Ctrl-C that comes
        // after it differs from it, whether or not its wake-up byte was drained.
        let baseline = bnc_sigint_acknowledge()
        let terminal = isatty(input) == 1
        var bytes: [UInt8] = []
        var tooLong = false
        var partialEnd = false
        while true {
            if bnc_sigint_count() != baseline { return interrupted() }
            var byte: UInt8 = 0
            switch bnc_wait_for_byte(input, bnc_signal_fd(), &byte) {
            case 1:
                partialEnd = false
                if byte == UInt8(ascii: "\n") {
                    if tooLong {
                        TerminalOutput.write("bnc: the line is longer than 1 MiB and was dropped\n", to: output)
                        return .interrupted
                    }
                    return .line(Self.text(bytes))
                }
                if bytes.count < Self.maximumLineBytes { bytes.append(byte) } else { tooLong = true }
            case 2:
                // A signal: Ctrl-C abandons the line (the terminal has echoed ^C and dropped what
                // was typed); SIGWINCH or SIGCONT only woke the wait.
                if bnc_sigint_count() != baseline { return interrupted() }
            default:
                // End of input (Ctrl-D) or an error reading it.
                if bytes.isEmpty && !tooLong { return .eof }
                // On a terminal, Ctrl-D after text hands over what was typed so far and the line
                // goes on, as libedit's line does; a second one in a row (or a hang-up, which
                // reads as end of input again and again) ends it.
                if terminal, !partialEnd {
                    partialEnd = true
                    continue
                }
                // Ctrl-D after text gave the line without its newline; what follows starts below it.
                TerminalOutput.write("\n", to: output)
                ended = true
                if tooLong { return .eof }
                return .line(Self.text(bytes))
            }
        }
    }

    /// Ctrl-C: the line is abandoned (the terminal has echoed ^C).
    private func interrupted() -> ReadResult {
        bnc_sigint_acknowledge()
        TerminalOutput.write("\n", to: output)
        return .interrupted
    }

    /// Nothing to recall without libedit.
    package func addToHistory(_ entry: String) {}

    package var terminalWidth: Int { TerminalSize.of(output)?.columns ?? 80 }

    /// The line as text (bytes that are not UTF-8 become U+FFFD), without a carriage return
    /// before its newline.
    private static func text(_ bytes: [UInt8]) -> String {
        String(decoding: bytes.last == UInt8(ascii: "\r") ? bytes.dropLast() : bytes[...], as: UTF8.self)
    }
}
