import Foundation
import Testing

/// A session log that cannot be written to the end: the failure is said, not swallowed.
@Suite(.serialized) struct SessionLogWriteFailureTests {
    /// The header, the statement and the request record of `open(LTCBTC)` fit in 1024 bytes; its
    /// response record (the demo book's orders, over 1 KiB) does not. With the file size limited to
    /// 1024 bytes (`ulimit -f 2`, SIGXFSZ ignored) that write fails half-way: it used to be ignored
    /// (`try?`), leaving a log cut mid-line with no word to anyone.
    @Test func aResponseRecordThatCannotBeWrittenIsReportedAndEndsTheLog() throws {
        let directory = NSTemporaryDirectory() + "bnc-logfail-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let log = directory + "/session.jsonl"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = [
            "-c", #"trap '' XFSZ; ulimit -f 2; exec "$0" --log "$1" -c "$2""#, SimulatorProcess.binary, log,
            "let x = open(LTCBTC)\nlet y = open(LTCBTC)\nprint \"after\""
        ]
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("BINANCE_") }
        environment["XDG_CONFIG_HOME"] = directory
        process.environment = environment
        let run = try LanguageRun.capture(process)
        #expect(run.stderr.contains("bnc: warning: the session log is incomplete: "), "stderr: \(run.stderr)")
        #expect(run.stderr.contains("File too large"))
        // The next request could not be recorded, so it was not sent.
        #expect(run.stderr.contains("not sent: the session log could not be written"))
        #expect(run.status == 1)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: log))
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        // Header, statement, request, then the cut response and nothing after it.
        #expect(lines.count == 4)
        #expect(lines.prefix(3).allSatisfy { (try? JSONSerialization.jsonObject(with: Data($0.utf8))) != nil })
        #expect(lines.last?.hasPrefix(#"{"kind":"response""#) == true)
    }
}
