import Foundation

/// Starts `bnc sim --port 0 …` on 127.0.0.1, reads its address, and stops it by PID.
final class SimulatorProcess: @unchecked Sendable {
    struct StartFailure: Error, CustomStringConvertible {
        var description: String
    }

    /// Collects what a pipe delivers.
    final class Collector: @unchecked Sendable {
        private let lock = NSLock()
        private var data = Data()
        func append(_ more: Data) { lock.withLock { data.append(more) } }
        var text: String { lock.withLock { String(decoding: data, as: UTF8.self) } }
    }

    let process = Process()
    let baseURL: String
    private let stderrPipe = Pipe()
    private let stderrText = Collector()

    /// The built binary: `$BNC_BIN`, else `.build/debug/bnc` under the package.
    static var binary: String {
        if let path = ProcessInfo.processInfo.environment["BNC_BIN"], !path.isEmpty { return path }
        let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return package.appendingPathComponent(".build/debug/bnc").path
    }

    /// Starts the simulator with `arguments` (after `sim --port 0`); it stops itself after
    /// `duration` seconds if the test never gets to stop it.
    init(_ arguments: [String] = [], duration: Int = 300) throws {
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = ["sim", "--port", "0", "--duration", String(duration)] + arguments
        let stdout = Pipe()
        process.standardOutput = stdout
        process.standardError = stderrPipe
        process.standardInput = FileHandle.nullDevice
        let collector = stderrText
        stderrPipe.fileHandleForReading.readabilityHandler = { collector.append($0.availableData) }
        try process.run()
        var text = ""
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            let data = stdout.fileHandleForReading.availableData
            if data.isEmpty { break }
            text += String(decoding: data, as: UTF8.self)
            if text.contains("\n"), let range = text.range(of: "http://127.0.0.1:") {
                let rest = text[range.upperBound...]
                let port = rest.prefix { $0.isNumber }
                if !port.isEmpty, rest.dropFirst(port.count).first?.isNewline == true || rest.count > port.count {
                    baseURL = "http://127.0.0.1:\(port)"
                    // Keep draining stdout so the simulator never blocks on a full pipe.
                    stdout.fileHandleForReading.readabilityHandler = { _ = $0.availableData }
                    return
                }
            }
        }
        process.terminate()
        throw StartFailure(description: "bnc sim did not print its address: \(text)")
    }

    /// The request log so far (one line per judged request), once it has stopped growing: the
    /// simulator writes a line as it answers and the pipe hands it over later, so on a loaded
    /// machine a line could still be on its way when `bnc` has already exited. Waits until the
    /// text has been unchanged for 200 ms (at most 5 s).
    var log: String {
        let deadline = Date().addingTimeInterval(5)
        var text = stderrText.text
        while Date() < deadline {
            usleep(200_000)
            let now = stderrText.text
            if now == text { break }
            text = now
        }
        return text
    }

    func stop() {
        if process.isRunning {
            kill(process.processIdentifier, SIGTERM)
            process.waitUntilExit()
        }
        stderrPipe.fileHandleForReading.readabilityHandler = nil
    }

    deinit { stop() }
}
