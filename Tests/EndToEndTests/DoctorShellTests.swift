import Foundation
import Testing

/// `doctor` in the shell, in tmux: the same checks as `bnc doctor`, over the shell's client.
@Suite("doctor in the shell, in tmux", .serialized)
struct DoctorShellTests {
    @Test("doctor with symbols, then a malformed one, then in a dry run")
    func doctorRunsTheChecksOverTheShellsClient() throws {
        let shell = try ShellExplorationTests.shell(columns: 160)
        defer {
            shell.close()
            shell.removeHome()
        }
        let screen = try ShellExplorationTests.run("doctor LTCBTC NOSUCHPAIR", in: shell, expecting: "checks:")
        let last = try #require(screen.range(of: "> doctor LTCBTC", options: .backwards))
        let report = screen[last.upperBound...]
        #expect(report.contains("ok       endpoint"))
        #expect(report.contains("the embedded simulator"))
        #expect(report.contains("ok       symbol LTCBTC"))
        #expect(report.contains("problem  symbol NOSUCHPAIR"))
        #expect(report.contains("ok       permissions"))
        #expect(report.contains("8 checks: 7 ok, 0 warnings, 1 problem"))
        _ = try ShellExplorationTests.run("doctor LTC/BTC", in: shell, expecting: "doctor LTC/BTC:")
        // In a dry run nothing is sent, so there is nothing to check.
        try shell.type("dry on")
        try shell.press("Enter")
        try shell.waitForLastLine("bnc(sim,dry-run)>")
        try shell.type("doctor")
        try shell.press("Enter")
        try shell.waitFor(text: "doctor sends requests: `dry off` first", timeout: 15)
    }
}
