import Crypto

extension Signature {
    /// SHA-256 of the signature text, lowercase hex: identifies a signature without being one.
    ///
    /// Session logs store this instead of the signature, so a log that leaks cannot be used to
    /// replay a request inside its `recvWindow`, yet a recomputed signature can still be checked
    /// byte for byte (equal texts have equal fingerprints).
    public var fingerprint: String {
        Hex.lowercase(SHA256.hash(data: Array(text.utf8)))
    }
}
