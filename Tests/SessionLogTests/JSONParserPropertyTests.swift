import BinanceAPI
import Testing

/// `JSONValue.parse` reads through an unsafe buffer and builds escape-free strings straight from
/// their bytes; these check it against the parser it replaced (``ReferenceJSONParser``): the same
/// value for every valid text, the same error at the same offset for every invalid one.
@Suite struct JSONParserPropertyTests {
    /// Both parsers' outcome for `bytes`, as comparable values.
    static func outcomes(_ bytes: [UInt8]) -> (
        fast: Result<JSONValue, JSONParseError>, reference: Result<JSONValue, JSONParseError>
    ) {
        let fast = Result { () throws(JSONParseError) in try JSONValue.parse(bytes) }
        let reference = Result { () throws(JSONParseError) in try ReferenceJSONParser.parse(bytes) }
        return (fast, reference)
    }

    @Test func generatedValuesParseAsTheReferenceDoes() {
        var generator = JSONTextGenerator(seed: 0x4A53_4F4E)
        for round in 0..<20_000 {
            let text = generator.space() + generator.value(depth: 4) + generator.space()
            let bytes = Array(text.utf8)
            let (fast, reference) = Self.outcomes(bytes)
            #expect(fast == reference, "round \(round): \(text)")
            guard case .success = reference else {
                Issue.record("round \(round): the generator made invalid JSON: \(text)")
                continue
            }
        }
    }

    @Test func damagedTextsFailAsTheReferenceDoes() {
        var generator = JSONTextGenerator(seed: 0xDA4A_6ED)
        var failures = 0
        for round in 0..<30_000 {
            let bytes = generator.damage(Array(generator.value(depth: 3).utf8))
            let (fast, reference) = Self.outcomes(bytes)
            #expect(fast == reference, "round \(round): \(bytes)")
            if case .failure = reference { failures += 1 }
        }
        // The damage must really produce errors, or this test checks nothing about them.
        #expect(failures > 5_000)
    }

    @Test func stringsWithEscapesUnicodeAndInvalidUTF8() throws {
        #expect(try JSONValue.parse(#""a\"b\\c\/d\u00e9\u5e01\ud83d\ude00""#) == .string("a\"b\\c/dé币😀"))
        #expect(try JSONValue.parse(Array("\"é币😀\"".utf8)) == .string("é币😀"))
        // Raw bytes that are not UTF-8, with and without an escape before them.
        for bytes: [UInt8] in [
            [0x22, 0xC3, 0x22], [0x22, 0xFF, 0x22], [0x22, 0x5C, 0x6E, 0xE4, 0xB8, 0x22], [0x22, 0xED, 0xA0, 0x80, 0x22]
        ] {
            let (fast, reference) = Self.outcomes(bytes)
            #expect(fast == reference)
            #expect(throws: JSONParseError.self) { try JSONValue.parse(bytes) }
        }
        // A string cut inside an escape, a control character, an unpaired surrogate.
        for text in [#""ab\"#, #""ab\u00"#, "\"a\u{1}b\"", #""\udc00""#, #""\ud83dx""#, #""\q""#] {
            let (fast, reference) = Self.outcomes(Array(text.utf8))
            #expect(fast == reference, "\(text)")
        }
    }

    /// Objects around the size where JSONObject starts indexing its keys (24), with repeated
    /// keys before and after that point: the last value counts, in the first one's place.
    @Test func repeatedKeysAroundTheIndexThreshold() {
        var generator = JSONTextGenerator(seed: 0x2_4EE5)
        for round in 0..<3_000 {
            let count = 1 + generator.below(40)
            let keys = (0..<count).map { _ in "k\(generator.below(30))" }
            let text = "{" + keys.map { "\"\($0)\":\(generator.value(depth: 1))" }.joined(separator: ",") + "}"
            let (fast, reference) = Self.outcomes(Array(text.utf8))
            #expect(fast == reference, "round \(round): \(text)")
            if case .success(.object(let object)) = fast, case .success(.object(let expected)) = reference {
                #expect(object.keys == expected.keys)
            }
        }
    }

    /// Strings are scanned eight bytes at a time: a quote, backslash, control character or
    /// non-ASCII byte at every position of strings of every length up to 40 is found exactly.
    @Test func everySpecialByteAtEveryPosition() {
        let specials: [[UInt8]] = [
            [0x22], [0x5C, 0x6E], [0x5C, 0x75, 0x30, 0x30, 0x65, 0x39], [0x1F], [0x00], [0xC3, 0xA9], [0xE5, 0xB8, 0x81], [0xFF],
            [0x80], [0x7F], [0x21], [0x23], [0x5B], [0x5D]
        ]
        for length in 0...40 {
            for position in 0...length {
                for special in specials {
                    var bytes: [UInt8] = [0x22] + Array(repeating: UInt8(ascii: "a"), count: length) + [0x22]
                    bytes.replaceSubrange((1 + position)..<(1 + position), with: special)
                    let (fast, reference) = Self.outcomes(bytes)
                    #expect(fast == reference, "\(bytes)")
                }
            }
        }
    }

    @Test func parsesFromABufferInsideALargerOne() throws {
        let bytes = Array(#"xx{"a":[1,"b"]}yy"#.utf8)
        let value = try JSONValue.parse(bytes.span.extracting(2..<15))
        #expect(value == .object(JSONObject([("a", .array([.number("1"), .string("b")]))])))
    }
}
