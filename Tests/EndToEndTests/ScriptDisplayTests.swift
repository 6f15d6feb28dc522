import Foundation
import Testing

/// Script text output uses the shell's display rules: an order's compact columns and dates
/// (raw numbers stay in JSON output and in variables), and the profile's `time` and `columns`
/// settings apply to it as to the shell (issue 16).
@Suite struct ScriptDisplayTests {
    @Test func compactColumnsAndDatesInTextRawInJSONAndVariables() throws {
        let text = try LanguageRun.bnc(["--no-log", "-c", "open LTCBTC"], environment: ["TZ": "UTC"])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(
            text.stdout.hasPrefix(
                "orderId  clientOrderId  side  type             price       origQty      executedQty  status            time\n"))
        #expect(
            text.stdout.contains(
                "33       ltcOco7Stop    SELL  STOP_LOSS_LIMIT  0.00119000  1.00000000   0.00000000   NEW               2026-01-01 00:14:00\n"
            ),
            "an OCO leg is a row like any order")
        #expect(text.stdout.contains("2026-01-01 00:00:00") && !text.stdout.contains("1767225600000"))
        #expect(!text.stdout.contains("cummulativeQuoteQty"), "not a terminal: no width, but still the compact set")
        let json = try LanguageRun.bnc(["--no-log", "--output", "json", "-c", "open LTCBTC"])
        #expect(json.stdout.contains("\"time\":1767225600000") && json.stdout.contains("cummulativeQuoteQty"))
        let variable = try LanguageRun.bnc(["--no-log", "-c", "let os = open LTCBTC\nfor o in $os { print $o.time }"])
        #expect(variable.stdout.hasPrefix("1767225600000\n"))
    }

    @Test func wideIsTheLanguagesInScriptsAndDashC() throws {
        // A statement ending in `wide` shows every field; the next one is compact again.
        let dashC = try LanguageRun.bnc(["--no-log", "-c", "open LTCBTC wide\nopen LTCBTC"])
        #expect(dashC.status == 0, "\(dashC.stderr)")
        let parts = dashC.stdout.components(separatedBy: "\norderId  ")
        #expect(parts.count == 2, "\(dashC.stdout)")
        #expect(parts[0].contains("selfTradePreventionMode") && !parts[1].contains("selfTradePreventionMode"))
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("bnc-wide-\(UUID().uuidString).bnc")
        defer { try? FileManager.default.removeItem(at: file) }
        try "let os = open LTCBTC\n$os wide\n".write(to: file, atomically: true, encoding: .utf8)
        let script = try LanguageRun.bnc(["--no-log", "run", file.path])
        #expect(script.status == 0, "\(script.stderr)")
        #expect(script.stdout.contains("selfTradePreventionMode"))
        // Misplaced, it is a check error before anything is sent.
        let misplaced = try LanguageRun.bnc(["--no-log", "-c", "cancel LTCBTC id=28\nlet r = open LTCBTC wide"])
        #expect(misplaced.status == 2 && misplaced.stdout.isEmpty, "\(misplaced.stdout)")
        #expect(misplaced.stderr.contains("<command>:2:21: error: 'wide' shows every field"), "\(misplaced.stderr)")
    }

    @Test func theProfilesTimeAndColumnsApplyToScripts() throws {
        let config = FileManager.default.temporaryDirectory.appendingPathComponent("bnc-display-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: config.appendingPathComponent("bnc"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: config) }
        try "time = utc\ncolumns = all\n".write(
            to: config.appendingPathComponent("bnc/config"), atomically: true, encoding: .utf8)
        let run = try LanguageRun.bnc(
            ["--no-log", "-c", "open LTCBTC"], environment: ["XDG_CONFIG_HOME": config.path, "TZ": "Asia/Tokyo"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("2026-01-01 00:00:00Z"))
        #expect(run.stdout.contains("selfTradePreventionMode"))
        try "time = sometimes\n".write(to: config.appendingPathComponent("bnc/config"), atomically: true, encoding: .utf8)
        let bad = try LanguageRun.bnc(["--no-log", "-c", "open LTCBTC"], environment: ["XDG_CONFIG_HOME": config.path])
        #expect(bad.status == 2, "\(bad.stdout)")
        #expect(bad.stderr.contains("'time' takes local or utc"))
    }
}
