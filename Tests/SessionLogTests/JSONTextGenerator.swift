import BNCTestSupport
import BinanceAPI

/// Random JSON texts for property tests: values of every kind, strings with escapes
/// (`\"`, `\\`, `\/`, `\uXXXX`, surrogate pairs), raw non-ASCII UTF-8, numbers in every
/// grammatical shape, and whitespace anywhere the grammar allows it.
struct JSONTextGenerator {
    var random: SplitMix64

    init(seed: UInt64) { random = SplitMix64(seed: seed) }

    mutating func below(_ bound: Int) -> Int { Int(random.next() % UInt64(bound)) }
    mutating func chance(_ percent: Int) -> Bool { below(100) < percent }

    /// Whitespace of the four JSON kinds, usually none.
    mutating func space() -> String {
        guard chance(25) else { return "" }
        return String((0..<(1 + below(3))).map { _ in [" ", "\t", "\n", "\r"][below(4)] })
    }

    /// A string's text (unescaped), mixing ASCII, controls, quotes and multi-byte scalars.
    mutating func text() -> String {
        let pieces: [String] = [
            "a", "Z", "7", " ", "\"", "\\", "/", "\n", "\t", "\u{1}", "\u{1F}", "é", "币", "😀", "\u{7F}", "\u{FEFF}", "LTCBTC",
            "&", "="
        ]
        return String((0..<below(10)).map { _ in pieces[below(pieces.count)] }.joined())
    }

    /// `text` as a JSON string literal, each character escaped one of the ways JSON allows.
    mutating func literal(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += chance(50) ? "\\\"" : "\\u0022"
            case "\\": out += "\\\\"
            case "/": out += chance(50) ? "/" : "\\/"
            case "\n": out += chance(50) ? "\\n" : "\\u000a"
            case "\t": out += chance(50) ? "\\t" : "\\u0009"
            case "\u{0}"..."\u{1F}": out += unicodeEscape(scalar.value, uppercase: chance(50))
            default:
                if scalar.value > 0x7F && chance(30) {
                    for unit in String(scalar).utf16 { out += unicodeEscape(UInt32(unit), uppercase: chance(50)) }
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    mutating func number() -> String {
        var out = chance(30) ? "-" : ""
        out += chance(20) ? "0" : String(1 + below(9)) + String((0..<below(12)).map { _ in Character(String(below(10))) })
        if chance(40) { out += "." + String((0..<(1 + below(9))).map { _ in Character(String(below(10))) }) }
        if chance(10) { out += ["e", "E"][below(2)] + ["", "+", "-"][below(3)] + String(below(400)) }
        return out
    }

    /// A JSON text for a random value nested up to `depth`.
    mutating func value(depth: Int = 3) -> String {
        switch below(depth > 0 ? 8 : 5) {
        case 0: return "null"
        case 1: return chance(50) ? "true" : "false"
        case 2: return number()
        case 3, 4: return literal(text())
        case 5: return array(depth: depth - 1)
        default: return object(depth: depth - 1)
        }
    }

    mutating func array(depth: Int) -> String {
        let elements = (0..<below(4)).map { _ in space() + value(depth: depth) + space() }
        return "[" + (elements.isEmpty ? space() : elements.joined(separator: ",")) + "]"
    }

    mutating func object(depth: Int) -> String {
        let fields = (0..<below(5)).map { _ in space() + literal(text()) + space() + ":" + space() + value(depth: depth) + space()
        }
        return "{" + (fields.isEmpty ? space() : fields.joined(separator: ",")) + "}"
    }

    /// `bytes` damaged one of several ways: cut, a byte changed, bytes inserted or removed.
    mutating func damage(_ bytes: [UInt8]) -> [UInt8] {
        var bytes = bytes
        let cut = below(bytes.count + 1)
        switch below(4) {
        case 0: bytes = Array(bytes[..<cut])
        case 1 where !bytes.isEmpty:
            let alphabet = Array(#"{}[]:,"\-0123456789.eEtrufalsn u"#.utf8) + [0x00, 0x1F, 0x80, 0xC3, 0xE4, 0xF0, 0xFF]
            bytes[below(bytes.count)] = alphabet[below(alphabet.count)]
        case 2: bytes.insert(contentsOf: (0..<(1 + below(4))).map { _ in UInt8(truncatingIfNeeded: random.next()) }, at: cut)
        default: bytes.removeSubrange(cut..<min(bytes.count, cut + 1 + below(6)))
        }
        return bytes
    }
}

/// `\uXXXX` for a UTF-16 code unit.
func unicodeEscape(_ value: UInt32, uppercase: Bool = false) -> String {
    let hex = String(value, radix: 16, uppercase: uppercase)
    return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
}
