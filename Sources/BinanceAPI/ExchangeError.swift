/// An error the exchange returned: `{"code": -2011, "msg": "Unknown order sent."}` plus the
/// HTTP status it came with.
public struct ExchangeError: Error, Sendable, Hashable, Codable {
    /// The exchange's numeric code, e.g. -2011.
    public var code: Int
    /// The exchange's message, verbatim.
    public var message: String
    /// The HTTP status of the response (400, 401, 403, 429, 418, 5XX).
    public var httpStatus: Int

    public init(code: Int, message: String, httpStatus: Int) {
        self.code = code
        self.message = message
        self.httpStatus = httpStatus
    }

    /// The code as a known kind, when bnc knows it.
    public var kind: ExchangeErrorKind? { ExchangeErrorKind(rawValue: code) }

    /// The exchange's name for the error (`CANCEL_REJECTED`, `INVALID_SIGNATURE`), or `UNKNOWN`.
    public var name: String { kind.map { "\($0.name)" } ?? "UNKNOWN" }

    /// What the user can do about it.
    public var hint: String? { kind?.hint }

    /// What the user can do about it, knowing the request: a -2011 on a margin request suggests
    /// the other margin mode (an isolated order canceled as cross is the usual cause).
    public func hint(for request: PreparedRequest) -> String? {
        guard kind == .cancelRejected, let mode = request.marginMode else { return hint }
        let other = mode == "isolated" ? "a cross-margin order, send it without `isolated`" : "an isolated-margin order, add `isolated`"
        return "the order was not found in the matching engine (\(mode) margin): it is most likely already filled or"
            + " canceled — check all orders (`orders SYMBOL`, GET /sapi/v1/margin/allOrders); if it is \(other)"
    }

    /// Decodes a `{"code":..,"msg":..}` body; nil when the body is not that shape.
    public static func decode(body: [UInt8], httpStatus: Int) -> ExchangeError? {
        guard let object = try? JSONValue.parse(body), case .object(let fields) = object,
            let code = fields["code"]?.integerValue, let msg = fields["msg"]?.stringValue
        else { return nil }
        return ExchangeError(code: Int(code), message: msg, httpStatus: httpStatus)
    }
}

extension ExchangeError: CustomStringConvertible {
    public var description: String { "\(code) \(name): \(message)" }
}

/// The exchange error codes bnc explains. Raw values are the exchange's codes.
public enum ExchangeErrorKind: Int, Sendable, CaseIterable {
    case unknown = -1000
    case disconnected = -1001
    case unauthorized = -1002
    case tooManyRequests = -1003
    case unexpectedResponse = -1006
    case timeout = -1007
    case invalidTimestamp = -1021
    case invalidSignature = -1022
    case illegalChars = -1100
    case tooManyParameters = -1101
    case mandatoryParamEmptyOrMalformed = -1102
    case unknownParam = -1103
    case unreadParameters = -1104
    case paramEmpty = -1105
    case paramNotRequired = -1106
    case badRecvWindow = -1131
    case invalidSymbol = -1121
    case cancelRejected = -2011
    case noSuchOrder = -2013
    case badAPIKeyFormat = -2014
    case rejectedMBXKey = -2015

    /// The exchange's upper-case name for the code.
    public var name: String {
        switch self {
        case .unknown: return "UNKNOWN"
        case .disconnected: return "DISCONNECTED"
        case .unauthorized: return "UNAUTHORIZED"
        case .tooManyRequests: return "TOO_MANY_REQUESTS"
        case .unexpectedResponse: return "UNEXPECTED_RESP"
        case .timeout: return "TIMEOUT"
        case .invalidTimestamp: return "INVALID_TIMESTAMP"
        case .invalidSignature: return "INVALID_SIGNATURE"
        case .illegalChars: return "ILLEGAL_CHARS"
        case .tooManyParameters: return "TOO_MANY_PARAMETERS"
        case .mandatoryParamEmptyOrMalformed: return "MANDATORY_PARAM_EMPTY_OR_MALFORMED"
        case .unknownParam: return "UNKNOWN_PARAM"
        case .unreadParameters: return "UNREAD_PARAMETERS"
        case .paramEmpty: return "PARAM_EMPTY"
        case .paramNotRequired: return "PARAM_NOT_REQUIRED"
        case .badRecvWindow: return "BAD_RECV_WINDOW"
        case .invalidSymbol: return "BAD_SYMBOL"
        case .cancelRejected: return "CANCEL_REJECTED"
        case .noSuchOrder: return "NO_SUCH_ORDER"
        case .badAPIKeyFormat: return "BAD_API_KEY_FMT"
        case .rejectedMBXKey: return "REJECTED_MBX_KEY"
        }
    }

    /// What the user can do about it.
    public var hint: String? {
        switch self {
        case .cancelRejected:
            return "the order was not found in the matching engine: it is most likely already filled or"
                + " canceled. Check all orders (`orders SYMBOL`, GET /sapi/v1/margin/allOrders); if it is an"
                + " isolated-margin order, cancel it with `isolated`"
        case .invalidSignature:
            return "the signature does not match the query the exchange received: check the secret (no"
                + " stray whitespace), the key type, and that the signed string is byte-for-byte the one sent;"
                + " `bnc explain 'URL'` diagnoses it"
        case .invalidTimestamp:
            return "the local clock is too far from the exchange's: bnc resyncs its offset once and retries;"
                + " check `time` and the machine's NTP"
        case .tooManyRequests:
            return "request weight limit exceeded: wait for Retry-After before sending again"
        case .rejectedMBXKey:
            return "the API key is unknown, lacks margin permission, or the request IP is not whitelisted"
        case .badAPIKeyFormat:
            return "the X-MBX-APIKEY header is not a valid API key"
        case .tooManyParameters:
            return "a parameter was sent more than once"
        case .mandatoryParamEmptyOrMalformed:
            return "a mandatory parameter was not sent, was empty, or malformed"
        case .badRecvWindow:
            return "recvWindow must be at most 60000"
        case .invalidSymbol:
            return "the symbol does not exist on the exchange"
        case .noSuchOrder:
            return "the order does not exist"
        default:
            return nil
        }
    }
}
