import Testing

@testable import BinanceAPI

/// The one escaping rule for text from outside shown on a terminal (issue 13, item 6).
@Suite struct TerminalTextTests {
    @Test func controlCharactersAreEscapedAndEverythingElseKept() {
        #expect(TerminalText.escaped("\u{1B}]0;pwned\u{07}\u{1B}[41mred") == #"\x1B]0;pwned\x07\x1B[41mred"#)
        #expect(TerminalText.escaped("a\r\nb\tc\u{7F}\u{0}") == #"a\r\nb\tc\x7F\x00"#)
        #expect(TerminalText.escaped("csi \u{9B}2J nel \u{85}") == #"csi \u{9B}2J nel \u{85}"#)
        #expect(TerminalText.escaped("é ü 漢字 🙂 \u{A0} \u{A9}") == "é ü 漢字 🙂 \u{A0} \u{A9}")
    }

    @Test func lineBreaksMayBeKeptButNotCarriageReturns() {
        #expect(TerminalText.escaped("one\n\ttwo\r\u{1B}[2K", keepingLineBreaks: true) == "one\n\ttwo\\r\\x1B[2K")
    }

    @Test func textWithoutControlsIsReturnedAsIs() {
        let text = "symbol LTCBTC  status CANCELED"
        #expect(!TerminalText.needsEscaping(text))
        #expect(TerminalText.escaped(text) == text)
        #expect(TerminalText.needsEscaping("\u{80}"))
        #expect(!TerminalText.needsEscaping("\u{C2}\u{A0}"))
    }

    @Test func everyScalarBelowA0IsCheckedOneByOne() {
        for value in UInt32(0)...0xFF {
            let scalar = Unicode.Scalar(value)!
            let escaped = TerminalText.escaped(String(Character(scalar)))
            let isControl = value < 0x20 || (0x7F...0x9F).contains(value)
            #expect(escaped.unicodeScalars.allSatisfy { $0.value >= 0x20 && !(0x7F...0x9F).contains($0.value) })
            #expect((escaped != String(Character(scalar))) == isControl, "U+\(String(value, radix: 16))")
        }
    }
}
