import BinanceAPI

/// The profile file parser (``ConnectionProfile/parse(_:path:)``).
///
/// Invariants: an error message never contains the `apiSecret` value (it is printed to the
/// terminal and recorded in the session log header); an accepted value never holds a line
/// break (lines split on `\n`, `\r\n` and `\r`); a leading byte-order mark changes nothing;
/// and the profile's messages and hints are built without trapping.
enum FuzzProfile {
    static func run(_ bytes: UnsafeRawBufferPointer) throws(FuzzViolation) {
        let text = String(decoding: bytes, as: UTF8.self)
        let result = parse(text)
        switch result {
        case .failure(let error):
            for secret in secrets(in: text) {
                // Text the message holds whatever the secret is (`iSecret` is in the hint's
                // "apiSecret") is not the secret shown: the same profile with another value
                // tells the two apart.
                let other = String(repeating: secret.contains("Z") ? "Q" : "Z", count: secret.unicodeScalars.count)
                let fixed: String
                if case .failure(let otherError) = parse(replacing(text, secret, with: other)) {
                    fixed = otherError.message + "\n" + (otherError.hint ?? "")
                } else {
                    fixed = ""
                }
                guard !contains(fixed, secret) else { continue }
                try require(
                    !contains(error.message, secret), "the error message shows the apiSecret value: \(shown(error.message))")
                try require(!contains(error.hint ?? "", secret), "the hint shows the apiSecret value")
            }
        case .success(let profile):
            var values = [profile.endpoint, profile.apiKey].compactMap { $0 }
            switch profile.signingKey {
            case .secret(let value), .secretFile(let value), .privateKeyFile(let value): values.append(value)
            case nil: break
            }
            for value in values {
                try require(
                    !value.unicodeScalars.contains { $0 == "\n" || $0 == "\r" }, "a value holds a line break: \(shown(value))")
                try require(value == value.trimmingSpaces, "a value is not trimmed: \(shown(value))")
            }
            _ = profile.rateLimits
        }
        if !text.hasPrefix("\u{FEFF}") {
            let withMark = parse("\u{FEFF}" + text)
            try require(withMark == result, "a byte-order mark changes the result: \(withMark) vs \(result)")
        }
    }

    static func parse(_ text: String) -> Result<ConnectionProfile, ProfileError> {
        do {
            return .success(try ConnectionProfile.parse(text, path: "/fuzz/config"))
        } catch {
            return .failure(error)
        }
    }

    /// The values given to `apiSecret` (as a reader splits lines: `\n`, `\r\n`, `\r`), kept
    /// when they are long enough to be told apart from the message's own words and appear
    /// nowhere else in the file (a value that is also a key name may rightly be quoted).
    static func secrets(in text: String) -> [String] {
        let lines = text.unicodeScalars.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r" }.map { String($0) }
        var found: [String] = []
        for (index, line) in lines.enumerated() {
            let content = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
            guard let equals = content.firstIndex(of: "="),
                content[..<equals].trimmingSpaces.trimmingPrefix("\u{FEFF}") == "apiSecret"
            else { continue }
            let value = content[content.index(after: equals)...].trimmingSpaces
            guard value.unicodeScalars.filter({ $0.value >= 0x20 }).count >= 6 else { continue }
            let elsewhere = lines.enumerated().contains { $0.offset != index && contains($0.element, value) }
            if !elsewhere { found.append(value) }
        }
        return found
    }
}

/// Whether the UTF-8 bytes of `text` hold those of `part` (Foundation's `contains` skips some
/// characters, such as NUL, when it compares).
func contains(_ text: String, _ part: String) -> Bool {
    let haystack = Array(text.utf8)
    let needle = Array(part.utf8)
    guard !needle.isEmpty, needle.count <= haystack.count else { return needle.isEmpty }
    for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
        if haystack[start..<(start + needle.count)].elementsEqual(needle) { return true }
    }
    return false
}

/// `text` with every occurrence of `part` replaced, on UTF-8 bytes (a match of whole scalars
/// starts and ends on scalar boundaries, so the result is valid). Foundation's
/// `replacingOccurrences` traps on some inputs (found by this target: an NSRange past the end).
func replacing(_ text: String, _ part: String, with replacement: String) -> String {
    let bytes = Array(text.utf8)
    let needle = Array(part.utf8)
    guard !needle.isEmpty else { return text }
    var output: [UInt8] = []
    var index = 0
    while index < bytes.count {
        if index + needle.count <= bytes.count, bytes[index..<(index + needle.count)].elementsEqual(needle) {
            output += replacement.utf8
            index += needle.count
        } else {
            output.append(bytes[index])
            index += 1
        }
    }
    return String(decoding: output, as: UTF8.self)
}

extension StringProtocol {
    /// Without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
