extension ExchangeReject {
    // The answers of `POST /sapi/v1/margin/order` beyond the gateway's. Texts are the
    // exchange's error-code pages' (spot and margin); Tests/Fidelity/errors.json says which page
    // and which are inferred.

    /// -1013 for a symbol filter a new order fails: `Filter failure: PRICE_FILTER`.
    static func filterFailure(_ filter: String) -> ExchangeReject {
        ExchangeReject(status: 400, code: -1013, message: "Filter failure: \(filter)")
    }

    /// -1100 for a DECIMAL parameter holding something else.
    static func illegalDecimal(_ name: String) -> ExchangeReject {
        ExchangeReject(
            status: 400, code: -1100,
            message: "Illegal characters found in parameter '\(name)'; legal range is '^([0-9]{1,20})(\\.[0-9]{1,20})?$'.")
    }

    /// -1100 for a client order id outside the exchange's pattern.
    static let illegalClientOrderId = ExchangeReject(
        status: 400, code: -1100,
        message: "Illegal characters found in parameter 'newClientOrderId'; legal range is '^[\\.A-Z\\:/a-z0-9_-]{1,36}$'.")

    /// -1106 for a parameter the order type does not take.
    static func notRequired(_ name: String) -> ExchangeReject {
        ExchangeReject(status: 400, code: -1106, message: "Parameter '\(name)' sent when not required.")
    }

    static let invalidTimeInForce = ExchangeReject(status: 400, code: -1115, message: "Invalid timeInForce.")
    static let invalidOrderType = ExchangeReject(status: 400, code: -1116, message: "Invalid orderType.")
    static let invalidSide = ExchangeReject(status: 400, code: -1117, message: "Invalid side.")

    /// -2010 NEW_ORDER_REJECTED, with the reason as its message.
    static let insufficientBalance = ExchangeReject(
        status: 400, code: -2010, message: "Account has insufficient balance for requested action.")
    static let wouldTake = ExchangeReject(status: 400, code: -2010, message: "Order would immediately match and take.")
    static let duplicateOrder = ExchangeReject(status: 400, code: -2010, message: "Duplicate order sent.")
    static let marketClosed = ExchangeReject(status: 400, code: -2010, message: "Market is closed.")

    /// -3021: the pair is not open to margin trading.
    static let pairNotMarginTradable = ExchangeReject(
        status: 400, code: -3021, message: "Margin account are not allowed to trade this trading pair.")

    /// -11001: an isolated request for a symbol the account has no isolated margin account on.
    static let noIsolatedAccount = ExchangeReject(status: 400, code: -11001, message: "Isolated margin account does not exist.")
}
