import Foundation
import Testing

/// The executable's own contract: exit codes for usage errors, `bnc sign`.
@Suite struct CommandLineTests {
    @Test(arguments: [["--bogus"], ["--timestamp", "-5", "-c", "cancel LTCBTC id=1"], ["--endpoint", "ftp://x", "-c", "x"]])
    func usageErrorsExitTwo(_ arguments: [String]) throws {
        let result = try ExplainTool.bnc(arguments)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("Error:") || result.stderr.contains("error:"))
    }

    @Test func signReproducesTheDocumentedHMACExample() throws {
        let query =
            "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559"
        let result = try ExplainTool.bnc(["sign", query])
        #expect(result.status == 0)
        #expect(result.stdout == "c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71\n")
    }

    @Test func signJSONNamesTheKeyMaskedAndNeverTheSecret() throws {
        let secret = "aVerySecretValue0123456789abcdef"
        let result = try ExplainTool.bnc(
            ["sign", "--output", "json", "a=1"],
            environment: ["BINANCE_API_KEY": "myKeyABCDEFGHIJKLMNOP", "BINANCE_API_SECRET": secret])
        #expect(result.status == 0)
        #expect(result.stdout.contains(#""apiKey":"myKe…MNOP""#))
        #expect(result.stdout.contains(#""keyType":"HMAC""#))
        #expect(!result.stdout.contains(secret) && !result.stderr.contains(secret))
    }

    @Test func signWithBrokenCredentialsExitsTwo() throws {
        let result = try ExplainTool.bnc(["sign", "a=1"], environment: ["BINANCE_API_KEY": "k"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("no signing key"))
    }

    /// The help of every command reads as paragraphs: ArgumentParser wraps them itself, so a line
    /// break inside a sentence in the source left a short line followed by its continuation
    /// (`bnc sign --help`: "so the\nsignature can be\ncompared with another client's").
    @Test(arguments: [[], ["sim"], ["run"], ["check"], ["sign"], ["replay"], ["log"], ["doctor"], ["explain"]])
    func helpTextHasNoBrokenSentences(_ command: [String]) throws {
        let run = try LanguageRun.bnc(command + ["--help"], environment: ["COLUMNS": "80"])
        #expect(run.status == 0)
        let prose = run.stdout.components(separatedBy: "\nUSAGE:").first ?? ""
        let lines = prose.split(separator: "\n", omittingEmptySubsequences: false)
        for (line, next) in zip(lines, lines.dropFirst()) where !line.isEmpty && line.count < 60 {
            #expect(!(next.first?.isLowercase ?? false), "'\(line)' then '\(next)' in bnc \(command.joined()) --help")
        }
    }
}
