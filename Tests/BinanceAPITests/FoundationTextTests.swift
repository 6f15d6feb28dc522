import BNCTestSupport
import Foundation
import Testing

@testable import BinanceAPI

/// FoundationText (BinanceAPI's replacements for what bnc used of Foundation beyond
/// FoundationEssentials) against Foundation itself, which tests may link: seeded random inputs
/// and hand-picked edge cases. Strings are compared scalar by scalar (`==` on String would
/// accept canonically equivalent ones). Where Foundation stops the process the input is skipped;
/// where it is documented to differ (commit 37ef81a) the documented behaviour is asserted.
@Suite struct FoundationTextTests {
    static let cases = 20_000

    static func scalars(_ text: String?) -> [UInt32]? { text.map { $0.unicodeScalars.map(\.value) } }

    /// Every scalar but the surrogates' code points.
    static let allScalars: [Unicode.Scalar] = (0...0x10_FFFF).compactMap(Unicode.Scalar.init(_:))

    // MARK: - Whitespace

    /// Foundation's two sets, enumerated over the BMP and a few astral scalars (the
    /// every-scalar test below checks that none is missing further out).
    static let foundationWhitespace: (whitespaces: [Unicode.Scalar], newlines: [Unicode.Scalar]) = {
        let candidates =
            (0...0xFFFF).compactMap(Unicode.Scalar.init(_:)) + [
                "\u{1D159}", "\u{E0020}", "\u{1F600}", "\u{10FFFF}"
            ]
        let whitespaces = candidates.filter { CharacterSet.whitespaces.contains($0) }
        let newlines = candidates.filter {
            CharacterSet.whitespacesAndNewlines.contains($0) && !CharacterSet.whitespaces.contains($0)
        }
        return (whitespaces, newlines)
    }()

    /// Foundation's whitespace and newline scalars alone, and text that is not trimmed: letters,
    /// combining marks (also after a space), emoji sequences, CR LF as one Character, and scalars
    /// that look like whitespace but are not in either set (U+180E, ZWJ, ZWNJ, BOM, word joiner,
    /// soft hyphen, the information separators).
    static let trimmingPieces: [String] = {
        let sets = foundationWhitespace
        let spaces = (sets.whitespaces + sets.newlines).map { String($0) }
        let text = [
            "a", "Z", "0", "é", "e\u{301}", "\u{301}", "\u{20DD}", " \u{301}", "\t\u{301}", "\u{301} ", "😀", "👩‍👩‍👧",
            "🇫🇷", "👍🏽", "币", "\r\n", "\u{180E}", "\u{200C}", "\u{200D}", "\u{FEFF}", "\u{2060}", "\u{AD}", "\u{1C}",
            "\u{1F}", "\u{0}", "\u{7F}", "x y"
        ]
        return spaces + spaces + text
    }()

    static func randomTrimmingText(_ random: inout SplitMix64) -> String {
        var text = ""
        for _ in 0..<random.below(12) { text += random.pick(trimmingPieces) }
        return text
    }

    @Test func foundationsSetsAreTheDocumentedScalars() {
        let sets = Self.foundationWhitespace
        #expect(sets.whitespaces.map(\.value) == [0x09, 0x20, 0xA0, 0x1680] + Array(0x2000...0x200B) + [0x202F, 0x205F, 0x3000])
        #expect(sets.newlines.map(\.value) == [0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029])
    }

    @Test func whitespacePredicatesEqualCharacterSetOnEveryScalar() {
        var whitespaceMismatches: [UInt32] = []
        var newlineMismatches: [UInt32] = []
        var members = 0
        for scalar in Self.allScalars {
            let isWhitespace = CharacterSet.whitespaces.contains(scalar)
            let isWhitespaceOrNewline = CharacterSet.whitespacesAndNewlines.contains(scalar)
            if isWhitespaceOrNewline { members += 1 }
            if FoundationText.isWhitespace(scalar) != isWhitespace { whitespaceMismatches.append(scalar.value) }
            if FoundationText.isWhitespaceOrNewline(scalar) != isWhitespaceOrNewline { newlineMismatches.append(scalar.value) }
        }
        #expect(Self.allScalars.count == 0x11_0000 - 0x800)
        #expect(members == 26)
        #expect(whitespaceMismatches.isEmpty, "\(whitespaceMismatches.prefix(20).map { String($0, radix: 16) })")
        #expect(newlineMismatches.isEmpty, "\(newlineMismatches.prefix(20).map { String($0, radix: 16) })")
    }

