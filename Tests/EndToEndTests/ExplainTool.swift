import BNCTestSupport
import Foundation

/// Runs the built `bnc` (and a stand-in time server) for the `bnc explain` end-to-end tests.
enum ExplainTool {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The built binary: `$BNC_BIN`, else `.build/debug/bnc` of this package (as the other suites).
    static var binary: String { BuiltBNC.path }

    /// Runs `executable` with `arguments`; BINANCE_* variables are removed from the environment
    /// and replaced by `environment`.
    static func run(
        _ executable: String, _ arguments: [String], environment: [String: String] = [:], stdin: [UInt8] = []
    ) throws -> Result {
        var variables = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("BINANCE_") }
        variables.merge(environment) { $1 }
        let run = try ChildProcess.run(executable, arguments, environment: variables, stdin: stdin)
        return Result(status: run.status, stdout: run.stdout, stderr: run.stderr)
    }

    static func bnc(_ arguments: [String], environment: [String: String] = [:], stdin: String = "") throws -> Result {
        try run(binary, arguments, environment: environment, stdin: Array(stdin.utf8))
    }

    static func urlEncode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }

    /// A one-request HTTP server on 127.0.0.1 answering `GET /api/v3/time`; it exits after one
    /// request or 20 seconds, and ``stop()`` ends it by PID.
    final class TimeServer {
        let process = Process()
        let baseURL: String

        init(serverTime: Int64) throws {
            let script = """
                import http.server, socketserver, sys
                class H(http.server.BaseHTTPRequestHandler):
                    def do_GET(self):
                        body = b'{"serverTime":\(serverTime)}' if self.path == '/api/v3/time' else b'{}'
                        self.send_response(200 if self.path == '/api/v3/time' else 404)
                        self.send_header('Content-Type', 'application/json')
                        self.send_header('Content-Length', str(len(body)))
                        self.end_headers()
                        self.wfile.write(body)
                    def log_message(self, *a): pass
                s = http.server.HTTPServer(('127.0.0.1', 0), H)
                s.timeout = 20
                print(s.server_address[1], flush=True)
                s.handle_request()
                """
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", "-c", script]
            let output = Pipe()
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            try process.run()
            var line = ""
            while !line.hasSuffix("\n") {
                let byte = output.fileHandleForReading.readData(ofLength: 1)
                guard !byte.isEmpty else { throw Failure(description: "the time server did not start") }
                line += String(decoding: byte, as: UTF8.self)
            }
            baseURL = "http://127.0.0.1:" + line.trimmingCharacters(in: .whitespacesAndNewlines)
        }

        func stop() {
            process.stop()
        }
    }
}
