import BinanceAPI

/// Everything `bnc explain` worked out about one captured request, step by step.
///
/// Render it with ``text`` or ``json``; ``exitCode`` is 0 when the request is valid and 1 when
/// its signature is wrong or a timing problem was found. Neither rendering contains the secret,
/// and the API key only appears masked.
package struct Explanation: Sendable {
    /// The request as parsed.
    package var request: CapturedRequest
    /// The kind of the configured key.
    package var keyType: KeyType
    /// The configured API key, masked.
    package var maskedAPIKey: String
    /// "environment" or "demo".
    package var keySource: String
    /// The API key the request carried (curl `-H X-MBX-APIKEY`), masked.
    package var requestAPIKeyMasked: String?
    /// Every parameter, in the order sent (query first, then body), `signature` included.
    package var parameters: [SentParameter]
    /// The exact string the exchange verifies the signature over.
    package var signedPayload: String
    /// The signature of ``signedPayload`` with the configured key.
    package var expectedSignature: Signature
    /// The `signature` value as sent, nil when the request has none.
    package var givenSignature: String?
    /// The given signature as the exchange reads it (percent-decoded, `+` as a space).
    package var givenSignatureDecoded: String?
    /// What the given signature looks like.
    package var givenShape: SignatureShape?
    /// Whether the given signature is the one the exchange computes.
    package var signatureMatches: Bool
    /// The timing check.
    package var timing: TimingReport
    /// Findings, most severe first; confirmed causes first within a severity.
    package var findings: [Finding]

    /// True when nothing would make the exchange reject the request.
    package var isValid: Bool { !findings.contains { $0.severity == .error } }

    /// 0 valid, 1 wrong signature or a timing problem.
    package var exitCode: Int32 { isValid ? 0 : 1 }

    /// The codes of all findings, in order.
    package var findingCodes: [FindingCode] { findings.map(\.code) }

    /// Findings about the signature itself (causes of a mismatch).
    package var causes: [Finding] {
        findings.filter { $0.code.rawValue.hasPrefix("signature.") && $0.code != .signatureMismatch }
    }
}
