/// The canonical query string of a request: the exact bytes that are signed and sent.
///
/// Parameters keep the order they are given in (operations list them in the order of the
/// endpoint's documented table), each name and value percent-encoded by ``PercentEncoding``,
/// joined with `&`. `timestamp` is appended last by ``RequestSigner``; `signature` is never part
/// of the canonical query — it follows it in the URL.
public struct CanonicalQuery: Sendable, Hashable {
    /// The encoded query, e.g. `symbol=LTCBTC&orderId=28&timestamp=1499827319559`.
    public let encoded: String

    /// Builds the canonical form of `parameters`, in order.
    ///
    /// Encodes straight into the new string's storage (sized for the worst case, every byte
    /// escaped): one allocation per query, no intermediate byte array.
    public init(_ parameters: [QueryParameter]) {
        var capacity = 0
        for parameter in parameters {
            capacity +=
                PercentEncoding.maximumEncodedCount(parameter.name)
                + PercentEncoding.maximumEncodedCount(parameter.value) + 2
        }
        guard capacity > 0 else {
            encoded = ""
            return
        }
        encoded = String(unsafeUninitializedCapacity: capacity) { buffer in
            let base = buffer.baseAddress!
            var written = 0
            for index in parameters.indices {
                if index > 0 {
                    base[written] = UInt8(ascii: "&")
                    written += 1
                }
                written += PercentEncoding.write(parameters[index].name, to: base + written)
                base[written] = UInt8(ascii: "=")
                written += 1
                written += PercentEncoding.write(parameters[index].value, to: base + written)
            }
            return written
        }
    }

    /// The reference construction through ``PercentEncoding/append(_:to:)``, one parameter at a
    /// time; ``init(_:)`` must produce the same bytes (tested).
    static func bytewise(_ parameters: [QueryParameter]) -> String {
        var bytes: [UInt8] = []
        for (index, parameter) in parameters.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: "&")) }
            PercentEncoding.appendBytewise(parameter.name.utf8, to: &bytes)
            bytes.append(UInt8(ascii: "="))
            PercentEncoding.appendBytewise(parameter.value.utf8, to: &bytes)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Wraps an already-encoded query string as given (for `bnc sign` and signature debugging).
    public init(encoded: String) {
        self.encoded = encoded
    }

    /// Splits an encoded query into its raw `name=value` pieces, in order, without decoding.
    public static func rawPairs(of encoded: Substring) -> [(name: Substring, value: Substring)] {
        guard !encoded.isEmpty else { return [] }
        return encoded.split(separator: "&", omittingEmptySubsequences: false).map { piece in
            if let equals = piece.firstIndex(of: "=") {
                return (piece[..<equals], piece[piece.index(after: equals)...])
            }
            return (piece, piece[piece.endIndex...])
        }
    }
}
