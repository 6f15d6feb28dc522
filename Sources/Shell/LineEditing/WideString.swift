import CEditlineShim

/// Conversions between Swift strings and libedit's wide (`wchar_t`, UTF-32 on Linux and macOS)
/// strings.
enum WideString {
    /// A NUL-terminated wide copy of `text` the caller must `deallocate()`.
    static func allocate(_ text: String) -> UnsafeMutablePointer<wchar_t> {
        let scalars = Array(text.unicodeScalars)
        let buffer = UnsafeMutablePointer<wchar_t>.allocate(capacity: scalars.count + 1)
        for (index, scalar) in scalars.enumerated() {
            buffer[index] = wchar_t(bitPattern: scalar.value)
        }
        buffer[scalars.count] = 0
        return buffer
    }

    /// Runs `body` with a temporary NUL-terminated wide copy of `text`.
    static func with<R>(_ text: String, _ body: (UnsafePointer<wchar_t>) -> R) -> R {
        let buffer = allocate(text)
        defer { buffer.deallocate() }
        return body(buffer)
    }

    /// The string held by `count` wide characters at `start`; invalid code points become U+FFFD.
    static func string(_ start: UnsafePointer<wchar_t>, count: Int) -> String {
        var text = String.UnicodeScalarView()
        for index in 0..<max(0, count) {
            text.append(Unicode.Scalar(UInt32(bitPattern: start[index])) ?? "\u{FFFD}")
        }
        return String(text)
    }

    /// The string up to the NUL at `start`.
    static func string(_ start: UnsafePointer<wchar_t>) -> String {
        var count = 0
        while start[count] != 0 { count += 1 }
        return string(start, count: count)
    }
}
