import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A script's standard output is written in large pieces (issue 8); what it prints must still
/// come out whole, and before anything on standard error that followed it.
@Suite struct DryRunOutputOrderTests {
    static let environment = [
        "BINANCE_API_KEY": LanguageRun.demoKey, "BINANCE_API_SECRET": LanguageRun.demoSecret,
        "XDG_STATE_HOME": FileManager.default.temporaryDirectory.appendingPathComponent("bnc-order-tests").path
    ]

    /// Runs bnc with standard output and standard error on one pipe (`2>&1`).
    static func merged(_ arguments: [String]) throws -> (text: String, status: Int32) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: LanguageRun.binary)
        process.arguments = arguments
        var environment = ["PATH": "/usr/bin:/bin", "HOME": FileManager.default.temporaryDirectory.path, "NO_COLOR": "1"]
        environment.merge(Self.environment) { $1 }
        process.environment = environment
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (String(decoding: data, as: UTF8.self), process.terminationStatus)
    }

    @Test func outputBeforeARuntimeErrorComesBeforeTheError() throws {
        let run = try Self.merged([
            "--dry-run", "--timestamp", "1499827319559",
            "-c", "print first\nfor id in [2, 1, 0] { cancel LTCBTC id=$id }\nprint never"
        ])
        #expect(run.status == 2)
        let lines = run.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "first")
        let queries = lines.indices.filter { lines[$0].hasPrefix("  query ") }
        let error = try #require(lines.firstIndex { $0.hasPrefix("<command>:2:37: error: orderId 0 is out of range") })
        #expect(queries.count == 2)
        #expect(queries.allSatisfy { $0 < error })
        #expect(lines.last(where: { !$0.isEmpty }) == "bnc: stopped at <command>:2:37: 5 statements run, 2 requests performed")
        #expect(!run.text.contains("never"))
    }

    @Test func jsonLinesBeforeAFailStatementComeFirst() throws {
        let run = try Self.merged([
            "--dry-run", "--timestamp", "1499827319559", "--output", "json",
            "-c", "for id in 1..3 { cancel LTCBTC id=$id }\nfail \"stop here\""
        ])
        #expect(run.status == 1)
        let lines = run.text.split(separator: "\n").map(String.init)
        #expect(lines.count >= 4)
        #expect(lines.prefix(3).allSatisfy { $0.hasPrefix("{\"operation\":\"margin cancel\"") })
        #expect(lines[3].hasPrefix("<command>:2:1: error: stop here"))
    }

    @Test func aLongLoopPrintsEveryRequestWhole() throws {
        let run = try LanguageRun.withDemoKey([
            "--dry-run", "--timestamp", "1499827319559", "-c", "for id in 1..20000 { cancel LTCBTC id=$id }"
        ])
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.filter { $0.hasPrefix("  signature ") }.count == 20000)
        #expect(lines.filter { $0.hasPrefix("  query      symbol=LTCBTC&orderId=20000&") }.count == 1)
        #expect(run.stdout.hasSuffix("X-MBX-APIKEY: vmPU…Eh8A\n"))
        // 5 lines a request, a blank line between two.
        #expect(lines.count == 20000 * 6)
    }

    @Test func ctrlCStopsALoopAndKeepsWhatItPrinted() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: LanguageRun.binary)
        process.arguments = ["--dry-run", "--timestamp", "1499827319559", "-c", "for id in 1..100000000 { cancel LTCBTC id=$id }"]
        var environment = ["PATH": "/usr/bin:/bin", "HOME": FileManager.default.temporaryDirectory.path, "NO_COLOR": "1"]
        environment.merge(Self.environment) { $1 }
        process.environment = environment
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        nonisolated(unsafe) var errorData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errorData = errors.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        // Wait until output flows, then interrupt.
        var head = Data()
        while head.count < 100_000 {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            head += chunk
        }
        kill(process.processIdentifier, SIGINT)
        let rest = output.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        let text = String(decoding: head + rest, as: UTF8.self)
        #expect(process.terminationStatus == 1)
        #expect(String(decoding: errorData, as: UTF8.self).contains("bnc: interrupted before <command>:1:"))
        // Every block printed is whole: it ends with its header line.
        #expect(text.hasSuffix("X-MBX-APIKEY: vmPU…Eh8A\n"))
        let blocks = text.components(separatedBy: "\n\n")
        #expect(blocks.count > 100)
        #expect(blocks.allSatisfy { $0.split(separator: "\n").count == 5 })
    }
}
