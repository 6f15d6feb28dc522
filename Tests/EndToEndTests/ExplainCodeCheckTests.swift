import Foundation
import Testing

/// `bnc explain CODE --endpoint SIM`: after the catalog's text, the doctor's checks that separate
/// the code's causes, run against `bnc sim` with each fault; the exit code follows them.
@Suite struct ExplainCodeCheckTests {
    static func explain(_ sim: SimulatorProcess, _ arguments: [String]) throws -> LanguageRun {
        try LanguageRun.withDemoKey(["explain"] + arguments + ["--endpoint", sim.baseURL])
    }

    /// The report line of the check named `name`, after the catalog's text.
    static func line(_ name: String, in run: LanguageRun) -> String? {
        guard let checks = run.stdout.range(of: "\nChecked against ") else { return nil }
        return run.stdout[checks.upperBound...].split(separator: "\n").map(String.init).first {
            $0.dropFirst(9).hasPrefix(name + " ")
        }
    }

    @Test func minus2015WithoutMarginNamesThePermission() throws {
        let sim = try SimulatorProcess(["--key-permissions", "no-margin"])
        defer { sim.stop() }
        let run = try Self.explain(sim, ["-2015"])
        #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.hasPrefix("-2015 REJECTED_MBX_KEY\n"))
        #expect(run.stdout.contains("\nChecked against \(sim.baseURL):\n"))
        #expect(Self.line("key", in: run)?.hasPrefix("ok ") == true, "\(run.stdout)")
        let permissions = try #require(Self.line("permissions", in: run))
        #expect(permissions.hasPrefix("problem  permissions ") && permissions.contains("margin not enabled for this key"))
        #expect(run.stdout.hasSuffix("1 problem\n"))
        #expect(sim.log.contains("GET /sapi/v1/account/apiRestrictions"))
        #expect(!run.stdout.contains(LanguageRun.demoSecret))
    }

    @Test func minus2015OffTheWhitelistIsTheUnknownKeyOrIPCause() throws {
        let sim = try SimulatorProcess(["--key-permissions", "not-whitelisted"])
        defer { sim.stop() }
        let run = try Self.explain(sim, ["-2015"])
        #expect(run.status == 1)
        let permissions = try #require(Self.line("permissions", in: run))
        #expect(permissions.contains("answered -2015: the key is unknown to this endpoint, or this"), "\(permissions)")
    }

    @Test func minus2015WithAHealthyKeyIsAllOKAndExitsZero() throws {
        let sim = try SimulatorProcess()
        defer { sim.stop() }
        let run = try Self.explain(sim, ["--output", "json", "-2015"])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(object["code"] as? Int == -2015 && object["exitCode"] as? Int == 0)
        let checks = try #require(object["checks"] as? [[String: Any]])
        #expect(checks.map { $0["check"] as? String } == ["endpoint", "key", "permissions", "ip restriction"])
        #expect(checks.allSatisfy { $0["status"] as? String == "ok" })
    }

    @Test func minus1021ChecksTheClock() throws {
        let sim = try SimulatorProcess(["--skew-ms=-7000"])
        defer { sim.stop() }
        let run = try Self.explain(sim, ["-1021"])
        #expect(run.status == 1)
        let clock = try #require(Self.line("clock", in: run))
        #expect(clock.contains("this machine is more than 1000 ms ahead of the exchange"), "\(clock)")
        // The clock alone: no key or permission request.
        #expect(Self.line("permissions", in: run) == nil && !sim.log.contains("apiRestrictions"))
    }

    @Test func minus11001ChecksEachSymbolsIsolatedAccount() throws {
        let sim = try SimulatorProcess()
        defer { sim.stop() }
        let run = try Self.explain(sim, ["-11001", "--symbol", "LTCBTC", "--symbol", "bnbbtc"])
        #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
        #expect(Self.line("symbol LTCBTC", in: run)?.hasPrefix("ok ") == true, "\(run.stdout)")
        let missing = try #require(Self.line("symbol BNBBTC", in: run))
        #expect(missing.hasPrefix("problem ") && missing.contains("no isolated margin account for it"))
        #expect(sim.log.contains("GET /sapi/v1/margin/isolated/account"))
        // Without a symbol there is nothing to ask: a warning says what to give.
        let bare = try Self.explain(sim, ["-11001"])
        #expect(bare.status == 0)
        #expect(Self.line("isolated account", in: bare)?.contains("not checked: no symbol given") == true)
    }

    @Test func usageErrorsAndCodesWithoutACheck() throws {
        let sim = try SimulatorProcess()
        defer { sim.stop() }
        let none = try Self.explain(sim, ["-1104"])
        #expect(none.status == 0 && !none.stdout.contains("Checked against"))
        #expect(none.stderr.contains("no request separates -1104's causes"))
        let wrongCode = try Self.explain(sim, ["-2015", "--symbol", "LTCBTC"])
        #expect(wrongCode.status == 2 && wrongCode.stderr.contains("--symbol is for -11001"))
        let noEndpoint = try LanguageRun.withDemoKey(["explain", "-11001", "--symbol", "LTCBTC"])
        #expect(noEndpoint.status == 2 && noEndpoint.stderr.contains("give --endpoint too"))
        let badSymbol = try Self.explain(sim, ["-11001", "--symbol", "LTC/BTC"])
        #expect(badSymbol.status == 2 && badSymbol.stderr.contains("--symbol 'LTC/BTC'"))
    }
}
