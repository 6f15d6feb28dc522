import Foundation

/// Runs the built `bnc` with arguments, an environment and standard input, and captures what it
/// printed and its exit code.
struct LanguageRun {
    var stdout: String
    var stderr: String
    var status: Int32

    /// The documented example key and secret (also bnc's demo credentials).
    static let demoKey = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A"
    static let demoSecret = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j"

    static var binary: String {
        if let path = ProcessInfo.processInfo.environment["BNC_BIN"], !path.isEmpty { return path }
        return packageRoot.appendingPathComponent(".build/debug/bnc").path
    }

    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// Runs `bnc ARGUMENTS` with only the given environment (plus PATH and a temporary HOME).
    static func bnc(_ arguments: [String], stdin: String? = nil, environment: [String: String] = [:]) throws -> LanguageRun {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        var env = ["PATH": "/usr/bin:/bin", "HOME": FileManager.default.temporaryDirectory.path, "NO_COLOR": "1"]
        env.merge(environment) { $1 }
        process.environment = env
        return try capture(process, stdin: stdin.map { Array($0.utf8) } ?? [])
    }

    /// Runs a configured `process` (executable, arguments, environment set) with `stdin` on a
    /// pipe, reading standard output and error concurrently to their ends before waiting, so a
    /// full pipe can never block the child — the one runner every end-to-end test uses.
    static func capture(_ process: Process, stdin: [UInt8] = []) throws -> LanguageRun {
        let output = Pipe()
        let errors = Pipe()
        let input = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = input
        try process.run()
        if !stdin.isEmpty { input.fileHandleForWriting.write(Data(stdin)) }
        try input.fileHandleForWriting.close()
        let group = DispatchGroup()
        nonisolated(unsafe) var errorData = Data()
        group.enter()
        DispatchQueue.global().async {
            errorData = errors.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return LanguageRun(
            stdout: String(decoding: outputData, as: UTF8.self), stderr: String(decoding: errorData, as: UTF8.self),
            status: process.terminationStatus)
    }

    /// With the documented demo key in the environment, as issue 2's acceptance runs it.
    static func withDemoKey(_ arguments: [String], stdin: String? = nil) throws -> LanguageRun {
        try bnc(arguments, stdin: stdin, environment: ["BINANCE_API_KEY": demoKey, "BINANCE_API_SECRET": demoSecret])
    }

    /// HMAC-SHA256 of `message`, computed by `openssl dgst`, independently of bnc's signer.
    static func opensslHMAC(_ message: String, key: String = demoSecret) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["openssl", "dgst", "-sha256", "-hmac", key]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(message.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        // "SHA2-256(stdin)= <hex>" or "(stdin)= <hex>" depending on the openssl version.
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return String(text.split(separator: " ").last ?? "")
    }

    /// Writes `text` to a new temporary `.bnc` file and returns its path.
    static func script(_ text: String, name: String = "script.bnc") throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bnc-lang-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }
}
