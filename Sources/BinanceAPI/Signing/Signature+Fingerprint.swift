import CHMACSHA256

extension Signature {
    /// SHA-256 of the signature text, lowercase hex: identifies a signature without being one.
    ///
    /// Session logs store this instead of the signature, so a log that leaks cannot be used to
    /// replay a request inside its `recvWindow`, yet a recomputed signature can still be checked
    /// byte for byte (equal texts have equal fingerprints).
    ///
    /// The hash is the C target's SHA-256 (`bnc_sha256`, SHA extensions when present: a
    /// signature is a public payload, never key material), written as hex into the string's own
    /// storage — the log writes one per request, and swift-crypto's hash of a copied array and
    /// a generic hex loop over its digest were 1.7% of a cancel on the wire.
    public var fingerprint: String {
        var digest = (UInt64(0), UInt64(0), UInt64(0), UInt64(0))
        var text = text
        text.withUTF8 { bytes in
            withUnsafeMutableBytes(of: &digest) { raw in
                let output = raw.baseAddress!.assumingMemoryBound(to: UInt8.self)
                if let base = bytes.baseAddress {
                    bnc_sha256(base, bytes.count, output, 1)
                } else {
                    var none: UInt8 = 0 // an empty text: a valid pointer to no bytes
                    bnc_sha256(&none, 0, output, 1)
                }
            }
        }
        return withUnsafeBytes(of: digest) { raw in
            String(unsafeUninitializedCapacity: 64) { output in
                let digits: StaticString = "0123456789abcdef"
                let hex = digits.utf8Start
                for (offset, byte) in raw.enumerated() {
                    output[2 * offset] = hex[Int(byte >> 4)]
                    output[2 * offset + 1] = hex[Int(byte & 0x0F)]
                }
                return 64
            }
        }
    }
}
