import Testing

@testable import Script

/// The symbols `bnc doctor FILE.bnc` checks: found by parsing, following literal bindings.
@Suite struct ScriptSymbolsTests {
    static func uses(_ text: String) -> [String] {
        ScriptSymbols.uses(in: text, file: "t.bnc").uses.map {
            "\($0.symbol)\($0.isolated ? " isolated" : "")@\($0.location.line)"
        }
    }

    @Test func literalAndNamedSymbolArguments() {
        #expect(Self.uses("cancel ltcbtc id=1\norder symbol=BNBBTC id=2 isIsolated=TRUE\n") == ["LTCBTC@1", "BNBBTC isolated@2"])
    }

    @Test func variablesBoundToLiteralsAreFollowed() {
        let text = """
            param sym = ETHBTC
            let s = "BNBBTC"
            for x in [LTCBTC, XRPBTC] { cancel $x id=1 isolated }
            if true { open $s } else { open $sym }
            let r = open(LTCBTC)
            cancel $r.symbol id=3
            """
        #expect(Self.uses(text) == ["LTCBTC isolated@3", "XRPBTC isolated@3", "BNBBTC@4", "ETHBTC@4", "LTCBTC@5"])
    }

    @Test func syntaxErrorsAreReportedAndNothingRuns() {
        let result = ScriptSymbols.uses(in: "cancel LTCBTC id=\n", file: "t.bnc")
        #expect(!result.diagnostics.isEmpty)
    }
}
