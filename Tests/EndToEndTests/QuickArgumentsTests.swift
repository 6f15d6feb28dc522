import Foundation
import Testing

/// `bnc [options] -c TEXT` is recognised without ArgumentParser (start-up time). The same command
/// line with `--name=value` forms goes through ArgumentParser: both must behave identically, and
/// whatever the quick path does not take must still get ArgumentParser's messages.
@Suite struct QuickArgumentsTests {
    static let cancel = "cancel LTCBTC id=28"

    @Test(arguments: [
        (
            ["--dry-run", "--timestamp", "1499827319559", "-c", cancel],
            ["--dry-run", "--timestamp=1499827319559", "-c", cancel]
        ),
        (
            ["--no-log", "--output", "json", "--dry-run", "--timestamp", "1499827319559", "-c", cancel],
            ["--no-log", "--output=json", "--dry-run", "--timestamp=1499827319559", "-c", cancel]
        ),
        (
            [
                "--dry-run", "--endpoint", "live", "--timestamp", "1499827319559", "-c",
                "for id in 1..3 { cancel LTCBTC id=$id isolated }"
            ],
            [
                "--dry-run", "--endpoint=live", "--timestamp=1499827319559", "-c",
                "for id in 1..3 { cancel LTCBTC id=$id isolated }"
            ]
        ),
        (["--dry-run", "--no-log", "-c", "cancel LTCBTC"], ["--dry-run", "--no-log", "--output=text", "-c", "cancel LTCBTC"]),
        (["--no-log", "-c", "print 1 \"two\"", "--dry-run"], ["--no-log", "-c", "print 1 \"two\"", "--dry-run", "--output=text"])
    ])
    func theQuickPathBehavesLikeArgumentParser(quick: [String], parsed: [String]) throws {
        let a = try LanguageRun.bnc(quick + (quick.contains("--no-log") ? [] : ["--no-log"]))
        let b = try LanguageRun.bnc(parsed + (parsed.contains("--no-log") ? [] : ["--no-log"]))
        #expect(a.status == b.status)
        #expect(a.stdout == b.stdout)
        #expect(a.stderr == b.stderr)
        #expect(!a.stdout.isEmpty || !a.stderr.isEmpty)
    }

    @Test func whatTheQuickPathDoesNotTakeGetsArgumentParsersMessages() throws {
        let zero = try LanguageRun.bnc(["--timestamp", "0", "--no-log", "-c", Self.cancel])
        #expect(zero.status == 2)
        #expect(zero.stderr.contains("--timestamp must be a positive number of milliseconds"))
        let endpoint = try LanguageRun.bnc(["--endpoint", "ftp://x", "--no-log", "-c", Self.cancel])
        #expect(endpoint.status == 2)
        #expect(endpoint.stderr.contains("--endpoint must be sim, live, testnet, or an http(s):// base URL"))
        let format = try LanguageRun.bnc(["--output", "yaml", "--no-log", "-c", Self.cancel])
        #expect(format.status == 2)
        #expect(format.stderr.contains("yaml"))
        let twice = try LanguageRun.bnc(["--no-log", "-c", "print 1", "-c", "print 2"])
        #expect(twice.stdout == "2\n" || twice.status == 2, "stdout \(twice.stdout) stderr \(twice.stderr)")
        let version = try LanguageRun.bnc(["--version", "-c", "print 1"])
        #expect(version.stdout.hasPrefix("0."))
    }
}
