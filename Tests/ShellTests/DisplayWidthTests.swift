import BinanceAPI
import Script
import Testing

@testable import Shell

/// Terminal columns, as wcwidth counts them, for table columns and word wrapping: wide (CJK,
/// fullwidth, emoji) characters take 2, combining marks 0, control characters their escaped text.
@Suite struct DisplayWidthTests {
    @Test(arguments: [
        ("LTCBTC", 6), ("中文", 4), ("ｔｅｓｔ", 8), ("한국어", 6), ("カナ", 4), ("🙂", 2), ("👍🏽", 2),
        ("👨‍👩‍👧", 2), ("🇯🇵", 2), ("❤️", 2), ("❤", 1), ("©", 1), ("e\u{301}", 1), ("é", 1),
        ("a\u{200B}b", 2), ("\u{1B}", 4), ("\u{9B}", 6), ("\t", 2), ("", 0), ("Ωμέγα", 5)
    ])
    func width(text: String, columns: Int) {
        #expect(DisplayWidth.of(text) == columns, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
    }

    @Test func controlCharactersCountAsTheirEscapedText() {
        // The renderer escapes before it measures; measuring raw text gives the same answer.
        for raw in ["a\u{1B}[31mb", "x\ny", "\u{7F}", "\u{85}z"] {
            #expect(DisplayWidth.of(raw) == TerminalText.escaped(raw).count, "\(raw.debugDescription)")
        }
    }

    @Test func mixedWidthCellsAlignInATable() {
        let records = [
            Record([("note", .string("中文注释")), ("qty", .string("1.5")), ("side", .string("BUY"))]),
            Record([("note", .string("cafe\u{301}")), ("qty", .string("22")), ("side", .string("SELL"))]),
            Record([("note", .string("🙂🙂 ok")), ("qty", .string("333")), ("side", .string("BUY"))])
        ]
        let table = ValueTextRenderer().render(.list(records.map(Value.record)))
        #expect(
            table == """
                note      qty  side
                中文注释  1.5  BUY
                café      22   SELL
                🙂🙂 ok   333  BUY
                """)
        // Every row starts its second and third columns at the same terminal column.
        let lines = table.split(separator: "\n").map(String.init)
        let starts = lines.map { line -> [Int] in
            var column = 0
            var starts: [Int] = []
            var previous: Character = "x"
            for character in line {
                if previous == " " && character != " " { starts.append(column) }
                column += DisplayWidth.of(character)
                previous = character
            }
            return starts.suffix(2)
        }
        #expect(Set(starts).count == 1, "\(starts)")
    }

    @Test func expandedRecordsAndFieldsAlignByColumns() {
        let record = Record([("名前", .string("x")), ("id", .integer(7))])
        #expect(ValueTextRenderer().render(.record(record)) == "名前  x\nid    7")
    }

    @Test func wrappingCountsColumnsAndNeverSplitsAWideCharacter() {
        let text = String(repeating: "中文 ", count: 12).trimmingTrailingSpaces() // 12 words of 4 columns
        let wrapped = TextWrapper.wrap(text, width: 20)
        for line in wrapped.split(separator: "\n") { #expect(DisplayWidth.of(line) <= 20, "\(line)") }
        #expect(wrapped.split(separator: "\n").first == "中文 中文 中文 中文") // 4*4 + 3 = 19 columns
        // A long word of wide characters is cut between characters, each piece within the width.
        let long = TextWrapper.wrap(String(repeating: "漢", count: 25), width: 21)
        #expect(long.split(separator: "\n").map { DisplayWidth.of($0) } == [20, 20, 10])
        // Combining marks take no column: 24 × "é" (e + U+0301) fits 24 columns unwrapped.
        let accents = String(repeating: "e\u{301}", count: 24)
        #expect(TextWrapper.wrap(accents, width: 24) == accents)
    }
}
