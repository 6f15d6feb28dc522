/// One thing `bnc explain` found about a request: a confirmed cause, a rule broken, or a note.
package struct Finding: Sendable, Hashable {
    /// How much the finding matters.
    package enum Severity: String, Sendable, Hashable, Codable, Comparable {
        /// The exchange would reject the request.
        case error
        /// Accepted today, but fragile or against the documentation.
        case warning
        /// Context for the reader.
        case info

        private var rank: Int {
            switch self {
            case .error: return 0
            case .warning: return 1
            case .info: return 2
            }
        }

        package static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    /// A stable identifier, e.g. `signature.parametersReordered`, for tools and tests.
    package var code: FindingCode
    package var severity: Severity
    /// What was found, in one sentence.
    package var message: String
    /// How to fix it, when there is something to do.
    package var fix: String?
    /// Whether re-signing a variant of the request reproduced the given signature, which makes the
    /// cause certain rather than likely.
    package var confirmed: Bool
    /// For a confirmed cause: the string whose signature equals the given one — what the
    /// client actually signed.
    package var reproducedWith: String?

    package init(
        _ code: FindingCode, _ severity: Severity, _ message: String, fix: String? = nil, confirmed: Bool = false,
        reproducedWith: String? = nil
    ) {
        self.code = code
        self.severity = severity
        self.message = message
        self.fix = fix
        self.confirmed = confirmed
        self.reproducedWith = reproducedWith
    }
}

/// The stable codes of findings. The raw values are part of `--output json` and never change.
package enum FindingCode: String, Sendable, Hashable, Codable, CaseIterable {
    // The request itself.
    case signatureMissing = "request.signatureMissing"
    case duplicateSignature = "request.duplicateSignature"
    case duplicateParameter = "request.duplicateParameter"
    case emptyValue = "request.emptyValue"
    case apiKeyHeaderMissing = "request.apiKeyHeaderMissing"
    case apiKeyDiffers = "request.apiKeyDiffers"
    case deleteParametersInBody = "request.deleteParametersInBody"
    case signatureNotLast = "request.signatureNotLast"
    case signatureNotPercentEncoded = "request.signatureNotPercentEncoded"

    // The signature.
    case signatureMismatch = "signature.mismatch"
    case uppercaseHex = "signature.uppercaseHex"
    case valuesNotEncoded = "signature.valuesNotEncoded"
    case encodedTwice = "signature.encodedTwice"
    case nonASCII = "signature.nonASCII"
    case plusVersusPercent20 = "signature.plusVersusPercent20"
    case escapeCase = "signature.escapeCase"
    case parametersReordered = "signature.parametersReordered"
    case secretWhitespace = "signature.secretWhitespace"
    case apiKeyAsSecret = "signature.apiKeyAsSecret"
    case wrongKeyType = "signature.wrongKeyType"
    case hexVersusBase64 = "signature.hexVersusBase64"
    case queryAndBody = "signature.queryAndBody"
    case leadingQuestionMark = "signature.leadingQuestionMark"
    case unexplained = "signature.unexplained"

    // Timing.
    case timestampMissing = "timing.timestampMissing"
    case timestampMalformed = "timing.timestampMalformed"
    case timestampInSeconds = "timing.timestampInSeconds"
    case timestampInMicroseconds = "timing.timestampInMicroseconds"
    case recvWindowTooLarge = "timing.recvWindowTooLarge"
    case recvWindowMalformed = "timing.recvWindowMalformed"
    case outsideRecvWindow = "timing.outsideRecvWindow"
    case aheadOfServer = "timing.aheadOfServer"
    case localClockOnly = "timing.localClockOnly"
    case localClockSkew = "timing.localClockSkew"
    case serverTimeUnavailable = "timing.serverTimeUnavailable"
}
