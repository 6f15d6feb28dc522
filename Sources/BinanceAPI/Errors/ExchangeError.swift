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

    /// The code as a kind, to compare with the ones bnc branches on (`kind == .cancelRejected`).
    public var kind: ExchangeErrorKind { ExchangeErrorKind(rawValue: code) }

    /// The catalog's entry for the code (meaning, causes, fix), when bnc knows it.
    public var entry: ExchangeErrorEntry? { ExchangeErrorCatalog.entry(for: code) }

    /// The exchange's name for the error (`CANCEL_REJECTED`, `INVALID_SIGNATURE`), or `UNKNOWN`.
    public var name: String { entry?.name ?? "UNKNOWN" }

    /// What the user can do about it (the catalog's hint).
    public var hint: String? { entry?.hint }

    /// What the user can do about it, knowing the request: a -2011 on a margin request suggests
    /// the other margin mode (an isolated order canceled as cross is the usual cause).
    public func hint(for request: PreparedRequest) -> String? {
        if kind == .cancelRejected, request.path == CancelSpotOrderList.endpoint.path {
            // The catalog's hint speaks of margin modes, which a spot list does not have.
            return "no executing order list matched on the spot account: it is most likely done already — a leg"
                + " filled or it was canceled (GET /api/v3/orderList shows it ALL_DONE); a margin list is canceled"
                + " without `spot`"
        }
        guard kind == .cancelRejected, let mode = request.marginMode else { return hint }
        if request.path.hasSuffix("/orderList") {
            // "Unknown order list sent.": the list is done (a leg filled, or it was canceled) or on the other account.
            let other =
                mode == "isolated" ? "a cross-margin list, send it without `isolated`" : "an isolated-margin list, add `isolated`"
            return "no executing order list matched (\(mode) margin): it is most likely done already — a leg filled or"
                + " it was canceled (GET /sapi/v1/margin/orderList shows it ALL_DONE); if it is \(other)"
        }
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

/// An exchange error code, as bnc's own logic tells them apart (the outcome rule, the -2011 hint).
///
/// A struct over the exchange's number rather than an enum: every code the exchange sends has a
/// value (`ExchangeError.kind` is never nil), comparing with a named one reads as before
/// (`error.kind == .cancelRejected`), and naming another code later is an added static member,
/// not a new case that breaks every caller's `switch`. Names, meanings and hints of all codes,
/// named here or not, are in ``ExchangeErrorCatalog``.
public struct ExchangeErrorKind: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The exchange's number, e.g. -2011.
    public let rawValue: Int

    public init(rawValue: Int) { self.rawValue = rawValue }

    public static let unknown = Self(rawValue: -1000)
    public static let disconnected = Self(rawValue: -1001)
    public static let unauthorized = Self(rawValue: -1002)
    public static let tooManyRequests = Self(rawValue: -1003)
    /// -1006: execution status unknown (the outcome rule's "unknown").
    public static let unexpectedResponse = Self(rawValue: -1006)
    /// -1007: the backend timed out; execution status unknown.
    public static let timeout = Self(rawValue: -1007)
    /// -1021: outside recvWindow; the client resyncs its clock once.
    public static let invalidTimestamp = Self(rawValue: -1021)
    public static let invalidSignature = Self(rawValue: -1022)
    public static let illegalChars = Self(rawValue: -1100)
    public static let tooManyParameters = Self(rawValue: -1101)
    public static let mandatoryParamEmptyOrMalformed = Self(rawValue: -1102)
    public static let unknownParam = Self(rawValue: -1103)
    public static let unreadParameters = Self(rawValue: -1104)
    public static let paramEmpty = Self(rawValue: -1105)
    public static let paramNotRequired = Self(rawValue: -1106)
    public static let badRecvWindow = Self(rawValue: -1131)
    public static let invalidSymbol = Self(rawValue: -1121)
    /// -2011: the cancel was rejected (usually: no such open order on that account).
    public static let cancelRejected = Self(rawValue: -2011)
    /// -2013: the order does not exist (the outcome check's "not found").
    public static let noSuchOrder = Self(rawValue: -2013)
    public static let badAPIKeyFormat = Self(rawValue: -2014)
    public static let rejectedMBXKey = Self(rawValue: -2015)

    /// The codes named above, in numeric order from -1000 down.
    public static let named: [ExchangeErrorKind] = [
        .unknown, .disconnected, .unauthorized, .tooManyRequests, .unexpectedResponse, .timeout, .invalidTimestamp,
        .invalidSignature, .illegalChars, .tooManyParameters, .mandatoryParamEmptyOrMalformed, .unknownParam,
        .unreadParameters, .paramEmpty, .paramNotRequired, .invalidSymbol, .badRecvWindow, .cancelRejected,
        .noSuchOrder, .badAPIKeyFormat, .rejectedMBXKey
    ]

    /// Whether ``ExchangeErrorCatalog`` has an entry for the code.
    public var isCatalogued: Bool { ExchangeErrorCatalog.entry(for: rawValue) != nil }

    /// The exchange's upper-case name for the code (from ``ExchangeErrorCatalog``), or `UNKNOWN`.
    public var name: String { ExchangeErrorCatalog.entry(for: rawValue)?.name ?? "UNKNOWN" }

    /// What the user can do about it (from ``ExchangeErrorCatalog``).
    public var hint: String? { ExchangeErrorCatalog.entry(for: rawValue)?.hint }

    public var description: String { "\(rawValue) \(name)" }
}
