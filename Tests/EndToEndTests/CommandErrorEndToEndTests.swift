import Foundation
import Testing

/// The subcommands' own errors go through the same map as a script's (`Termination`): the text on
/// standard error is as before, the exit code is the README's, and where the command has
/// `--output json` the error is also one JSON object on standard output.
@Suite(.serialized) struct CommandErrorEndToEndTests {
    /// A key without a signing key: every command that signs refuses it.
    static let keyWithoutSecret = ["BINANCE_API_KEY": LanguageRun.demoKey]
    static let missingSigningKey =
        "bnc: error: BINANCE_API_KEY is set but no signing key: set BINANCE_API_SECRET (HMAC) or"
        + " BINANCE_PRIVATE_KEY_FILE (Ed25519 or RSA PEM)\n"

    /// A temporary script file holding `text`.
    static func script(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("bnc-check-\(UUID().uuidString).bnc").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    // MARK: - explain and doctor

    @Test func explainAndDoctorUsageErrorsAreJSONObjectsToo() throws {
        let cases: [([String], String)] = [
            (["explain", "-2015", "--symbol", "LTCBTC"], "--symbol is checked against an endpoint: give --endpoint too"),
            (["explain", "'one'", "'two'"], "give one error code or one request (in single quotes), not 2 arguments"),
            (["doctor", "--dry-run"], "bnc doctor sends its requests: --dry-run does not apply"),
            (["doctor", "/nonexistent/script.bnc"], "no such file: /nonexistent/script.bnc")
        ]
        for (arguments, message) in cases {
            let text = try LanguageRun.bnc(arguments)
            #expect(text.status == 2 && text.stdout.isEmpty, "\(arguments): \(text.stdout)")
            #expect(text.stderr == "bnc: error: \(message)\n", "\(arguments)")
            let json = try LanguageRun.bnc(arguments + ["--output", "json"])
            #expect(json.status == 2, "\(arguments)")
            let error = try JSONErrorEndToEndTests.error(json.stdout)
            #expect(error["kind"] as? String == "usage" && error["message"] as? String == message, "\(arguments): \(error)")
            #expect(json.stderr == text.stderr, "the text stays on standard error")
        }
    }

    // MARK: - sign

    @Test func signWithUnusableCredentialsIsAUsageErrorInText() throws {
        let run = try LanguageRun.bnc(["sign", "symbol=LTCBTC"], environment: Self.keyWithoutSecret)
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty, "nothing is signed: \(run.stdout)")
        #expect(run.stderr == Self.missingSigningKey)
    }

    @Test func signWithUnusableCredentialsIsACredentialsErrorInJSON() throws {
        let run = try LanguageRun.bnc(["sign", "--output", "json", "symbol=LTCBTC"], environment: Self.keyWithoutSecret)
        #expect(run.status == 2)
        let lines = try JSONErrorEndToEndTests.objects(run.stdout)
        #expect(lines.count == 1, "only the error, no signature: \(run.stdout)")
        let error = try JSONErrorEndToEndTests.error(run.stdout)
        #expect(error["kind"] as? String == "credentials", "as a script's $e.kind names it")
        #expect((error["message"] as? String)?.hasPrefix("BINANCE_API_KEY is set but no signing key") == true)
        #expect(error["location"] is NSNull)
        #expect(error["outcomeUnknown"] as? Bool == false)
        #expect(run.stderr == Self.missingSigningKey)
        #expect(!run.stdout.contains(LanguageRun.demoKey), "the key is never printed")
    }

    // MARK: - sim

