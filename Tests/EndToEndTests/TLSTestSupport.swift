import Foundation

/// A certificate authority made for one test run with `openssl` (never the system store):
/// the CA, a server key, and server certificates for the TLS tests of issue 14 —
/// `good` (127.0.0.1 and localhost, signed by the CA), `wrongHost` (only wrong.example),
/// `untrusted` (right names, signed by another CA), `expired` (right names, valid in 2020 only,
/// made with `openssl ca -startdate/-enddate`).
final class TestCertificateAuthority: @unchecked Sendable {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    let directory: String
    var caFile: String { directory + "/ca.pem" }
    var keyFile: String { directory + "/server.key" }
    var good: String { directory + "/good.pem" }
    var wrongHost: String { directory + "/wrong.pem" }
    var untrusted: String { directory + "/untrusted.pem" }
    var expired: String { directory + "/expired.pem" }

    /// One CA for every test in the process (making one takes ~0.3 s of openssl).
    static let shared: Result<TestCertificateAuthority, Failure> = Result { () throws(Failure) in try TestCertificateAuthority() }

    private init() throws(Failure) {
        directory = NSTemporaryDirectory() + "bnc-test-ca-\(getpid())-\(UUID().uuidString.prefix(8))"
        let script = """
            set -e
            ext() { printf 'subjectAltName=%s\\nbasicConstraints=CA:FALSE\\nextendedKeyUsage=serverAuth\\n' "$1" > "$2"; }
            key() { openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1" 2>/dev/null; }
            for ca in ca other; do
              key $ca.key
              openssl req -x509 -new -key $ca.key -out $ca.pem -days 3 -subj "/CN=bnc test $ca" \\
                -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign
            done
            key server.key
            openssl req -new -key server.key -out server.csr -subj /CN=localhost
            ext "DNS:localhost,IP:127.0.0.1" good.ext
            ext "DNS:wrong.example" wrong.ext
            openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -set_serial 2 -days 3 -extfile good.ext -out good.pem 2>/dev/null
            openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -set_serial 3 -days 3 -extfile wrong.ext -out wrong.pem 2>/dev/null
            openssl x509 -req -in server.csr -CA other.pem -CAkey other.key -set_serial 4 -days 3 -extfile good.ext -out untrusted.pem 2>/dev/null
            : > index.txt
            echo 05 > serial
            printf '[ca]\\ndefault_ca=d\\n[d]\\ndatabase=index.txt\\nnew_certs_dir=.\\nserial=serial\\ndefault_md=sha256\\npolicy=p\\n[p]\\ncommonName=supplied\\n' > ca.cnf
            openssl ca -batch -config ca.cnf -cert ca.pem -keyfile ca.key -in server.csr -out expired.pem \\
              -startdate 20200101000000Z -enddate 20200102000000Z -notext -extfile good.ext 2>/dev/null
            """
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", script]
            process.currentDirectoryURL = URL(fileURLWithPath: directory)
            let run = try LanguageRun.capture(process)
            guard run.status == 0 else { throw Failure(description: "openssl failed: \(run.stderr)") }
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Failure(description: "cannot run openssl: \(error)")
        }
    }
}

/// A line-oriented helper process: started with arguments, its first stdout line read for an
/// address, stopped by PID. Used for `bnc sim` over TLS and for the CONNECT proxy.
final class TestServerProcess: @unchecked Sendable {
    let process = Process()
    /// The first stdout line that matched.
    let firstLine: String
    private let stderrPipe = Pipe()
    private let stderrText = SimulatorProcess.Collector()

