import Foundation

/// What a finished child process wrote and how it ended.
public struct ProcessOutput: Sendable {
    /// The exit status (or the signal number, when it was killed by one).
    public var status: Int32
    /// Standard output, byte for byte (openssl's signatures are binary).
    public var standardOutput: [UInt8]
    /// Standard error, byte for byte.
    public var standardError: [UInt8]

    /// Standard output as text (invalid UTF-8 replaced, never trapping).
    public var stdout: String { String(decoding: standardOutput, as: UTF8.self) }
    /// Standard error as text.
    public var stderr: String { String(decoding: standardError, as: UTF8.self) }
}

/// Runs child processes for tests — the one runner every test target uses, so none can block
/// on a full pipe: standard input is written, and standard output and error are read, all at
/// the same time, to their ends, before the child is waited for.
public enum ChildProcess {
    /// Runs a configured `process` (executable, arguments, environment, directory set; its
    /// standard streams are replaced by pipes) with `stdin` as its input, and waits for it — at
    /// most `timeout` seconds: then it is killed (status 9), so that a child that hangs fails its
    /// test instead of stopping the whole run.
    public static func capture(_ process: Process, stdin: [UInt8] = [], timeout: Double = 300) throws -> ProcessOutput {
        let output = Pipe()
        let errors = Pipe()
        let input = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = input
        // A child may exit before reading all its input: writing to its closed pipe must fail
        // with EPIPE, not kill the test process.
        signal(SIGPIPE, SIG_IGN)
        try process.run()
        let watchdog = DispatchWorkItem {
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: watchdog)
        defer { watchdog.cancel() }
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            if !stdin.isEmpty { try? input.fileHandleForWriting.write(contentsOf: stdin) }
            try? input.fileHandleForWriting.close()
            group.leave()
        }
        nonisolated(unsafe) var errorData = Data()
        group.enter()
        DispatchQueue.global().async {
            errorData = errors.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return ProcessOutput(
            status: process.terminationStatus, standardOutput: Array(outputData), standardError: Array(errorData))
    }

    /// Runs `executable arguments…` with `environment` (nil: this process's own) and `stdin`.
    public static func run(
        _ executable: String, _ arguments: [String], environment: [String: String]? = nil, stdin: [UInt8] = []
    ) throws -> ProcessOutput {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment { process.environment = environment }
        return try capture(process, stdin: stdin)
    }
}

/// The `bnc` executable under test.
public enum BuiltBNC {
    /// `$BNC_BIN` when set, else `.build/debug/bnc` of this package (`swift build` makes it).
    public static var path: String {
        if let path = ProcessInfo.processInfo.environment["BNC_BIN"], !path.isEmpty { return path }
        return packageRoot.appendingPathComponent(".build/debug/bnc").path
    }

    /// Whether ``path`` names an executable file (suites that need it are skipped otherwise).
    public static var exists: Bool { FileManager.default.isExecutableFile(atPath: path) }

    /// The package's root directory (this file is `Tests/TestSupport/ChildProcess.swift`).
    public static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }
}

extension Process {
    /// Stops a child a test started: SIGTERM, then SIGKILL when it has not exited within
    /// `grace` seconds, and waits for it. A server that ignores or never handles SIGTERM (a
    /// python server stuck in a handler) otherwise kept `waitUntilExit()` waiting forever.
    public func stop(grace: Double = 5) {
        guard isRunning else { return }
        kill(processIdentifier, SIGTERM)
        let deadline = Date().addingTimeInterval(grace)
        while isRunning, Date() < deadline { usleep(10_000) }
        if isRunning { kill(processIdentifier, SIGKILL) }
        waitUntilExit()
    }
}