    @Test func trimmingEqualsTrimmingCharactersOnRandomText() {
        var random = SplitMix64(seed: 0xF0_7E47)
        var mismatches: [String] = []
        var changed = 0
        for _ in 0..<Self.cases {
            let text = Self.randomTrimmingText(&random)
            let whitespace = text.trimmingCharacters(in: .whitespaces)
            let newlines = text.trimmingCharacters(in: .whitespacesAndNewlines)
            if Self.scalars(text.trimmingWhitespace()) != Self.scalars(whitespace) { mismatches.append(text) }
            if Self.scalars(text.trimmingWhitespaceAndNewlines()) != Self.scalars(newlines) { mismatches.append(text) }
            // A Substring (ConnectionProfile trims slices) that starts and ends anywhere.
            let start = text.index(text.startIndex, offsetBy: random.below(text.count + 1))
            let end = text.index(start, offsetBy: random.below(text.distance(from: start, to: text.endIndex) + 1))
            let slice = text[start..<end]
            if Self.scalars(slice.trimmingWhitespace()) != Self.scalars(String(slice).trimmingCharacters(in: .whitespaces)) {
                mismatches.append(String(slice))
            }
            if newlines.unicodeScalars.count != text.unicodeScalars.count { changed += 1 }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count): \(mismatches.prefix(10).map(\.debugDescription))")
        #expect(changed > Self.cases / 2) // the property is not vacuous
    }

