import Foundation
import Testing

/// `bnc run`, `bnc check`, parameters, shebang scripts and the examples, through the built binary.
@Suite struct LanguageEndToEndTests {
    @Test func checkReportsEveryErrorWithExitTwo() throws {
        let path = try LanguageRun.script(
            """
            let sym = LTCBTC
            cancle $sym id=1
            cancel $sym id=abc
            print "unterminated
            """, name: "broken.bnc")
        let run = try LanguageRun.bnc(["check", path])
        #expect(run.status == 2)
        #expect(
            run.stderr == """
                \(path):2:1: error: unknown command 'cancle'
                cancle $sym id=1
                ^~~~~~
                hint: did you mean 'cancel'?
                \(path):3:16: error: argument 'id' expects an integer, got 'abc'
                cancel $sym id=abc
                               ^~~
                hint: id= takes the exchange's numeric order id; use cid= for a client order id
                \(path):4:7: error: unterminated string
                print "unterminated
                      ^~~~~~~~~~~~~
                hint: close the string with "
                \(path): 3 errors

                """)
    }

    @Test func runSendsNothingWhenTheLastLineHasAnError() throws {
        let path = try LanguageRun.script("cancel LTCBTC id=1\ncancel LTCBTC id=2\ncancel LTCBTC id=3 recv=0\n")
        let run = try LanguageRun.bnc(["run", "--dry-run", path])
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.hasPrefix("\(path):3:20: error: recvWindow 0 is out of range"))
    }

    @Test func setParametersAndOptionsBeforeOrAfterTheSubcommand() throws {
        let path = try LanguageRun.script("param sym = LTCBTC\nparam id\nlet r = cancel $sym id=$id\nprint $r.query\n")
        let after = try LanguageRun.bnc(["run", "--dry-run", "--timestamp", "7", path, "--set", "sym=BTCUSDT", "--set", "id=9"])
        #expect(after.status == 0, "\(after.stderr)")
        #expect(after.stdout.hasSuffix("symbol=BTCUSDT&orderId=9&timestamp=7\n"))
        let before = try LanguageRun.bnc(["--dry-run", "--timestamp", "7", "run", path, "--set", "id=9"])
        #expect(before.stdout.hasSuffix("symbol=LTCBTC&orderId=9&timestamp=7\n"))
        let missing = try LanguageRun.bnc(["run", "--dry-run", path])
        #expect(missing.status == 2)
        #expect(
            missing.stderr.hasPrefix(
                "\(path):2:7: error: missing parameter 'id'\nparam id\n      ^~\nhint: pass it with --set id=VALUE\n"))
        let badSet = try LanguageRun.bnc(["run", "--dry-run", path, "--set", "9=x"])
        #expect(badSet.status == 2)
        #expect(badSet.stderr.contains("'9' is not a valid variable name"))
    }

    @Test func shebangScriptRunsDirectly() throws {
        let binDirectory = URL(fileURLWithPath: LanguageRun.binary).deletingLastPathComponent().path
        let path = try LanguageRun.script("#!/usr/bin/env -S bnc run\nprint \"hello from\" $who\n", name: "hello.bnc")
        chmod(path, 0o755)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["--dry-run", "--set", "who=shebang"]
        process.environment = ["PATH": "\(binDirectory):/usr/bin:/bin", "HOME": NSTemporaryDirectory()]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(String(decoding: data, as: UTF8.self) == "hello from shebang\n")
    }

    @Test func runtimeFailureExitsOneWithLocationAndSummary() throws {
        let path = try LanguageRun.script("let r = cancel LTCBTC id=1\nprint $r.status\n")
        let run = try LanguageRun.bnc(["run", "--dry-run", "--timestamp", "1", path])
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("\(path):2:7: error: $r has no field 'status'\nprint $r.status\n      ^~~~~~~~~\n"))
        #expect(run.stderr.hasSuffix("bnc: stopped at \(path):2:7: 2 statements run, 1 request performed\n"))
    }

    @Test func jsonOutputForPrintAndValues() throws {
        let run = try LanguageRun.bnc(["--output", "json", "--dry-run", "-c", "print a \"b c\"; [1, 2.50]"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout == "{\"print\":\"a b c\"}\n[1,2.50]\n")
    }

    @Test func examplesCheckCleanAndRunInADryRun() throws {
        let directory = LanguageRun.packageRoot.appendingPathComponent("examples")
        let examples = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".bnc") }
            .sorted()
        #expect(examples.count >= 3)
        for name in examples {
            let path = directory.appendingPathComponent(name).path
            let check = try LanguageRun.bnc(["check", path])
            #expect(check.status == 0, "\(name): \(check.stderr)")
            #expect(check.stdout == "\(path): ok\n")
            let dry = try LanguageRun.withDemoKey(["--dry-run", "--timestamp", "1499827319559", "run", path])
            #expect(dry.status == 0, "\(name): \(dry.stderr)")
            #expect(dry.stdout.contains("  signature  "), "\(name)")
            // And for real, against the embedded simulator's demo orders.
            let sent = try LanguageRun.bnc(["run", path])
            #expect(sent.status == 0, "\(name): \(sent.stderr)")
        }
    }
}

/// Statements sent to the embedded simulator (the default endpoint): exchange errors become
/// error values under `try`, and stop the script with exit code 1 without it.
@Suite struct LanguageSimulatorTests {
    @Test func exchangeErrorIsCaughtOrStopsTheScript() throws {
        let run = try LanguageRun.bnc([
            "-c",
            """
            try { cancel LTCBTC id=999999 } on error e { print $e.kind $e.code $e.name $e.status "[${e.msg}]" }
            cancel LTCBTC id=999998
            print "not reached"
            """
        ])
        #expect(run.status == 1)
        #expect(run.stdout == "exchange -2011 CANCEL_REJECTED 400 [Unknown order sent.]\n")
        #expect(run.stderr.hasPrefix("<command>:2:1: error: exchange error -2011 CANCEL_REJECTED: Unknown order sent.\n"))
        #expect(run.stderr.contains("hint: the order was not found in the matching engine"))
        #expect(run.stderr.hasSuffix("bnc: stopped at <command>:2:1: 4 statements run, 2 requests performed\n"))
    }
}
