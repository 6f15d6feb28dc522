import Foundation
import Testing

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
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug/bnc").path
    }

    static func findTmux() -> String? {
        for directory in ["/usr/bin", "/usr/local/bin", "/opt/homebrew/bin", "/bin"] {
            let path = directory + "/tmux"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    /// Starts `bnc ARGUMENTS` in a 100x30 window with a clean environment.
    init(arguments: [String], environment extra: [String: String] = [:], home existingHome: URL? = nil) throws {
        guard let tmux = Self.findTmux() else { throw Failure.missingTool("tmux") }
        self.tmux = tmux
        binary = Self.binaryPath
        guard FileManager.default.isExecutableFile(atPath: binary) else { throw Failure.missingTool(binary) }
        home = try existingHome ?? {
            let url = FileManager.default.temporaryDirectory.appendingPathComponent("bnc-shell-e2e-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            return url
        }()
        stateHome = home.appendingPathComponent("state")
        var environment = [
            "HOME": home.path, "XDG_STATE_HOME": stateHome.path, "TERM": "xterm-256color",
            "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin", "NO_COLOR": "1",
        ]
        environment.merge(extra) { $1 }
        let assignments = environment.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.quote($0.value))" }
        let command = "exec env -i " + assignments.joined(separator: " ") + " " + ([binary] + arguments).map(Self.quote).joined(separator: " ")
        try run(["-f", "/dev/null", "new-session", "-d", "-s", "bnc", "-x", "100", "-y", "30", command])
        try run(["set-option", "-t", "bnc", "remain-on-exit", "on"])
    }

    /// Kills this harness's tmux server (only its own socket). The HOME directory is kept for
    /// `removeHome()`, so a second session can reuse it.
    func close() {
        _ = try? run(["kill-server"])
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

    /// Whether bnc has exited, and its exit status.
    func exitStatus() throws -> Int32? {
        let text = try run(["display-message", "-p", "-t", Self.target, "#{pane_dead} #{pane_dead_status}"])
        let parts = text.split(separator: " ")
        guard parts.first == "1", parts.count > 1 else { return nil }
        return Int32(parts[1].trimmingCharacters(in: .whitespacesAndNewlines))
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
            var entry = "", escaping = false
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

    @discardableResult
    private func run(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tmux)
        process.arguments = ["-L", socket] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let output = String(decoding: data, as: UTF8.self)
        if process.terminationStatus != 0 && arguments.first != "kill-server" {
            throw Failure.commandFailed("tmux " + arguments.joined(separator: " "), status: process.terminationStatus, output: output)
        }
        return output
    }

    private static func quote(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
