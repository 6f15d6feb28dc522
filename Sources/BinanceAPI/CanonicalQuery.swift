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
    public init(_ parameters: [QueryParameter]) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(parameters.count * 24)
        for (index, parameter) in parameters.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: "&")) }
            PercentEncoding.append(parameter.name, to: &bytes)
            bytes.append(UInt8(ascii: "="))
            PercentEncoding.append(parameter.value, to: &bytes)
        }
        encoded = String(decoding: bytes, as: UTF8.self)
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
