import Foundation
import Testing

/// `bnc doctor` run as a user runs it, against `bnc sim` with each fault: the reported line and
/// the exit code.
@Suite struct DoctorEndToEndTests {
    /// `bnc doctor ARGUMENTS --endpoint SIM` with the demo key and no profile.
    static func doctor(_ sim: SimulatorProcess, _ arguments: [String]) throws -> LanguageRun {
        try LanguageRun.withDemoKey(["doctor", "--endpoint", sim.baseURL] + arguments)
    }

    /// The report line of the check named `name`.
    static func line(_ name: String, in run: LanguageRun) -> String? {
        run.stdout.split(separator: "\n").map(String.init).first {
            $0.dropFirst(9).hasPrefix(name + " ")
        }
    }

    @Test func aHealthySimulatorIsAllOKAndExitsZero() throws {
        let sim = try SimulatorProcess()
        defer { sim.stop() }
        let run = try Self.doctor(sim, ["--symbol", "LTCBTC"])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        let endpoint = try #require(Self.line("endpoint", in: run))
        #expect(endpoint.hasPrefix("ok ") && endpoint.hasSuffix(" \(sim.baseURL), plain http"), "\(endpoint)")
        #expect(Self.line("clock", in: run)?.hasPrefix("ok ") == true)
        #expect(Self.line("key", in: run)?.contains("HMAC key vmPU…Eh8A") == true)
        #expect(Self.line("symbol LTCBTC", in: run)?.hasPrefix("ok ") == true)
        #expect(Self.line("permissions", in: run)?.hasPrefix("ok ") == true, "\(run.stdout)")
        #expect(Self.line("ip restriction", in: run)?.contains("off: any IP may use this key") == true)
        // apiRestrictions 1, allPairs 1, the isolated account of LTCBTC 10.
        #expect(Self.line("weight", in: run)?.contains("sapi 12 used") == true, "\(run.stdout)")
        #expect(run.stdout.hasSuffix("0 warnings, 0 problems\n"))
        #expect(!run.stdout.contains(LanguageRun.demoSecret))
    }

    @Test func aSkewedServerClockIsAProblemWithExitOne() throws {
        let sim = try SimulatorProcess(["--skew-ms=-7000"])
        defer { sim.stop() }
        let run = try Self.doctor(sim, [])
        #expect(run.status == 1)
        let clock = try #require(Self.line("clock", in: run))
        #expect(clock.hasPrefix("problem  clock "), "\(clock)")
        #expect(clock.contains(" this machine is more than 1000 ms ahead of the exchange: offset -"), "\(clock)")
        // About -7000 ms, give or take the round trip and rounding (-7001 happens).
        let offset = clock.components(separatedBy: "offset ").last?.split(separator: " ").first.flatMap { Int($0) }
        #expect(offset.map { abs($0 + 7000) <= 200 } == true, "\(clock)")
        #expect(run.stdout.contains("fix: sync this machine's clock"))
        let behind = try SimulatorProcess(["--skew-ms=9000"])
        defer { behind.stop() }
        let late = try Self.doctor(behind, ["--output", "json"])
        #expect(late.status == 1)
        #expect(
            late.stdout.contains(
                #"{"check":"clock","status":"problem","detail":"a request stamped by this machine is older than recvWindow"#))
        #expect(late.stdout.hasSuffix(#""exitCode":1}"# + "\n"))
    }

    @Test func theSymbolsOfAScriptAreCheckedWithoutRunningIt() throws {
        let sim = try SimulatorProcess()
        defer { sim.stop() }
        let script = try LanguageRun.script(
            "let s = \"BNBBTC\"\ncancel $s id=1\nfor x in [ETHBTC, NOSUCH] { cancel $x id=2 isolated }\n")
        let run = try Self.doctor(sim, [script])
        #expect(run.status == 1)
        #expect(Self.line("symbol BNBBTC", in: run)?.hasPrefix("ok ") == true, "\(run.stdout)")
        #expect(
            Self.line("symbol NOSUCH", in: run)?.contains("no isolated margin account for it, and not a cross margin pair")
                == true,
            "\(run.stdout)")
        // The script was not run: no cancel reached the simulator.
        #expect(!sim.log.contains("DELETE"))
    }

