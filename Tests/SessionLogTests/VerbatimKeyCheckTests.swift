import BNCTestSupport
import BinanceAPI
import Testing

@testable import SessionLog

/// `JSONBytes.isStoredVerbatim` keeps an object's first 16 keys inline and moves to a set past
/// them: a repeated key is refused wherever the two occurrences fall (both among the first 16,
/// one on each side, both past it, in nested objects), and a compact ASCII object without one
/// is accepted — exactly when `ResponseBody(bytes:)` stores the body as JSON that serialises
/// back to it.
@Suite struct VerbatimKeyCheckTests {
    static func isStoredAsItCame(_ body: [UInt8]) -> Bool {
        guard case .json(let value) = ResponseBody(bytes: body) else { return false }
        return Array(value.serialized.utf8) == body
    }

    static func object(_ keys: [String], nested: Bool) -> [UInt8] {
        let fields = keys.enumerated().map { index, key in
            let value = nested && index == keys.count / 2 ? #"{"a":1,"b":[1,{"a":2}]}"# : #""v\#(index)""#
            return #""\#(key)":\#(value)"#
        }
        return Array(("{" + fields.joined(separator: ",") + "}").utf8)
    }

    @Test func aRepeatedKeyIsRefusedWhereverItFalls() {
        var generator = SplitMix64(seed: 0x0B7E_0000_0000_0018)
        // Keys of few lengths, so that many pairs are compared byte by byte.
        let alphabet = Array("abcAB".utf8)
        for count in 1...40 {
            var keys: [String] = []
            var seen: Set<String> = []
            while keys.count < count {
                let key = String(
                    decoding: (0..<(1 + generator.below(3))).map { _ in generator.pick(alphabet) }, as: UTF8.self)
                if seen.insert(key).inserted { keys.append(key) }
            }
            for nested in [false, true] {
                let distinct = Self.object(keys, nested: nested)
                #expect(JSONBytes.isStoredVerbatim(distinct) && Self.isStoredAsItCame(distinct), "\(keys)")
                guard count > 1 else { continue }
                for _ in 0..<20 {
                    let second = 1 + generator.below(count - 1)
                    let first = generator.below(second)
                    var repeated = keys
                    repeated[second] = keys[first]
                    let body = Self.object(repeated, nested: nested)
                    #expect(!JSONBytes.isStoredVerbatim(body), "\(first) and \(second) of \(count)")
                    #expect(!Self.isStoredAsItCame(body))
                }
            }
        }
        // Inside a nested object, the same.
        #expect(!JSONBytes.isStoredVerbatim(Array(#"{"a":{"x":1,"y":2,"x":3}}"#.utf8)))
        #expect(JSONBytes.isStoredVerbatim(Array(#"{"a":{"x":1,"y":2},"x":3}"#.utf8)))
    }

    /// The string check as it was, byte by byte: where the string that starts at `start` (its
    /// opening quote) ends, past its closing quote, or nil when the check refuses it.
    static func stringEnd(_ bytes: [UInt8], from start: Int) -> Int? {
        var index = start + 1
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\""): return index + 1
            case UInt8(ascii: "\\"):
                guard index + 1 < bytes.count else { return nil }
                switch bytes[index + 1] {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"),
                    UInt8(ascii: "b"), UInt8(ascii: "f"):
                    index += 2
                default: return nil
                }
            case 0x20...0x7E: index += 1
            default: return nil
            }
        }
        return nil
    }

    /// Strings scanned eight bytes at a time give the byte-by-byte answer, wherever a quote,
    /// backslash, control, DEL or non-ASCII byte falls in or across the eight-byte words.
    @Test func stringsAreJudgedAsByteByByte() {
        var generator = SplitMix64(seed: 0x57A1_0000_0000_0018)
        let pieces = [
            "a", "Z", " ", "~", "0", "\\\"", "\\\\", "\\n", "\\t", "\\/", "\\u0041", "\\", "\"", "\u{7F}", "\u{1F}",
            "\u{0}", "é", "\u{80}", "币", "\u{FFFD}"
        ]
        var accepted = 0
        for _ in 0..<20_000 {
            var text = ""
            for _ in 0..<generator.below(40) {
                text += generator.chance(85) ? generator.pick(["a", "b", "Q", " ", "~", "9"]) : generator.pick(pieces)
            }
            let body = Array(#"{"k":""#.utf8) + Array(text.utf8) + Array(#""}"#.utf8)
            let expected = Self.stringEnd(body, from: 5) == body.count - 1
            #expect(JSONBytes.isStoredVerbatim(body) == expected, "\(text.debugDescription)")
            if expected { accepted += 1 }
            // The same text as a key.
            let keyed = Array("{\"".utf8) + Array(text.utf8) + Array(#"":1}"#.utf8)
            let keyExpected = Self.stringEnd(keyed, from: 1) == keyed.count - 3
            #expect(JSONBytes.isStoredVerbatim(keyed) == keyExpected, "\(text.debugDescription)")
        }
        #expect(accepted > 2_000)
    }
}
