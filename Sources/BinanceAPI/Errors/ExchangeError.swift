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

    /// The catalog's entry for the code (meaning, causes, fix), when bnc knows it.
    public var entry: ExchangeErrorEntry? { ExchangeErrorCatalog.entry(for: code) }

    /// The exchange's name for the error (`CANCEL_REJECTED`, `INVALID_SIGNATURE`), or `UNKNOWN`.
    public var name: String { entry?.name ?? "UNKNOWN" }

    /// What the user can do about it (the catalog's hint).
    public var hint: String? { entry?.hint }

    /// What the user can do about it, knowing the request: a -2011 on a margin request suggests
    /// the other margin mode (an isolated order canceled as cross is the usual cause).
    public func hint(for request: PreparedRequest) -> String? {
        guard kind == .cancelRejected, let mode = request.marginMode else { return hint }
        let other =
            mode == "isolated" ? "a cross-margin order, send it without `isolated`" : "an isolated-margin order, add `isolated`"
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

/// The exchange error codes bnc's own logic tells apart (the outcome rule, the -2011 hint).
/// Raw values are the exchange's codes; names, meanings and hints are in ``ExchangeErrorCatalog``.
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

    /// The exchange's upper-case name for the code (from ``ExchangeErrorCatalog``).
    public var name: String { ExchangeErrorCatalog.entry(for: rawValue)?.name ?? "UNKNOWN" }

    /// What the user can do about it (from ``ExchangeErrorCatalog``).
    public var hint: String? { ExchangeErrorCatalog.entry(for: rawValue)?.hint }
}
