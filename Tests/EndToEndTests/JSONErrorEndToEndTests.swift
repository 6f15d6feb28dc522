import Foundation
import Testing

/// With `--output json` an error is one JSON object on standard output, after the results, so a
/// pipeline never parses text; the text form stays on standard error, and the exit code is the
/// README's (1 runtime or exchange error, 2 usage or validation error).
@Suite(.serialized) struct JSONErrorEndToEndTests {
    /// Every line of standard output, parsed as a JSON object (a line that is not one fails).
    static func objects(_ stdout: String) throws -> [[String: Any]] {
        try stdout.split(separator: "\n").map { line in
            let parsed = try JSONSerialization.jsonObject(with: Data(line.utf8))
            return try #require(parsed as? [String: Any], "not a JSON object: \(line)")
        }
    }

    /// The `error` object of the last line of standard output.
    static func error(_ stdout: String) throws -> [String: Any] {
        let last = try #require(try objects(stdout).last, "no output")
        return try #require(last["error"] as? [String: Any], "the last line is not an error: \(stdout)")
    }

    static func bnc(_ sim: SimulatorProcess, _ script: String) throws -> LanguageRun {
        try LanguageRun.bnc(["--endpoint", sim.baseURL, "--no-log", "--output", "json", "-c", script])
    }

    @Test func anExchangeErrorIsAJSONObjectAfterTheResults() throws {
        let sim = try SimulatorProcess()
        defer { sim.stop() }
        let run = try Self.bnc(sim, "cancel LTCBTC id=28\ncancel LTCBTC id=999999")
        #expect(run.status == 1, "stderr: \(run.stderr)")
        let lines = try Self.objects(run.stdout)
        #expect(lines.count == 2, "stdout: \(run.stdout)")
        #expect(lines.first?["error"] == nil, "the first cancel's result comes first")
        let error = try Self.error(run.stdout)
        #expect(error["kind"] as? String == "exchange")
        #expect(error["code"] as? Int == -2011)
        #expect(error["name"] as? String == "CANCEL_REJECTED")
        #expect(error["message"] as? String == "Unknown order sent.")
        #expect((error["hint"] as? String)?.isEmpty == false)
        #expect(error["outcomeUnknown"] as? Bool == false)
        #expect(error["location"] as? String == "<command>:2:1")
        // The text form is still on standard error.
        #expect(run.stderr.contains("-2011"), "stderr: \(run.stderr)")
    }

    @Test func aCheckErrorIsAJSONObjectWithItsLocationAndNothingIsSent() throws {
        let sim = try SimulatorProcess()
        defer { sim.stop() }
        let run = try Self.bnc(sim, "cancel LTCBTC id=28\nprint $nosuch")
        #expect(run.status == 2, "stderr: \(run.stderr)")
        let lines = try Self.objects(run.stdout)
        #expect(lines.count == 1, "stdout: \(run.stdout)")
        let error = try Self.error(run.stdout)
        #expect(error["kind"] as? String == "check")
        #expect(error["location"] as? String == "<command>:2:7")
        #expect((error["message"] as? String)?.contains("nosuch") == true)
        #expect(error["code"] is NSNull)
        #expect(error["outcomeUnknown"] as? Bool == false)
        #expect(run.stderr.contains("<command>:2:7"), "stderr: \(run.stderr)")
        #expect(!sim.log.contains("DELETE"), "a rejected script sends nothing: \(sim.log)")
    }

    @Test func anUnknownOutcomeSaysSoInJSON() throws {
        // Every signed request fails with a 5XX: the cancel and the query that checks it.
        let sim = try SimulatorProcess(["--fail-rate", "1", "--seed", "3"])
        defer { sim.stop() }
        let run = try Self.bnc(sim, "cancel LTCBTC id=28")
        #expect(run.status == 1, "stderr: \(run.stderr)")
        let error = try Self.error(run.stdout)
        #expect(error["outcomeUnknown"] as? Bool == true, "stdout: \(run.stdout)")
        #expect(error["location"] as? String == "<command>:1:1")
        #expect(run.stderr.contains("outcome"), "stderr: \(run.stderr)")
    }

    @Test func aUsageErrorIsJSONWhenTheCommandLineChoseJSON() throws {
        let run = try LanguageRun.bnc(["--output", "json", "--timestamp", "-5", "-c", "print 1"])
        #expect(run.status == 2, "stderr: \(run.stderr)")
        let error = try Self.error(run.stdout)
        #expect(error["kind"] as? String == "usage")
        #expect((error["message"] as? String)?.contains("--timestamp") == true, "stdout: \(run.stdout)")
        #expect(error["location"] is NSNull)
        #expect(run.stderr.contains("--timestamp"))
    }

    @Test func aMissingScriptFileIsAJSONUsageError() throws {
        let run = try LanguageRun.bnc(["run", "--output", "json", "/nonexistent/x.bnc"])
        #expect(run.status == 2, "stderr: \(run.stderr)")
        let error = try Self.error(run.stdout)
        #expect(error["kind"] as? String == "usage")
        #expect(error["message"] as? String == "no such file: /nonexistent/x.bnc")
        #expect(run.stderr == "bnc: error: no such file: /nonexistent/x.bnc\n")
    }
}
