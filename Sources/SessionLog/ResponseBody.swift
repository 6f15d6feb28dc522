import BinanceAPI

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A response body as stored in a log: parsed JSON when that reproduces the bytes exactly,
/// otherwise the text, otherwise base64.
///
/// The exchange sends compact JSON, so almost every body is stored as JSON (readable, exact
/// numbers). A body whose compact re-serialization differs from what arrived (spaces, escapes)
/// is stored as text so that `replay --offline` serves back the very same bytes.
package enum ResponseBody: Sendable, Hashable {
    case json(JSONValue)
    case text(String)
    case base64(String)

    /// The stored form of `bytes`.
    package init(bytes: [UInt8]) {
        if let first = bytes.first, first == UInt8(ascii: "{") || first == UInt8(ascii: "["),
            let value = try? JSONValue.parse(bytes), value.serialized.utf8.elementsEqual(bytes)
        {
            self = .json(value)
        } else if let text = String(validating: bytes, as: UTF8.self) {
            self = .text(text)
        } else {
            self = .base64(Data(bytes).base64EncodedString())
        }
    }

    /// The bytes that arrived.
    package var bytes: [UInt8] {
        switch self {
        case .json(let value): return Array(value.serialized.utf8)
        case .text(let text): return Array(text.utf8)
        case .base64(let text): return Data(base64Encoded: text).map { Array($0) } ?? []
        }
    }

    /// The body as text for display.
    package var displayText: String {
        switch self {
        case .json(let value): return value.serialized
        case .text(let text): return text
        case .base64(let text): return "<\(text.count) base64 characters of binary>"
        }
    }
}
