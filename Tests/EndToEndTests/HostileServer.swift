import BNCTestSupport
import Foundation

/// A scripted, misbehaving HTTP server on 127.0.0.1 (`Tests/HostileServer/hostile_server.py`):
/// each request gets the next ``Step`` — any status, headers and body, exact bytes, a large
/// stream, a trickle, a hang-up or silence — so a test states a hostile answer in a line or two
/// and checks what the built `bnc` makes of it.
///
///     let server = try HostileServer([.answer(status: 200, headers: [("Retry-After", "99999999999")], body: "{}")])
///     defer { server.stop() }
///     let run = try TransportEndToEndTests.bnc(server.baseURL, "cancel LTCBTC id=28")
///     #expect(server.requests.count == 1)
///
/// Requests matching a route (`"DELETE /sapi/v1/margin/order"`, query ignored) take that route's
/// steps in order, others the default steps; the last step of a list repeats. The server stops
/// itself after `duration` seconds, and ``stop()`` (or deinit) stops it by PID.
final class HostileServer: @unchecked Sendable {
    /// What the server does with one request.
    struct Step: @unchecked Sendable {
        /// The JSON object the Python script reads.
        let fields: [String: Any]

        /// An answer with a status line (the standard reason phrase unless `reason` is given),
        /// headers and body (`Content-Length` added unless a header sets it or
        /// `Transfer-Encoding`), after `delayMs`; `close` ends the connection after it.
        static func answer(
            status: Int = 200, reason: String? = nil, headers: [(String, String)] = [("Content-Type", "application/json")],
            body: String = "", delayMs: Int = 0, close: Bool = false
        ) -> Step {
            Step(fields: [
                "kind": "answer", "status": status, "reason": reason ?? "", "headers": headers.map { [$0.0, $0.1] },
                "body": body, "delayMs": delayMs, "close": close
            ])
        }

        /// Exactly these bytes (each character up to U+00FF is one byte), then close unless `close` is false.
        static func raw(_ bytes: String, delayMs: Int = 0, close: Bool = true) -> Step {
            Step(fields: ["kind": "raw", "bytes": bytes, "delayMs": delayMs, "close": close])
        }

        /// `head`, then `repeated` `count` times (written in batches, never held whole), then `tail`.
        static func stream(head: String, repeated: String, count: Int, tail: String = "", close: Bool = true) -> Step {
            Step(fields: [
                "kind": "stream", "head": head, "repeated": repeated, "count": count, "tail": tail, "close": close
            ])
        }

        /// `bytes` a few at a time, `intervalMs` apart.
        static func trickle(_ bytes: String, bytesPerWrite: Int = 1, intervalMs: Int = 100, close: Bool = true) -> Step {
            Step(fields: [
                "kind": "trickle", "bytes": bytes, "bytesPerWrite": bytesPerWrite, "intervalMs": intervalMs, "close": close
            ])
        }

        /// Closes the connection without answering, after `delayMs`.
        static func hangUp(delayMs: Int = 0) -> Step {
            Step(fields: ["kind": "hangUp", "delayMs": delayMs])
        }

        /// Never answers (until the server stops).
        static var silent: Step { Step(fields: ["kind": "silent"]) }
    }

    /// A request as the server received it.
    struct Request: Sendable {
        var connection: Int
        var method: String
        /// The request target as sent: path and query.
        var target: String
        /// Header names lowercased; a repeated header keeps its last value.
        var headers: [String: String]
        var headerList: [(String, String)]
        var body: String
        /// When it arrived, ms since the epoch.
        var atMs: Int64

        var path: String { String(target.prefix { $0 != "?" }) }
        var query: String {
            guard let mark = target.firstIndex(of: "?") else { return "" }
            return String(target[target.index(after: mark)...])
        }
        /// The value of query parameter `name`, percent-decoded.
        func parameter(_ name: String) -> String? {
            for pair in query.split(separator: "&") {
                let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                if parts.first.map(String.init) == name {
                    return parts.count > 1 ? String(parts[1]).removingPercentEncoding : ""
                }
            }
            return nil
        }
    }

    struct StartFailure: Error, CustomStringConvertible {
        var description: String
    }

    let baseURL: String
    private let process = Process()
    /// The server's own PID (the launched process may be a launcher that does not pass signals on).
    private var serverPID: Int32 = 0
    private let logPath: String
    private let directory: String

    /// The script beside this file's folder: Tests/HostileServer/hostile_server.py.
    static var scriptPath: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("HostileServer/hostile_server.py").path
    }

    /// Starts the server with `steps` (and per-route `routes`); it stops itself after `duration` seconds.
    init(_ steps: [Step], routes: [String: [Step]] = [:], duration: Int = 60) throws {
        directory = NSTemporaryDirectory() + "bnc-hostile-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let scenarioPath = directory + "/scenario.json"
        logPath = directory + "/requests.jsonl"
        let scenario: [String: Any] = [
            "steps": steps.map(\.fields), "routes": routes.mapValues { $0.map(\.fields) }
        ]
        try JSONSerialization.data(withJSONObject: scenario).write(to: URL(fileURLWithPath: scenarioPath))
        FileManager.default.createFile(atPath: logPath, contents: nil)

        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", Self.scriptPath, "--scenario", scenarioPath, "--log", logPath, "--duration", String(duration)
        ]
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = FileHandle.nullDevice
        try process.run()
        var text = ""
        while !text.contains("\n") {
            let data = stdout.fileHandleForReading.availableData
            if data.isEmpty { break }
            text += String(decoding: data, as: UTF8.self)
        }
        let words = (text.split(separator: "\n").first ?? "").split(separator: " ")
        guard words.count == 2, words[0].hasPrefix("http://127.0.0.1:"), words[1].hasPrefix("pid="),
            let pid = Int32(words[1].dropFirst(4))
        else {
            process.terminate()
            let error = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            throw StartFailure(description: "hostile_server.py did not print its address: \(text) \(error)")
        }
        baseURL = String(words[0])
        serverPID = pid
    }

    /// Every request received so far, in order of arrival.
    var requests: [Request] {
        guard let data = FileManager.default.contents(atPath: logPath) else { return [] }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").compactMap { line in
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { return nil }
            let list = (object["headers"] as? [[String]] ?? []).compactMap { $0.count == 2 ? ($0[0], $0[1]) : nil }
            var headers: [String: String] = [:]
            for (name, value) in list { headers[name.lowercased()] = value }
            return Request(
                connection: object["connection"] as? Int ?? 0, method: object["method"] as? String ?? "",
                target: object["target"] as? String ?? "", headers: headers, headerList: list,
                body: object["body"] as? String ?? "", atMs: (object["atMs"] as? NSNumber)?.int64Value ?? 0)
        }
    }

    /// The requests to `path` (query ignored).
    func requests(to path: String) -> [Request] { requests.filter { $0.path == path } }

    func stop() {
        if serverPID > 0, serverPID != process.processIdentifier { kill(serverPID, SIGTERM) }
        process.stop()
    }

    deinit {
        stop()
        try? FileManager.default.removeItem(atPath: directory)
    }
}