    @Test func eachKeyRestrictionIsAProblemLineWithItsFix() throws {
        let noMargin = try SimulatorProcess(["--key-permissions", "no-margin"])
        defer { noMargin.stop() }
        let margin = try Self.doctor(noMargin, ["--symbol", "LTCBTC"])
        #expect(margin.status == 1)
        let line = try #require(Self.line("permissions", in: margin))
        #expect(line.hasPrefix("problem  permissions ") && line.contains(" margin not enabled for this key"), "\(line)")
        #expect(margin.stdout.contains("fix: enable margin for the key on the exchange's API management page"))
        // The isolated account is a margin read: not asked, since it would only answer -2015.
        #expect(margin.stdout.contains("warning  symbols") && !noMargin.log.contains("isolated/account"))

        let noTrading = try SimulatorProcess(["--key-permissions", "no-trading"])
        defer { noTrading.stop() }
        let trading = try Self.doctor(noTrading, ["--output", "json"])
        #expect(trading.status == 1)
        #expect(
            trading.stdout.contains(
                #"{"check":"permissions","status":"problem","detail":"spot & margin trading not enabled for this key: every cancel answers -2015""#
            ), "\(trading.stdout)")

        let offList = try SimulatorProcess(["--key-permissions", "not-whitelisted"])
        defer { offList.stop() }
        let ip = try Self.doctor(offList, [])
        #expect(ip.status == 1)
        #expect(
            Self.line("permissions", in: ip)?.contains(
                "apiRestrictions answered -2015: the key is unknown to this endpoint, or this machine's IP is not on its whitelist"
            )
                == true, "\(ip.stdout)")

        let restricted = try SimulatorProcess(["--key-permissions", "ip-restricted"])
        defer { restricted.stop() }
        let whitelisted = try Self.doctor(restricted, [])
        #expect(whitelisted.status == 0, "\(whitelisted.stdout)")
        #expect(Self.line("ip restriction", in: whitelisted)?.contains("ip restriction  on: this IP is on") == true)
    }

    @Test func aSymbolWithoutAnIsolatedAccountIsAProblemWithTheFix() throws {
        let sim = try SimulatorProcess()
        defer { sim.stop() }
        let run = try Self.doctor(sim, ["--symbol", "BNBBTC", "--symbol", "ETHBTC"])
        #expect(run.status == 1)
        let line = try #require(Self.line("symbol BNBBTC", in: run))
        #expect(line.hasPrefix("problem  symbol BNBBTC"), "\(line)")
        #expect(line.contains("no isolated margin account for it"), "\(line)")
        #expect(run.stdout.contains("fix: open the isolated account (transfer into Isolated Margin for BNBBTC"))
        #expect(Self.line("symbol ETHBTC", in: run)?.hasPrefix("ok ") == true)
        // Both symbols in one request (up to 5 per call).
        #expect(sim.log.components(separatedBy: "isolated/account").count == 2, "\(sim.log)")
        #expect(try LanguageRun.withDemoKey(["sim", "--key-permissions", "no-futures", "--duration", "1"]).status == 2)
    }

    @Test func anUnreachableEndpointIsAProblemAndBadUsageExitsTwo() throws {
        let down = try LanguageRun.withDemoKey(["doctor", "--endpoint", "http://127.0.0.1:9"])
        #expect(down.status == 1)
        #expect(down.stdout.contains("problem  endpoint  http://127.0.0.1:9, plain http: no answer to GET /api/v3/time"))
        #expect(try LanguageRun.withDemoKey(["doctor", "--symbol", "LTC/BTC"]).status == 2)
        #expect(try LanguageRun.withDemoKey(["doctor", "/nonexistent.bnc"]).status == 2)
        let broken = try LanguageRun.script("cancel LTCBTC id=\n")
        #expect(try LanguageRun.withDemoKey(["doctor", broken]).status == 2)
    }
}