    @Test func trimmingEdgeCases() {
        let all = Self.foundationWhitespace.whitespaces.map { String($0) }.joined()
        let allAndNewlines = all + Self.foundationWhitespace.newlines.map { String($0) }.joined()
        let texts = [
            "", " ", "\t", "\n", "\r\n", all, allAndNewlines, allAndNewlines + "x" + allAndNewlines, " \u{301}x\u{301} ",
            "\u{FEFF} x \u{FEFF}", "\u{180E}x\u{180E}", "\u{3000}币\u{3000}", "\u{85}a\u{2028}", " 👩‍👩‍👧 ", "e\u{301} "
        ]
        for text in texts {
            #expect(Self.scalars(text.trimmingWhitespace()) == Self.scalars(text.trimmingCharacters(in: .whitespaces)))
            #expect(
                Self.scalars(text.trimmingWhitespaceAndNewlines())
                    == Self.scalars(text.trimmingCharacters(in: .whitespacesAndNewlines)))
        }
        #expect(Self.scalars(" \u{301}x".trimmingWhitespace()) == [0x301, 0x78])
        #expect(allAndNewlines.trimmingWhitespace() == "\n\u{B}\u{C}\r\u{85}\u{2028}\u{2029}")
    }

    // MARK: - Paths

    static let trickyPaths = [
        "", "/", "//", "///", "a", "a/", "a//", "/a", "/a/", "//a", "/a/b", "/a/b/", "a/b", "a//b", "a/b//", "//a//b//",
        "a///b//c", "///a///b///c///", "./x", "./", ".", "..", "../", "../..", "/..", "~", "~/", "~/x", "/./", "x/.", "é", "é/",
        "/é", "//é", "a//é", "/é/ü", "日本/語", "😀", "😀/", "/😀", "a/😀", "e\u{301}", "e\u{301}/x", "x/e\u{301}", "a/\u{301}b",
        "a /b ", " / ", "a\\b", "C:/x", "/tmp/bnc state.json", "sim-state.json", "state/sim.json", "/var/tmp//state.json"
    ]

    static func randomPath(_ random: inout SplitMix64) -> String {
        var path = ""
        for _ in 0..<random.below(10) { path += random.pick(["/", ".", "a", "é"]) }
        return path
    }

    /// swift-corelibs-foundation's slash compression keeps using indices of the string it has
    /// just shortened: after a run of two or more slashes followed by more text it stops the
    /// process (`a//é`) or leaves a later run uncompressed (`a///b//c` gives `a/b/`). Such paths
    /// are compared with Foundation's answer for the path with its runs already compressed (what
    /// its compression means to do, and what FoundationText does).
    static func hasRunOfSlashesBeforeText(_ path: String) -> Bool {
        var trimmed = Substring(path)
        while trimmed.hasSuffix("/") { trimmed.removeLast() }
        return trimmed.contains("//")
    }

    static func compressingSlashes(_ path: String) -> String {
        var result = ""
        for character in path where !(character == "/" && result.hasSuffix("/")) { result.append(character) }
        return result
    }

    /// Where `deletingLastPathComponent` stops the process (documented): its precondition
    /// wants more than one UTF-16 unit once the trailing slashes are gone (`a`, `a/`, `./`, `é`).
    static func foundationTrapsDeletingLastComponent(_ path: String) -> Bool {
        var trimmed = Substring(path)
        while trimmed.hasSuffix("/") { trimmed.removeLast() }
        return trimmed.utf16.count == 1 && trimmed != "/"
    }

    /// Compares one path; returns a description of each difference.
    static func pathDifferences(_ path: String, skippedTraps: inout Int, compressed: inout Int) -> [String] {
        var reference = path
        if hasRunOfSlashesBeforeText(path) {
            reference = compressingSlashes(path)
            compressed += 1
        }
        let (directory, name) = FoundationText.splitPath(path)
        var differences: [String] = []
        let foundationName = (reference as NSString).lastPathComponent
        if scalars(name) != scalars(foundationName) {
            differences.append("\(path.debugDescription) name \(name.debugDescription) != \(foundationName.debugDescription)")
        }
        if foundationTrapsDeletingLastComponent(reference) {
            skippedTraps += 1
        } else {
            let foundationDirectory = (reference as NSString).deletingLastPathComponent
            if scalars(directory) != scalars(foundationDirectory) {
                differences.append(
                    "\(path.debugDescription) directory \(directory.debugDescription) != \(foundationDirectory.debugDescription)")
            }
        }
        return differences
    }

    @Test func splitPathEqualsNSStringOnTrickyAndRandomPaths() {
        var random = SplitMix64(seed: 0x9A7E5)
        var differences: [String] = []
        var skippedTraps = 0
        var compressed = 0
        for path in Self.trickyPaths {
            differences += Self.pathDifferences(path, skippedTraps: &skippedTraps, compressed: &compressed)
        }
        for _ in 0..<Self.cases {
            differences += Self.pathDifferences(Self.randomPath(&random), skippedTraps: &skippedTraps, compressed: &compressed)
        }
        #expect(differences.isEmpty, "\(differences.count): \(differences.prefix(10))")
        // Most inputs reach Foundation unchanged; the skipped ones are the documented traps (about
        // one in ten random paths is a single character, with or without trailing slashes).
        #expect(skippedTraps < Self.cases / 7)
        #expect(compressed < Self.cases / 2)
    }

    @Test func splitPathEdgeCases() {
        // What FoundationText answers where Foundation stops the process.
        #expect(FoundationText.splitPath("a") == ("", "a"))
        #expect(FoundationText.splitPath("a/") == ("", "a"))
        #expect(FoundationText.splitPath("./") == ("", "."))
        #expect(FoundationText.splitPath("a//é") == ("a", "é"))
        // Where Foundation leaves a run uncompressed ("a/b/").
        #expect(FoundationText.splitPath("a///b//c") == ("a/b", "c"))
        #expect(FoundationText.splitPath("/") == ("/", "/"))
        #expect(FoundationText.splitPath("//") == ("", ""))
    }

    @Test func appendingPathComponentEqualsNSString() {
        var random = SplitMix64(seed: 0xA99E4D)
        var differences: [String] = []
        var pairs = Self.trickyPaths.flatMap { directory in Self.trickyPaths.map { (directory, $0) } }
        for _ in 0..<Self.cases { pairs.append((Self.randomPath(&random), Self.randomPath(&random))) }
        for (directory, component) in pairs {
            let ours = FoundationText.appendingPathComponent(component, to: directory)
            let foundation = (directory as NSString).appendingPathComponent(component)
            if Self.scalars(ours) != Self.scalars(foundation) {
                differences.append("\(directory.debugDescription) + \(component.debugDescription): \(ours) != \(foundation)")
            }
        }
        #expect(differences.isEmpty, "\(differences.count): \(differences.prefix(10))")
        #expect(FoundationText.appendingPathComponent("sim-rsa.pem", to: "keys") == "keys/sim-rsa.pem")
        #expect(FoundationText.appendingPathComponent("x", to: "/") == "/x")
    }

    // MARK: - Percent-encoding

    static func percentEncoded(_ bytes: [UInt8], _ random: inout SplitMix64) -> String {
        bytes.map { byte in
            let hex = String(byte, radix: 16, uppercase: random.chance(50))
            return "%" + (hex.count < 2 ? "0" + hex : hex)
        }.joined()
    }

    /// Valid UTF-8 of a random scalar (ASCII, two, three or four bytes, the BOM, NUL, "%").
    static func randomScalarBytes(_ random: inout SplitMix64) -> [UInt8] {
        let scalar: Unicode.Scalar
        switch random.below(6) {
        case 0: scalar = Unicode.Scalar(UInt8(random.below(0x80)))
        case 1: scalar = Unicode.Scalar(UInt32(0x80 + random.below(0x780)))!
        case 2: scalar = Unicode.Scalar(UInt32(0xE000 + random.below(0x2000)))!
        case 3: scalar = Unicode.Scalar(UInt32(0x1_0000 + random.below(0x10_0000)))!
        case 4: scalar = random.pick(["\u{FEFF}", "\u{0}", "%", "+", "\u{7F}", "\u{D7FF}", "\u{FFFD}", "\u{10FFFF}"])
        default: scalar = Unicode.Scalar(UInt32(0x800 + random.below(0xD000)))!
        }
        return Array(String(scalar).utf8)
    }

    /// Bytes that are not UTF-8 on their own: stray continuation and lead bytes, overlong forms,
    /// surrogates, past U+10FFFF, truncated sequences.
    static let invalidUTF8: [[UInt8]] = [
        [0x80], [0xA9], [0xBF], [0xC0], [0xC1, 0x81], [0xC3], [0xE2, 0x82], [0xF0, 0x9F, 0x98], [0xFF], [0xFE], [0xF5],
        [0xC0, 0x80], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF], [0xF4, 0x90, 0x80, 0x80],
        [0xF8, 0x88, 0x80, 0x80, 0x80]
    ]

    static func randomPercentText(_ random: inout SplitMix64) -> String {
        let literals = ["%", "0", "9", "a", "f", "A", "F", "g", "G", "z", "+", " ", "é", "€", "😀", "%%", "%4", "%G1"]
        var text = ""
        for _ in 0..<random.below(8) {
            switch random.below(10) {
            case 0...3: text += random.pick(literals)
            case 4...7: text += percentEncoded(randomScalarBytes(&random), &random)
            case 8: text += percentEncoded(random.pick(invalidUTF8), &random)
            default: text += percentEncoded([UInt8(random.below(256))], &random)
            }
        }
        return text
    }

    /// The bytes a percent-decoding gives, or nil when a `%` is not followed by two hex digits:
    /// only to tell which inputs decode to bytes that are not UTF-8.
    static func decodedBytes(_ text: String) -> [UInt8]? {
        var bytes: [UInt8] = []
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard let high = iterator.next(), let low = iterator.next(),
                let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16)
            else { return nil }
            bytes.append(value)
        }
        return bytes
    }

    @Test func removingPercentEncodingEqualsFoundationExceptInvalidUTF8() {
        var random = SplitMix64(seed: 0x9E2C_E417)
        var differences: [String] = []
        var (decoded, refused, invalid, foundationHalfDecoded) = (0, 0, 0, 0)
        for _ in 0..<Self.cases {
            let text = Self.randomPercentText(&random)
            let ours = FoundationText.removingPercentEncoding(text)
            let foundation = text.removingPercentEncoding
            if let bytes = Self.decodedBytes(text), String(validating: bytes, as: UTF8.self) == nil {
                // Documented: not UTF-8 is refused; Foundation gave nil or U+FFFD for some of it.
                invalid += 1
                if ours != nil { differences.append("\(text): \(ours!.debugDescription), not nil") }
                if let foundation {
                    foundationHalfDecoded += 1
                    if !foundation.unicodeScalars.contains("\u{FFFD}") { differences.append("\(text): Foundation \(foundation)") }
                }
            } else {
                if ours == nil { refused += 1 } else { decoded += 1 }
                if Self.scalars(ours) != Self.scalars(foundation) {
                    differences.append("\(text): \(ours.debugDescription) != \(foundation.debugDescription)")
                }
            }
            // Also a Substring, as HTTPProxy passes the parts of user:password.
            if Self.scalars(FoundationText.removingPercentEncoding(text.dropFirst(0))) != Self.scalars(ours) {
                differences.append("\(text): Substring")
            }
        }
        #expect(differences.isEmpty, "\(differences.count): \(differences.prefix(10))")
        // Every kind of input is exercised.
        #expect(decoded > Self.cases / 10 && refused > Self.cases / 10 && invalid > Self.cases / 10)
        #expect(foundationHalfDecoded > 0)
    }

    @Test func removingPercentEncodingEdgeCases() {
        let texts = [
            "", "%", "%4", "%41", "%zz", "%%41", "+", "a+b%20c", "%C3%A9", "%c3%a9", "é%41", "%00", "%EF%BB%BFabc",
            "%EF%BB%BF%EF%BB%BF", "a%EF%BB%BF", "\u{FEFF}abc", "%F0%9F%98%80", "%F4%8F%BF%BF", "user%3Apass%40host"
        ]
        for text in texts {
            #expect(
                Self.scalars(FoundationText.removingPercentEncoding(text)) == Self.scalars(text.removingPercentEncoding),
                "\(text)")
        }
        // Documented difference: these decode to bytes that are not UTF-8.
        for text in ["%FF", "%A9", "a%A9b", "%C3", "%E2%82", "%C0%80", "%ED%A0%80", "%F4%90%80%80"] {
            #expect(FoundationText.removingPercentEncoding(text) == nil, "\(text)")
        }
        #expect("%A9".removingPercentEncoding == "\u{FFFD}") // what Foundation does with one of them
    }

    // MARK: - Padding

    static func randomPaddingText(_ random: inout SplitMix64) -> String {
        let pieces = ["a", "Z", " ", "é", "e\u{301}", "😀", "👩‍👩‍👧", "🇫🇷", "币", "\t", "\u{10FFFF}", "ok", "FAIL"]
        var text = ""
        for _ in 0..<random.below(8) { text += random.pick(pieces) }
        return text
    }

    @Test func paddingEqualsFoundation() {
        var random = SplitMix64(seed: 0x9AD)
        var differences: [String] = []
        var cutInsideSurrogatePair = 0
        for _ in 0..<Self.cases {
            let text = Self.randomPaddingText(&random)
            let length = random.below(text.utf16.count + 6)
            let ours = FoundationText.padding(text, toLength: length)
            let foundation = text.padding(toLength: length, withPad: " ", startingAt: 0)
            if Self.scalars(ours) != Self.scalars(foundation) {
                differences.append(
                    "\(text.debugDescription) \(length): \(ours.debugDescription) != \(foundation.debugDescription)")
            }
            if length < text.utf16.count, UTF16.isLeadSurrogate(Array(text.utf16)[max(0, length - 1)]), length > 0 {
                cutInsideSurrogatePair += 1
            }
        }
        #expect(differences.isEmpty, "\(differences.count): \(differences.prefix(10))")
        #expect(cutInsideSurrogatePair > 100)
        #expect(FoundationText.padding("ok", toLength: 8) == "ok      ")
        #expect(FoundationText.padding("", toLength: 0) == "")
        #expect(Self.scalars(FoundationText.padding("a😀", toLength: 2)) == [0x61, 0xFFFD])
        // A negative length leaves nothing, as 0 does, instead of trapping in `prefix`.
        #expect(FoundationText.padding("abc", toLength: -3) == "")
        #expect(FoundationText.padding("", toLength: Int.min) == "")
    }

    // MARK: - Error descriptions

    struct CustomError: Error {}
    enum CustomEnumError: Error {
        case first
        case second(Int)
    }

    static func foundationDescription(_ error: any Error) -> String { (error as NSError).localizedDescription }

    @Test func errorDescriptionOfFileErrorsEqualsNSError() throws {
        let directory = try TemporaryDirectory()
        let file = directory.path + "/file"
        try Data("x".utf8).write(to: URL(fileURLWithPath: file))
        var errors: [any Error] = []
        do { _ = try FileManager.default.contentsOfDirectory(atPath: directory.path + "/missing") } catch { errors.append(error) }
        do { _ = try Data(contentsOf: URL(fileURLWithPath: directory.path + "/missing")) } catch { errors.append(error) }
        do { try Data().write(to: URL(fileURLWithPath: directory.path + "/missing/x")) } catch { errors.append(error) }
        do { try Data().write(to: URL(fileURLWithPath: file + "/x")) } catch { errors.append(error) }
        do { try FileManager.default.createDirectory(atPath: file + "/x", withIntermediateDirectories: true) } catch {
            errors.append(error)
        }
        do { try FileManager.default.createDirectory(atPath: file, withIntermediateDirectories: false) } catch {
            errors.append(error)
        }
        do { try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: directory.path + "/missing") } catch
        {
            errors.append(error)
        }
        #expect(errors.count == 7)
        #expect(errors.allSatisfy { $0 is CocoaError })
        for error in errors {
            #expect(FoundationText.errorDescription(error) == Self.foundationDescription(error), "\(error)")
        }
        #expect(FoundationText.errorDescription(errors[0]) == "The operation could not be completed. The file doesn’t exist.")
    }

    /// Codes that Foundation has a text for and FoundationText's table (the file errors FileManager
    /// and `Data.write` throw) has not: validation, formatting, cancelled, unsupported, property
    /// list, iCloud and coder errors. Not documented in 37ef81a; no caller passes such an error.
    static let cocoaCodesWithoutFoundationsText: Set<Int> = [
        1024, 2048, 3072, 3328, 3840, 3841, 3842, 3851, 3852, 4353, 4354, 4355, 4864, 4865, 4866
    ]

    @Test func errorDescriptionOfEveryCocoaErrorCodeEqualsNSError() {
        var differences: [String] = []
        var known: [String] = []
        for code in 0...5_000 {
            let error = CocoaError(CocoaError.Code(rawValue: code))
            let ours = FoundationText.errorDescription(error)
            let foundation = Self.foundationDescription(error)
            guard ours != foundation else { continue }
            if Self.cocoaCodesWithoutFoundationsText.contains(code) {
                known.append("\(code)")
            } else {
                differences.append("\(code): \(ours) != \(foundation)")
            }
        }
        #expect(differences.isEmpty, "\(differences.count): \(differences.prefix(10))")
        // Each of the known ones still differs (else the list, and this test, should shrink).
        #expect(known.count == Self.cocoaCodesWithoutFoundationsText.count)
    }

    /// Not a CocoaError: FoundationText says "The operation could not be completed. " and the
    /// error's own description; NSError gives strerror's text for a POSIXError and
    /// "(Module.Type error N.)" for other errors. Not documented in 37ef81a; the callers pass
    /// errors of FileManager and `Data.write`, which are CocoaErrors (the test above).
    @Test func errorDescriptionOfOtherErrors() {
        let errors: [any Error] = [
            POSIXError(.ENOENT), POSIXError(.EACCES), CustomError(), CustomEnumError.first, CustomEnumError.second(2)
        ]
        for error in errors {
            let ours = FoundationText.errorDescription(error)
            #expect(ours == "The operation could not be completed. \(error)")
            #expect(Self.foundationDescription(error).hasPrefix("The operation could not be completed. "))
            withKnownIssue("FoundationText's text of an error that is not a CocoaError is not NSError's") {
                #expect(ours == Self.foundationDescription(error))
            }
        }
    }

    // MARK: - Files

    /// A fresh directory, removed when the value is deinitialised.
    final class TemporaryDirectory {
        let path: String

        init() throws {
            path = FileManager.default.temporaryDirectory.path + "/bnc-foundation-text-" + UUID().uuidString
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        }

        deinit { try? FileManager.default.removeItem(atPath: path) }
    }

    /// What FoundationText.readFile stands for: nil when it cannot be opened, else the bytes or
    /// the read's failure.
    static func foundationRead(_ path: String, upToCount limit: Int) -> Result<[UInt8], any Error>? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        do { return .success(Array(try handle.read(upToCount: limit) ?? Data())) } catch { return .failure(error) }
    }

    @Test func readFileEqualsFileHandle() throws {
        let directory = try TemporaryDirectory()
        var random = SplitMix64(seed: 0x2EAD)
        var compared = 0
        for size in [0, 1, 100, 65_535, 65_536, 65_537, 200_000] {
            let bytes = (0..<size).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            let path = directory.path + "/file-\(size)"
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            let limits = [0, 1, size - 1, size, size + 1, 65_536, 131_072, random.below(size + 2)].filter { $0 >= 0 }
            for limit in limits {
                guard case .success(let ours) = FoundationText.readFile(atPath: path, upToCount: limit),
                    case .success(let foundation) = Self.foundationRead(path, upToCount: limit)
                else {
                    Issue.record("\(size) \(limit): not read")
                    continue
                }
                #expect(ours == foundation, "\(size) \(limit): \(ours.count) != \(foundation.count) bytes")
                #expect(ours == Array(bytes.prefix(limit)))
                compared += 1
            }
        }
        #expect(compared == 55)

        // A directory opens, and its read fails (EISDIR); FileHandle throws.
        guard case .failure(let error) = FoundationText.readFile(atPath: directory.path, upToCount: 10) else {
            Issue.record("a directory was read")
            return
        }
        #expect(error.code == EISDIR)
        guard case .failure = Self.foundationRead(directory.path, upToCount: 10) else {
            Issue.record("FileHandle read a directory")
            return
        }
        // Nothing there: neither opens.
        #expect(FoundationText.readFile(atPath: directory.path + "/missing", upToCount: 10) == nil)
        #expect(Self.foundationRead(directory.path + "/missing", upToCount: 10) == nil)
        #expect(FoundationText.readFile(atPath: "", upToCount: 10) == nil)
        #expect(Self.foundationRead("", upToCount: 10) == nil)
    }

    @Test func isDirectoryEqualsFileExists() throws {
        let directory = try TemporaryDirectory()
        let file = directory.path + "/file"
        try Data("x".utf8).write(to: URL(fileURLWithPath: file))
        try FileManager.default.createSymbolicLink(atPath: directory.path + "/to-directory", withDestinationPath: directory.path)
        try FileManager.default.createSymbolicLink(atPath: directory.path + "/to-file", withDestinationPath: file)
        try FileManager.default.createSymbolicLink(
            atPath: directory.path + "/dangling", withDestinationPath: directory.path + "/nowhere")
        let cases: [(String, Bool?)] = [
            (directory.path, true), (directory.path + "/", true), (file, false), (directory.path + "/missing", nil),
            (file + "/", nil), (directory.path + "/to-directory", true), (directory.path + "/to-file", false),
            (directory.path + "/dangling", nil), ("", nil), ("/", true)
        ]
        for (path, expected) in cases {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            let foundation: Bool? = exists ? isDirectory.boolValue : nil
            #expect(FoundationText.isDirectory(atPath: path) == foundation, "\(path)")
            #expect(FoundationText.isDirectory(atPath: path) == expected, "\(path)")
        }
    }
}
