import BNCTestSupport
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

    let baseURL: String
    private let server: TestServerProcess

    /// The built binary (`BuiltBNC.path`: `$BNC_BIN`, else `.build/debug/bnc`).
    static var binary: String { BuiltBNC.path }

    /// Starts the simulator with `arguments` (after `sim --port 0`); it stops itself after
    /// `duration` seconds if the test never gets to stop it.
    init(_ arguments: [String] = [], duration: Int = 300) throws {
        server = try TestServerProcess(
            Self.binary, ["sim", "--port", "0", "--duration", String(duration)] + arguments, marker: "http://127.0.0.1:")
        let line = server.firstLine
        guard let range = line.range(of: "http://127.0.0.1:"),
            case let port = line[range.upperBound...].prefix(while: \.isNumber),
            !port.isEmpty
        else {
            server.stop()
            throw StartFailure(description: "bnc sim did not print its address: \(line)")
        }
        baseURL = "http://127.0.0.1:\(port)"
    }

    /// The request log so far (one line per judged request), once it has stopped growing
    /// (``TestServerProcess/settledStderr``).
    var log: String { server.settledStderr }

    func stop() { server.stop() }

    deinit { stop() }
}
