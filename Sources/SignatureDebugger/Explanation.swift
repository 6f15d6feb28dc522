import BinanceAPI

/// Everything `bnc explain` worked out about one captured request, step by step.
///
/// Render it with ``text`` or ``json``; ``exitCode`` is 0 when the request is valid and 1 when
/// its signature is wrong or a timing problem was found. Neither rendering contains the secret,
/// and the API key only appears masked.
public struct Explanation: Sendable {
    /// The request as parsed.
    public var request: CapturedRequest
    /// The kind of the configured key.
    public var keyType: KeyType
    /// The configured API key, masked.
    public var maskedAPIKey: String
    /// "environment" or "demo".
    public var keySource: String
    /// The API key the request carried (curl `-H X-MBX-APIKEY`), masked.
    public var requestAPIKeyMasked: String?
    /// Every parameter, in the order sent (query first, then body), `signature` included.
    public var parameters: [SentParameter]
    /// The exact string the exchange verifies the signature over.
    public var signedPayload: String
    /// The signature of ``signedPayload`` with the configured key.
    public var expectedSignature: Signature
    /// The `signature` value as sent, nil when the request has none.
    public var givenSignature: String?
    /// The given signature as the exchange reads it (percent-decoded, `+` as a space).
    public var givenSignatureDecoded: String?
    /// What the given signature looks like.
    public var givenShape: SignatureShape?
    /// Whether the given signature is the one the exchange computes.
    public var signatureMatches: Bool
    /// The timing check.
    public var timing: TimingReport
    /// Findings, most severe first; confirmed causes first within a severity.
    public var findings: [Finding]

    /// True when nothing would make the exchange reject the request.
    public var isValid: Bool { !findings.contains { $0.severity == .error } }

    /// 0 valid, 1 wrong signature or a timing problem.
    public var exitCode: Int32 { isValid ? 0 : 1 }

    /// The codes of all findings, in order.
    public var findingCodes: [FindingCode] { findings.map(\.code) }

    /// Findings about the signature itself (causes of a mismatch).
    public var causes: [Finding] {
        findings.filter { $0.code.rawValue.hasPrefix("signature.") && $0.code != .signatureMismatch }
    }
}
