/// An error the exchange answers with: its code, its message (worded as the exchange words it)
/// and the HTTP status it comes with.
struct ExchangeReject: Error, Sendable, Hashable {
    var status: Int
    var code: Int
    var message: String

    // MARK: - Keys (HTTP 401, as the exchange sends them)

    /// No `X-MBX-APIKEY`, or one that is not 64 letters and digits.
    static let badAPIKeyFormat = ExchangeReject(status: 401, code: -2014, message: "API-key format invalid.")
    /// A well-formed key the exchange does not know.
    static let rejectedKey = ExchangeReject(
        status: 401, code: -2015, message: "Invalid API-key, IP, or permissions for action.")

    // MARK: - Signed-request checks (HTTP 400)

    static let invalidSignature = ExchangeReject(
        status: 400, code: -1022, message: "Signature for this request is not valid.")
    static let outsideRecvWindow = ExchangeReject(
        status: 400, code: -1021, message: "Timestamp for this request is outside of the recvWindow.")
    static let aheadOfServer = ExchangeReject(
        status: 400, code: -1021, message: "Timestamp for this request was 1000ms ahead of the server's time.")
    static let badRecvWindow = ExchangeReject(status: 400, code: -1131, message: "recvWindow must be less than 60000")
    static let duplicateParameter = ExchangeReject(
        status: 400, code: -1101, message: "Duplicate values for a parameter detected.")
    static let illegalCharacters = ExchangeReject(
        status: 400, code: -1100, message: "Illegal characters found in a parameter.")

    /// -1102 for one missing or malformed mandatory parameter.
    static func mandatory(_ name: String) -> ExchangeReject {
        ExchangeReject(
            status: 400, code: -1102,
            message: "Mandatory parameter '\(name)' was not sent, was empty/null, or malformed.")
    }

    /// -1102 when neither of two alternatives was sent.
    static func eitherOf(_ first: String, _ second: String) -> ExchangeReject {
        ExchangeReject(
            status: 400, code: -1102, message: "Param '\(first)' or '\(second)' must be sent, but both were empty/null!")
    }

    /// -1100 for a LONG parameter holding something else.
    static func illegalLong(_ name: String) -> ExchangeReject {
        ExchangeReject(
            status: 400, code: -1100,
            message: "Illegal characters found in parameter '\(name)'; legal range is '^[0-9]{1,20}$'.")
    }

    /// -1130 for a value outside the parameter's allowed set.
    static func invalidValue(_ name: String) -> ExchangeReject {
        ExchangeReject(status: 400, code: -1130, message: "Data sent for parameter '\(name)' is not valid.")
    }

    // MARK: - Business (HTTP 400)

    static let invalidSymbol = ExchangeReject(status: 400, code: -1121, message: "Invalid symbol.")
    static let unknownOrder = ExchangeReject(status: 400, code: -2011, message: "Unknown order sent.")
    static let noSuchOrder = ExchangeReject(status: 400, code: -2013, message: "Order does not exist.")

    // MARK: - Rate limits

    /// 429: over the request-weight limit of the current window.
    static func tooMuchWeight(limit: Int, interval: String) -> ExchangeReject {
        ExchangeReject(
            status: 429, code: -1003,
            message: "Too much request weight used; current limit is \(limit) request weight per \(interval)."
                + " Please use WebSocket Streams for live updates to avoid polling the API.")
    }

    /// 418: banned for sending on after 429s.
    static func banned(until: Int64) -> ExchangeReject {
        ExchangeReject(
            status: 418, code: -1003,
            message: "Way too much request weight used; IP banned until \(until)."
                + " Please use WebSocket Streams for live updates to avoid bans.")
    }

    // MARK: - Injected server faults (5XX: the outcome is unknown to the client)

    static let internalError = ExchangeReject(
        status: 500, code: -1001, message: "Internal error; unable to process your request. Please try again.")
    static let backendTimeout = ExchangeReject(
        status: 503, code: -1007,
        message: "Timeout waiting for response from backend server. Send status unknown; execution status unknown.")
    static let unknownError = ExchangeReject(
        status: 503, code: -1000, message: "Unknown error, please check your request or try again later.")

    /// The `{"code":..,"msg":".."}` body.
    var body: [UInt8] {
        var text = "{\"code\":\(code),\"msg\":"
        JSONText.appendString(message, to: &text)
        text += "}"
        return Array(text.utf8)
    }
}