    /// Starts `executable arguments…` and waits (at most 20 s) for a stdout line containing `marker`.
    init(_ executable: String, _ arguments: [String], marker: String) throws {
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
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
            if let line = text.split(separator: "\n").first(where: { $0.contains(marker) }), text.contains("\n") {
                firstLine = String(line)
                stdout.fileHandleForReading.readabilityHandler = { _ = $0.availableData }
                return
            }
        }
        process.terminate()
        throw SimulatorProcess.StartFailure(description: "\(executable) did not print '\(marker)': \(text)")
    }

    /// What it wrote to standard error so far (the simulator's request log).
    var stderr: String { stderrText.text }

    /// Standard error once it has stopped growing: the simulator writes a line as it answers and
    /// the pipe hands it over later, so on a loaded machine a line could still be on its way
    /// when `bnc` has already exited. Waits until the text has been unchanged for 200 ms (at
    /// most 5 s).
    var settledStderr: String {
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

    /// SIGTERM, then SIGKILL if it is still running 2 s later (every wait capped).
    func stop() {
        if process.isRunning {
            kill(process.processIdentifier, SIGTERM)
            let deadline = Date().addingTimeInterval(2)
            while process.isRunning && Date() < deadline { usleep(20_000) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
        }
        stderrPipe.fileHandleForReading.readabilityHandler = nil
    }

    deinit { stop() }
}

/// `bnc sim` serving https with `certificate` (and the CA's server key).
final class TLSSimulator: @unchecked Sendable {
    let server: TestServerProcess
    let port: Int

    init(certificate: String, authority: TestCertificateAuthority, _ arguments: [String] = []) throws {
        server = try TestServerProcess(
            SimulatorProcess.binary,
            ["sim", "--port", "0", "--duration", "300", "--tls-cert", certificate, "--tls-key", authority.keyFile] + arguments,
            marker: "https://127.0.0.1:")
        guard let portText = server.firstLine.split(separator: ":").last, let port = Int(portText) else {
            throw SimulatorProcess.StartFailure(description: "no port in '\(server.firstLine)'")
        }
        self.port = port
    }

    /// `https://127.0.0.1:PORT` (or another host name for the same server).
    func baseURL(host: String = "127.0.0.1") -> String { "https://\(host):\(port)" }

    /// The simulator's request log, once it has stopped growing.
    var log: String { server.settledStderr }

    func stop() { server.stop() }
}

/// The tests' CONNECT proxy (Tests/HostileServer/connect_proxy.py): records each request head.
final class TestConnectProxy: @unchecked Sendable {
    let server: TestServerProcess
    let port: Int
    let logFile: String

    /// `arguments`: `--auth user:pass`, `--answer 403`.
    init(_ arguments: [String] = []) throws {
        logFile = NSTemporaryDirectory() + "bnc-proxy-\(getpid())-\(UUID().uuidString.prefix(8)).jsonl"
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("HostileServer/connect_proxy.py").path
        server = try TestServerProcess("/usr/bin/env", ["python3", script, "--log", logFile] + arguments, marker: "listening ")
        guard let portText = server.firstLine.split(separator: " ").last, let port = Int(portText) else {
            throw SimulatorProcess.StartFailure(description: "no port in '\(server.firstLine)'")
        }
        self.port = port
    }

    var url: String { "http://127.0.0.1:\(port)" }

    /// The request heads seen: (request line, Proxy-Authorization value).
    var requests: [(line: String, authorization: String?)] {
        guard let text = try? String(contentsOfFile: logFile, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { line in
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                let request = object["line"] as? String
            else { return nil }
            return (request, object["authorization"] as? String)
        }
    }

    func stop() {
        server.stop()
        try? FileManager.default.removeItem(atPath: logFile)
    }
}

/// Runs the built `bnc` with `arguments` and `environment` added to a clean environment
/// (no BINANCE_*, no proxy or CA variables from the caller, an empty profile directory).
func runBNC(_ arguments: [String], environment: [String: String] = [:]) throws -> TransportEndToEndTests.Run {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: SimulatorProcess.binary)
    process.arguments = arguments
    let inherited = ["HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy", "NO_PROXY", "no_proxy", "SSL_CERT_FILE"]
    var env = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("BINANCE_") && !inherited.contains($0.key) }
    env["XDG_CONFIG_HOME"] = NSTemporaryDirectory() + "bnc-none-\(getpid())"
    env["NO_COLOR"] = "1"
    for (key, value) in environment { env[key] = value }
    process.environment = env
    let run = try LanguageRun.capture(process)
    return TransportEndToEndTests.Run(status: run.status, out: run.stdout, err: run.stderr)
}
