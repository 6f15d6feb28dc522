import Testing

@testable import Script

/// A diagnostic's message and hint can quote the exchange; its source line can hold anything a
/// file held: control characters are shown escaped and the caret still points at the token
/// (issue 13, item 6).
@Suite struct DiagnosticEscapingTests {
    @Test func messageHintAndSourceLineAreEscaped() {
        let diagnostic = Diagnostic(
            location: SourceLocation(file: "t.bnc", line: 1, column: 9), length: 6,
            message: "Unknown order \u{1B}]0;pwned\u{07}sent.\r\nbnc: ok", hint: "see \u{1B}[41m",
            sourceLine: "let\u{1B}x = cancel")
        let text = diagnostic.rendered
        #expect(
            text == """
                t.bnc:1:9: error: Unknown order \\x1B]0;pwned\\x07sent.\\r\\nbnc: ok
                let\\x1Bx = cancel
                           ^~~~~~
                hint: see \\x1B[41m
                """)
        let coloured = DiagnosticRenderer.render(diagnostic, colour: true)
        #expect(coloured.contains(#"Unknown order \x1B]0;pwned\x07sent."#))
        #expect(!coloured.contains("\u{07}"))
    }

    @Test func tabsStillLineTheCaretUp() {
        let diagnostic = Diagnostic(
            location: SourceLocation(file: "t.bnc", line: 1, column: 3), message: "m", sourceLine: "\t\tx")
        #expect(diagnostic.rendered == "t.bnc:1:3: error: m\n\t\tx\n\t\t^")
    }
}
