import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Drives the built `bnc` in a private tmux server (its own `-L` socket, a fixed window size, a
/// temporary HOME and XDG_STATE_HOME), so the tests see the screen a user sees. Every wait polls
/// the screen with a deadline; the server is killed by its socket when the harness closes.
final class ShellTmuxHarness {
    enum Failure: Error, CustomStringConvertible {
        case missingTool(String)
        case commandFailed(String, status: Int32, output: String)
        case timeout(String, screen: String)

        var description: String {
            switch self {
            case .missingTool(let tool): "\(tool) not found (scripts/setup --test installs it)"
            case .commandFailed(let command, let status, let output): "\(command) exited \(status): \(output)"
            case .timeout(let what, let screen): "timed out waiting for \(what); the screen was:\n\(screen)"
            }
        }
    }

    let socket = "bnc-test-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
    let home: URL
    let stateHome: URL
    let tmux: String
    let binary: String
    static let target = "bnc:0.0"

    /// The path of the built `bnc`: `BNC_BIN`, else `.build/debug/bnc` of this package.
    static var binaryPath: String {
        if let path = ProcessInfo.processInfo.environment["BNC_BIN"], !path.isEmpty { return path }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug/bnc").path
    }

    static func findTmux() -> String? {
        for directory in ["/usr/bin", "/usr/local/bin", "/opt/homebrew/bin", "/bin"] {
            let path = directory + "/tmux"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    /// Starts `bnc ARGUMENTS` in a window of `columns` x `rows` (100x30) with a clean environment.
    ///
    /// With `underBash`, the window runs an interactive bash that is asked to start bnc, so that
    /// job control (Ctrl-Z, `fg`) is there as in a user's terminal.
    init(
        arguments: [String], environment extra: [String: String] = [:], home existingHome: URL? = nil, underBash: Bool = false,
        columns: Int = 100, rows: Int = 30
    ) throws {
        guard let tmux = Self.findTmux() else { throw Failure.missingTool("tmux") }
        self.tmux = tmux
        binary = Self.binaryPath
        guard FileManager.default.isExecutableFile(atPath: binary) else { throw Failure.missingTool(binary) }
        home =
            try existingHome
            ?? {
                let url = FileManager.default.temporaryDirectory.appendingPathComponent("bnc-shell-e2e-\(UUID().uuidString)")
                try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
                return url
            }()
        stateHome = home.appendingPathComponent("state")
        var environment = [
            "HOME": home.path, "XDG_STATE_HOME": stateHome.path, "TERM": "xterm-256color",
            "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin", "NO_COLOR": "1"
        ]
        environment.merge(extra) { $1 }
        let assignments = environment.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.quote($0.value))" }
        // A small sh runs bnc and then prints its exit status, which the tests read from the
        // screen: more dependable than tmux's pane_dead_status, which stayed empty at times. The
        // `trap : INT` keeps that sh alive through Ctrl-C; bnc gets the default disposition back
        // on exec, as under a real shell.
        let script = "trap : INT; \"$0\" \"$@\"; echo \"\(Self.exitMarker)$?]\"; exec sleep 600"
        let command =
            "exec env -i " + assignments.joined(separator: " ") + " /bin/sh -c " + Self.quote(script) + " "
            + ([binary] + arguments).map(Self.quote).joined(separator: " ")
        if underBash {
            let bash = "exec env -i " + assignments.joined(separator: " ") + " PS1='$ ' /bin/bash --norc --noprofile -i"
            try run(["-f", "/dev/null", "new-session", "-d", "-s", "bnc", "-x", String(columns), "-y", String(rows), bash])
            try waitForLastLine("$")
            try type(([binary] + arguments).map(Self.quote).joined(separator: " "))
            try press("Enter")
            return
        }
        try run(["-f", "/dev/null", "new-session", "-d", "-s", "bnc", "-x", String(columns), "-y", String(rows), command])
    }

    /// Kills this harness's tmux server (only its own socket). The HOME directory is kept for
    /// `removeHome()`, so a second session can reuse it.
    func close() {
        _ = try? run(["kill-server"])
        // tmux 3.3 leaves the socket file behind after kill-server.
        let directory = ProcessInfo.processInfo.environment["TMUX_TMPDIR"] ?? "/tmp"
        unlink("\(directory)/tmux-\(getuid())/\(socket)")
    }

    func removeHome() {
        try? FileManager.default.removeItem(at: home)
    }

    deinit { close() }

    // MARK: - Keys and screen

    /// Types `text` literally (no key names interpreted).
    func type(_ text: String) throws {
        try run(["send-keys", "-t", Self.target, "-l", text])
    }

    /// Sends tmux key names: `Enter`, `Tab`, `Up`, `C-c`, `C-d`, `C-r`.
    func press(_ keys: String...) throws {
        try run(["send-keys", "-t", Self.target] + keys)
    }

    /// The visible screen, trailing blank lines removed.
    func screen() throws -> String {
        let text = try run(["capture-pane", "-p", "-t", Self.target])
        return text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { String($0.reversed().drop(while: { $0 == " " }).reversed()) }
            .reversed().drop(while: { $0.isEmpty }).reversed().joined(separator: "\n")
    }

    /// The screen and up to `history` lines above it, with lines the terminal wrapped joined
    /// back (`capture-pane -J`): a line longer than the window shows as one long line here.
    func joinedScreen(history: Int = 500) throws -> String {
        try run(["capture-pane", "-p", "-J", "-S", "-\(history)", "-t", Self.target])
    }

    /// The screen's last non-blank line (where the cursor usually is).
    func lastLine() throws -> String {
        try screen().split(separator: "\n").last.map(String.init) ?? ""
    }

    /// Polls until `condition` holds for the screen, or fails after `timeout` seconds.
    @discardableResult
    func waitFor(_ what: String, timeout: Double = 10, _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if condition(last) { return last }
            usleep(30_000)
        }
        throw Failure.timeout(what, screen: last)
    }

    /// Waits until the screen contains `text`.
    @discardableResult
    func waitFor(text: String, timeout: Double = 10) throws -> String {
        try waitFor("'\(text)'", timeout: timeout) { $0.contains(text) }
    }

    /// Waits until the last line is exactly `line` (e.g. an empty prompt).
    @discardableResult
    func waitForLastLine(_ line: String, timeout: Double = 10) throws -> String {
        try waitFor("last line '\(line)'", timeout: timeout) { screen in
            (screen.split(separator: "\n").last.map(String.init) ?? "") == line.trimmingCharacters(in: .whitespaces)
                || (screen.split(separator: "\n").last.map(String.init) ?? "") == line
        }
    }

    static let exitMarker = "[bnc exited with status "

    /// Types `text` at `prompt`, waits until it is echoed, presses Enter, and waits for the next
    /// bare prompt — which then cannot be the one from before the statement.
    func enter(_ text: String, prompt: String) throws {
        try type(text)
        try waitFor("'\(text)' to be echoed") { screen in
            (screen.split(separator: "\n").last.map(String.init) ?? "")
                == "\(prompt) \(text)".trimmingCharacters(in: .whitespaces)
        }
        try press("Enter")
        try waitForLastLine(prompt)
    }

    /// Whether bnc has exited, and its exit status (read from the line the wrapper prints).
    func exitStatus() throws -> Int32? {
        let text = try screen()
        guard let range = text.range(of: Self.exitMarker, options: .backwards) else { return nil }
        let digits = text[range.upperBound...].prefix(while: { $0.isNumber })
        return Int32(digits)
    }

    /// Waits for bnc to exit and returns its status.
    func waitForExit(timeout: Double = 10) throws -> Int32 {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let status = try exitStatus() { return status }
            usleep(30_000)
        }
        throw Failure.timeout("bnc to exit", screen: (try? screen()) ?? "")
    }

    // MARK: - History file

    var historyPath: String { stateHome.appendingPathComponent("bnc/history").path }

    /// The entries of the history file (decoded: `\n` in the file is a newline in an entry).
    func historyEntries() throws -> [String] {
        guard FileManager.default.fileExists(atPath: historyPath) else { return [] }
        let text = try String(contentsOfFile: historyPath, encoding: .utf8)
        return text.split(separator: "\n").map { line in
            var entry = ""
            var escaping = false
            for character in line {
                if escaping {
                    entry += character == "n" ? "\n" : (character == "r" ? "\r" : String(character))
                    escaping = false
                } else if character == "\\" {
                    escaping = true
                } else {
                    entry.append(character)
                }
            }
            return entry
        }
    }

    /// The history file's permission bits.
    func historyMode() throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: historyPath)
        return (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }

    // MARK: - Process

    /// Runs `tmux -L SOCKET ARGUMENTS` and returns its output. posix_spawn and waitpid rather
    /// than Foundation's Process, whose exit monitoring hung under the test runner; output goes
    /// to a file, not a pipe, because `new-session` starts the server, which inherits the
    /// descriptor and would keep a pipe open for as long as it runs.
    @discardableResult
    private func run(_ arguments: [String]) throws -> String {
        let outputPath = FileManager.default.temporaryDirectory.appendingPathComponent("bnc-tmux-\(UUID().uuidString)").path
        defer { unlink(outputPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv = ([tmux, "-L", socket] + arguments).map { strdup($0) } + [nil]
        defer { for word in argv { free(word) } }
        // The test runs on a thread that blocks every signal; a tmux server inheriting that mask
        // never sees SIGCHLD, and bnc's exit would go unnoticed. Start tmux with a clean slate.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var emptyMask = sigset_t()
        sigemptyset(&emptyMask)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGCHLD, SIGINT, SIGPIPE, SIGHUP, SIGTERM, SIGWINCH] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigmask(&attributes, &emptyMask)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, tmux, &actions, &attributes, argv, environ)
        guard spawned == 0 else {
            throw Failure.commandFailed("tmux " + arguments.joined(separator: " "), status: spawned, output: "posix_spawn failed")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        let exitCode = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        let text = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        if exitCode != 0 && arguments.first != "kill-server" {
            throw Failure.commandFailed("tmux " + arguments.joined(separator: " "), status: exitCode, output: text)
        }
        return text
    }

    private static func quote(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