    @Test func simWithABadOptionIsAUsageError() throws {
        let run = try LanguageRun.bnc(["sim", "--port", "70000", "--duration", "5"])
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty, "nothing started: \(run.stdout)")
        #expect(run.stderr == "bnc: error: --port must be 0-65535\n")
    }

    @Test func simWithAnUnreadableSeedFileIsAUsageError() throws {
        let run = try LanguageRun.bnc(["sim", "--seed-file", "/nonexistent/seed.json", "--duration", "5"])
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty, "nothing started: \(run.stdout)")
        #expect(run.stderr.hasPrefix("bnc: error: seed file /nonexistent/seed.json: "), "stderr: \(run.stderr)")
    }

    @Test func simOnAPortInUseIsARuntimeErrorWithAHint() throws {
        let first = try SimulatorProcess()
        defer { first.stop() }
        let port = try #require(first.baseURL.split(separator: ":").last.map(String.init))
        let run = try LanguageRun.bnc(["sim", "--port", port, "--duration", "5"])
        #expect(run.status == 1, "stdout: \(run.stdout) stderr: \(run.stderr)")
        #expect(run.stdout.isEmpty, "no banner for a server that is not listening: \(run.stdout)")
        #expect(run.stderr.hasPrefix("bnc: error: could not listen: "), "stderr: \(run.stderr)")
        #expect(run.stderr.hasSuffix("hint: is the port already in use? --port 0 picks a free one\n"), "stderr: \(run.stderr)")
    }

    // MARK: - log

    @Test(arguments: ["show", "script"])
    func aLogThatCannotBeOpenedIsARuntimeError(subcommand: String) throws {
        let run = try LanguageRun.bnc(["log", subcommand, "/nonexistent/session.jsonl"])
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr == "bnc: error: cannot read the session log /nonexistent/session.jsonl: No such file or directory\n")
    }

    @Test func aLogThatIsADirectoryIsARuntimeError() throws {
        let directory = FileManager.default.temporaryDirectory.path
        let run = try LanguageRun.bnc(["log", "show", directory])
        #expect(run.status == 1, "stdout: \(run.stdout) stderr: \(run.stderr)")
        #expect(run.stdout.isEmpty)
        #expect(run.stderr == "bnc: error: cannot read the session log \(directory): is a directory\n")
    }

    // MARK: - check

    @Test func checkInTextKeepsItsSummaryOnStandardError() throws {
        let clean = try Self.script("print 1\n")
        let broken = try Self.script("print $nosuch\nprint $other\n")
        defer {
            try? FileManager.default.removeItem(atPath: clean)
            try? FileManager.default.removeItem(atPath: broken)
        }
        let run = try LanguageRun.bnc(["check", clean, broken])
        #expect(run.status == 2)
        #expect(run.stdout == "\(clean): ok\n")
        #expect(run.stderr.contains("\(broken):1:7: error: undefined variable '$nosuch'"), "stderr: \(run.stderr)")
        #expect(run.stderr.hasSuffix("\(broken): 2 errors\n"), "stderr: \(run.stderr)")
    }

    @Test func checkInJSONGivesAResultPerFileAndAnObjectPerError() throws {
        let clean = try Self.script("print 1\n")
        let broken = try Self.script("print 1\nprint $nosuch\n")
        defer {
            try? FileManager.default.removeItem(atPath: clean)
            try? FileManager.default.removeItem(atPath: broken)
        }
        let run = try LanguageRun.bnc(["check", "--output", "json", broken, "/nonexistent/x.bnc", clean])
        #expect(run.status == 2)
        let lines = try JSONErrorEndToEndTests.objects(run.stdout)
        #expect(lines.count == 4, "stdout: \(run.stdout)")
        guard lines.count == 4 else { return }
        #expect(lines[0]["file"] as? String == broken)
        #expect(lines[0]["errors"] as? Int == 1)
        let checkError = try #require(lines[1]["error"] as? [String: Any])
        #expect(checkError["kind"] as? String == "check")
        #expect(checkError["location"] as? String == "\(broken):2:7")
        #expect((checkError["message"] as? String)?.contains("nosuch") == true)
        let missing = try #require(lines[2]["error"] as? [String: Any])
        #expect(missing["kind"] as? String == "usage")
        #expect(missing["message"] as? String == "no such file: /nonexistent/x.bnc")
        #expect(lines[3]["file"] as? String == clean)
        #expect(lines[3]["errors"] as? Int == 0)
        // The text form is still on standard error.
        #expect(run.stderr.contains("\(broken): 1 error\n"), "stderr: \(run.stderr)")
        #expect(run.stderr.contains("bnc: error: no such file: /nonexistent/x.bnc\n"), "stderr: \(run.stderr)")
    }

    @Test func aCleanCheckInJSONExitsZero() throws {
        let clean = try Self.script("param sym\nprint $sym\n")
        defer { try? FileManager.default.removeItem(atPath: clean) }
        let run = try LanguageRun.bnc(["--output", "json", "check", "--set", "sym=LTCBTC", clean])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.stdout == "{\"file\":\"\(clean)\",\"errors\":0}\n")
        #expect(run.stderr.isEmpty)
    }

    @Test func checkWithABadSetIsAJSONUsageErrorAndChecksNothing() throws {
        let clean = try Self.script("print 1\n")
        defer { try? FileManager.default.removeItem(atPath: clean) }
        let run = try LanguageRun.bnc(["check", "--output", "json", "--set", "nope", clean])
        #expect(run.status == 2)
        let lines = try JSONErrorEndToEndTests.objects(run.stdout)
        #expect(lines.count == 1, "no file result: \(run.stdout)")
        let error = try JSONErrorEndToEndTests.error(run.stdout)
        #expect(error["kind"] as? String == "usage")
        #expect(error["message"] as? String == "--set 'nope' is not name=value")
        #expect(error["hint"] as? String == "e.g. --set sym=BTCUSDT")
        #expect(run.stderr == "bnc: error: --set 'nope' is not name=value\nhint: e.g. --set sym=BTCUSDT\n")
    }
}

/// The interactive shell's own ending goes through `Termination` too: a shell that cannot make
/// its session says why, exits 2, and with `--output json` prints the error object as well.
@Suite("The interactive shell's exit code, in tmux", .serialized)
struct ShellExitCodeTests {
    /// `--dry-run` (so there is no dry-run fallback to fall back to) with unusable credentials.
    static func unstartableShell(_ extra: [String]) throws -> ShellTmuxHarness {
        try ShellTmuxHarness(
            arguments: ["--dry-run", "--no-log"] + extra, environment: ["BINANCE_API_KEY": LanguageRun.demoKey])
    }

    @Test func aShellThatCannotStartExitsTwoWithTheError() throws {
        let shell = try Self.unstartableShell([])
        defer {
            shell.close()
            shell.removeHome()
        }
        #expect(try shell.waitForExit() == 2)
        let screen = try shell.joinedScreen()
        #expect(screen.contains("bnc: error: BINANCE_API_KEY is set but no signing key"), "screen: \(screen)")
        #expect(!screen.contains("{\"error\""), "text output has no JSON: \(screen)")
    }

    @Test func aShellThatCannotStartPrintsTheJSONErrorWithOutputJSON() throws {
        let shell = try Self.unstartableShell(["--output", "json"])
        defer {
            shell.close()
            shell.removeHome()
        }
        #expect(try shell.waitForExit() == 2)
        let screen = try shell.joinedScreen()
        let line = try #require(screen.split(separator: "\n").first { $0.hasPrefix("{\"error\"") }, "screen: \(screen)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        let error = try #require(object["error"] as? [String: Any])
        #expect(error["kind"] as? String == "usage")
        #expect((error["message"] as? String)?.hasPrefix("BINANCE_API_KEY is set but no signing key") == true)
    }
}
