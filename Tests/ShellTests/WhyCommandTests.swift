import BinanceAPI
import Testing

@testable import Script
@testable import Shell

@Suite struct WhyCommandTests {
    @Test func parsesAsAShellCommand() {
        #expect(ShellCommand.parse("why") == .command(.why))
        #expect(ShellCommand.parse("  why ") == .command(.why))
        if case .usage = ShellCommand.parse("why -2015") {} else { Issue.record("`why -2015` is a usage error") }
        #expect(ShellCommand.names.contains("why"))
        #expect(HelpText.shellCommand("why")?.contains("exchange error") == true)
    }

    @Test func readsTheCodeOfTheExchangeError() {
        #expect(
            WhyCommand.code(
                in: "cancel failed: exchange error -2015 REJECTED_MBX_KEY: Invalid API-key, IP, or permissions for action.")
                == -2015)
        #expect(WhyCommand.code(in: "exchange error -11001 ISOLATED_MARGIN_ACCOUNT_DOES_NOT_EXIST: x") == -11001)
        #expect(WhyCommand.code(in: "unknown command 'cancle'") == nil)
        #expect(WhyCommand.code(in: "exchange error -") == nil)
        #expect(WhyCommand.code(in: "exchange error -99999999999999999999 X") == nil)
    }

    @Test func printsTheCatalogsText() throws {
        let entry = try #require(ExchangeErrorCatalog.entry(for: -2015))
        #expect(WhyCommand.text(for: -2015) == entry.explanationText)
        #expect(WhyCommand.text(for: nil).hasPrefix("no exchange error to explain"))
        #expect(WhyCommand.text(for: -9999).contains("-9999 is not an exchange error code bnc knows"))
    }
}
