import BinanceAPI

/// Compares a given signature with the expected one and, when they differ, finds the cause by
/// re-signing the variants of ``PayloadVariants`` until one reproduces the given signature.
struct SignatureComparison {
    var key: ExplainKey
    var layout: SignedLayout
    var path: String?
    /// The documented order of the request's endpoint, when it is a known one.
    var documentedOrder: [String]?
    var expected: Signature
    var given: SentParameter

    /// Whether the signature matches, and what was found.
    func findings() -> (Bool, [Finding]) {
        let keyType = expected.keyType
        let expectedBytes = expected.bytes
        let expectedEncoding = SignatureShape.expectedEncoding(for: keyType)
        let serverRead = SignatureShape(given.value)
        let literalText = PercentEncoding.decode(Substring(given.rawValue), plusIsSpace: false) ?? given.value
        let literal = SignatureShape(literalText)

        if serverRead.bytes == expectedBytes && serverRead.encoding == expectedEncoding {
            var notes: [Finding] = []
            if keyType == .hmac && given.value != given.value.lowercased() {
                notes.append(
                    Finding(
                        .uppercaseHex, .info,
                        "the HMAC signature is in uppercase hex; the exchange accepts either case for HMAC"))
            }
            if keyType != .hmac && given.rawValue.contains(where: { $0 == "/" || $0 == "=" }) {
                notes.append(
                    Finding(
                        .signatureNotPercentEncoded, .warning,
                        "the base64 signature is sent with raw '/' or '='; it works here, but the exchange documents"
                            + " percent-encoding it",
                        fix: "send signature=\(expected.urlValue)"))
            }
            return (true, notes)
        }
        if literal.bytes == expectedBytes && literalText.contains("+") {
            return (
                false,
                [
                    Finding(
                        .signatureNotPercentEncoded, .error,
                        "the base64 signature was sent with raw '+' characters, which the exchange decodes as spaces",
                        fix: "percent-encode the signature: signature=\(expected.urlValue)", confirmed: true,
                        reproducedWith: layout.payload)
                ]
            )
        }

        var findings = [
            Finding(
                .signatureMismatch, .error,
                "the given signature is not the signature of the signed string with the configured \(keyType.rawValue) key")
        ]
        guard let givenBytes = serverRead.bytes ?? literal.bytes else {
            findings.append(
                Finding(
                    .unexplained, .error,
                    "the given signature is neither hex nor base64 (\(given.value.count) characters), so it cannot"
                        + " be any key's signature",
                    fix: "check how the client turns the signature bytes into text (HMAC: lowercase hex; Ed25519/RSA: base64)"))
            return (false, findings)
        }
        let givenEncoding = serverRead.bytes != nil ? serverRead.encoding : literal.encoding
        let shape = serverRead.bytes != nil ? serverRead : literal
        if givenBytes == expectedBytes {
            findings.append(formFinding(givenEncoding: givenEncoding, keyType: keyType))
            return (false, findings)
        }
        if let signedWith = shape.likelyKeyType, signedWith != keyType {
            findings.append(wrongKeyType(signedWith: signedWith, shape: shape, keyType: keyType))
            return (false, findings)
        }
        if givenBytes.count == expectedBytes.count {
            let variants = PayloadVariants(
                signed: layout.signed, afterSignature: layout.afterSignature, payload: layout.payload, path: path,
                documentedOrder: documentedOrder, key: key
            ).all(permutationLimit: Self.permutationLimit(keyType))
            for variant in variants {
                let signer = variant.signer ?? key.credentials.signer
                guard signer.sign(variant.payload).bytes == givenBytes else { continue }
                findings.append(
                    Finding(
                        variant.code, .error, variant.mistake, fix: variant.fix, confirmed: true,
                        reproducedWith: variant.payload))
                if givenEncoding != SignatureShape.expectedEncoding(for: keyType) {
                    findings.append(formFinding(givenEncoding: givenEncoding, keyType: keyType))
                }
                return (false, findings)
            }
        }
        findings.append(
            Finding(
                .unexplained, .error,
                "no usual mistake reproduces the given signature (\(shape.summary)): most likely the client signs"
                    + " with a different secret than the configured one, or signs different values than it sends",
                fix: "check that the client's secret belongs to API key \(key.credentials.maskedAPIKey)"
                    + (key.isDemo ? " (bnc is using the demo key: set BINANCE_API_KEY and BINANCE_API_SECRET)" : "")
                    + ", and print the exact string the client signs"))
        return (false, findings)
    }

    /// Up to how many parameters every order is tried: 7! HMACs take milliseconds, 6! Ed25519
    /// signatures a fraction of a second; RSA signing is too slow for more than the named orders.
    static func permutationLimit(_ keyType: KeyType) -> Int {
        switch keyType {
        case .hmac: return 7
        case .ed25519: return 6
        case .rsa: return 0
        }
    }

    private func formFinding(givenEncoding: SignatureShape.Encoding, keyType: KeyType) -> Finding {
        let wanted = SignatureShape.expectedEncoding(for: keyType)
        return Finding(
            .hexVersusBase64, .error,
            "the signature bytes are right but written as \(givenEncoding.rawValue); \(keyType.rawValue) signatures"
                + " are sent as \(wanted == .hex ? "lowercase hex" : "base64")",
            fix: "send signature=\(expected.urlValue)", confirmed: true, reproducedWith: layout.payload)
    }

    private func wrongKeyType(signedWith: KeyType, shape: SignatureShape, keyType: KeyType) -> Finding {
        let message: String
        if signedWith == .hmac {
            message =
                "the signature is \(shape.summary): the client signed with an HMAC secret, but the configured"
                + " key is \(keyType.rawValue); an API key registered with an \(keyType.rawValue) public key"
                + " needs \(keyType.rawValue) signatures"
        } else {
            message =
                "the signature is \(shape.summary): the client signed with an \(signedWith.rawValue) private"
                + " key, but the configured key is \(keyType.rawValue)"
        }
        return Finding(
            .wrongKeyType, .error, message,
            fix: "sign with the kind of key the API key was registered with (HMAC secret, or the Ed25519/RSA"
                + " private key whose public key was uploaded), and configure bnc with the same key")
    }
}
