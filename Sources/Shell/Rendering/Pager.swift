import BinanceAPI

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Shows a result taller than the screen through a pager, as psql does: `$PAGER`, else
/// `less -S` (long lines are cut, not wrapped; arrows scroll sideways). Never when standard
/// output is not a terminal, and never for output that fits.
package enum Pager {
    /// The command run: `$PAGER` when set and not empty, else `less -S`.
    static func command(_ environment: [String: String]) -> String {
        if let pager = environment["PAGER"], !pager.trimmingWhitespace().isEmpty { return pager }
        return "less -S"
    }

    /// Whether `text` needs a pager on a terminal of `rows` rows: more lines than fit above the
    /// prompt.
    static func isTaller(_ text: String, rows: Int) -> Bool {
        guard rows > 2 else { return false }
        var lines = 0
        for byte in text.utf8 where byte == UInt8(ascii: "\n") {
            lines += 1
            if lines >= rows - 1 { return true }
        }
        return false
    }

    /// Writes `text` to standard output, through the pager when `enabled`, standard output is
    /// a terminal and `text` is taller than it; falls back to writing it directly when the
    /// pager cannot be started.
    package static func write(_ text: String, enabled: Bool, environment: [String: String]) {
        if enabled, let size = TerminalSize.of(1), isTaller(text, rows: size.rows), run(text, command: command(environment)) {
            return
        }
        TerminalOutput.write(text)
    }

    /// Runs `sh -c COMMAND` with `text` on its standard input and waits for it; false when it
    /// could not be started.
    static func run(_ text: String, command: String) -> Bool {
        var pipeEnds: [Int32] = [-1, -1]
        guard pipe(&pipeEnds) == 0 else { return false }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, pipeEnds[0], 0)
        posix_spawn_file_actions_addclose(&actions, pipeEnds[0])
        posix_spawn_file_actions_addclose(&actions, pipeEnds[1])
        let words: [String] = ["/bin/sh", "-c", command]
        let argv: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
        defer { for word in argv { free(word) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, "/bin/sh", &actions, nil, argv, environ)
        close(pipeEnds[0])
        guard spawned == 0 else {
            close(pipeEnds[1])
            return false
        }
        // The pager may quit before reading everything (q in less): the write then fails with
        // EPIPE, which must not end bnc.
        var ignore = sigaction()
        var previous = sigaction()
        #if canImport(Glibc)
            ignore.__sigaction_handler.sa_handler = SIG_IGN
        #else
            ignore.__sigaction_u.__sa_handler = SIG_IGN
        #endif
        sigaction(SIGPIPE, &ignore, &previous)
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { buffer in
                #if canImport(Glibc)
                    Glibc.write(pipeEnds[1], buffer.baseAddress! + offset, buffer.count - offset)
                #else
                    Darwin.write(pipeEnds[1], buffer.baseAddress! + offset, buffer.count - offset)
                #endif
            }
            if written < 0 {
                if errno == EINTR { continue }
                break
            }
            offset += written
        }
        close(pipeEnds[1])
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        sigaction(SIGPIPE, &previous, nil)
        return true
    }
}
