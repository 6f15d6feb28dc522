import BNCTestSupport
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

    /// The built binary (`BuiltBNC.path`: `$BNC_BIN`, else `.build/debug/bnc`).
    static var binary: String { BuiltBNC.path }

    /// The package's root directory.
    static var packageRoot: URL { BuiltBNC.packageRoot }

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

    /// Runs a configured `process` through the shared runner (`ChildProcess.capture`, which
    /// never lets a full pipe block the child) and keeps its output as text.
    static func capture(_ process: Process, stdin: [UInt8] = []) throws -> LanguageRun {
        let output = try ChildProcess.capture(process, stdin: stdin)
        return LanguageRun(stdout: output.stdout, stderr: output.stderr, status: output.status)
    }

    /// With the documented demo key in the environment, as issue 2's acceptance runs it.
    static func withDemoKey(_ arguments: [String], stdin: String? = nil) throws -> LanguageRun {
        try bnc(arguments, stdin: stdin, environment: ["BINANCE_API_KEY": demoKey, "BINANCE_API_SECRET": demoSecret])
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
