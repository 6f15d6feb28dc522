import BinanceAPI
import Shell

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes to standard output and standard error with `write(2)`: no global `FILE*` is touched,
/// which Swift 6 strict concurrency forbids.
enum Console {
    /// Standard output of a running script, written in large pieces (see `OutputBuffer`). Every
    /// direct write below flushes it first, so standard output and standard error keep the order
    /// in which things were printed.
    ///
    /// Whatever is still pending when the process exits is written by an `atexit` handler, so a
    /// path that forgets to flush cannot lose the end of the output.
    static let scriptOutput: OutputBuffer = {
        // The timer runs for files and pipes too: output reaches them within 100 ms without a
        // write per request (ScriptOutputPrinter.willWait).
        let buffer = OutputBuffer(fileDescriptor: 1, flushInterval: .milliseconds(100))
        atexit { Console.scriptOutput.flushIfIdle() }
        return buffer
    }()

    /// Writes `text` and a newline to standard output.
    static func out(_ text: String) {
        write(fd: 1, text + "\n")
    }

    /// Writes `bnc: error: message` (and an optional hint) to standard error. Messages carry
    /// text from outside (a server's answer, a profile, a log, a path): control characters are
    /// shown escaped, so none of it can drive the terminal or forge a line.
    static func error(_ message: String, hint: String? = nil) {
        var text = "bnc: error: \(TerminalText.escaped(message))\n"
        if let hint { text += "hint: \(TerminalText.escaped(hint))\n" }
        write(fd: 2, text)
    }

    /// Writes `bnc: warning: message` to standard error, control characters escaped.
    static func warning(_ message: String) {
        write(fd: 2, "bnc: warning: \(TerminalText.escaped(message))\n")
    }

    /// Writes all of `text` to `fd`, retrying on short writes and EINTR.
    static func write(fd: Int32, _ text: String) {
        scriptOutput.flush()
        var text = text
        text.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                #if canImport(Glibc)
                    let written = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                #else
                    let written = Darwin.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                #endif
                if written < 0 {
                    if errno == EINTR { continue }
                    return
                }
                offset += written
            }
        }
    }
}
