/// `DELETE /sapi/v1/margin/order` — cancel an active order of the margin account (TRADE).
///
/// Parameters follow the exchange's table in order: `symbol`, `isIsolated`, `orderId`,
/// `origClientOrderId`, `newClientOrderId`, `recvWindow` (then `timestamp`, added when signed).
/// Either `orderId` or `origClientOrderId` must be sent. `isIsolated=TRUE` is sent exactly when
/// the order is on an isolated-margin account; cross margin (the exchange's default) omits it.
public struct CancelMarginOrder: DocumentedOperation, Hashable {
    public typealias Response = MarginOrder

    public static let endpoint = EndpointDescription(
        .delete, "/sapi/v1/margin/order", weight: RequestWeight(10, .ip), security: .trade, title: "margin cancel",
        effect: .write,
        parameters: ["symbol", "isIsolated", "orderId", "origClientOrderId", "newClientOrderId", "recvWindow"])

    /// The trading pair, e.g. `LTCBTC`.
    public var symbol: String
    /// True for an isolated-margin order (`isIsolated=TRUE`); false for cross margin.
    public var isIsolated: Bool
    /// The exchange's order id.
    public var orderId: Int64?
    /// The client order id given when the order was placed.
    public var origClientOrderId: String?
    /// An id for this cancel; the exchange generates one when absent.
    public var newClientOrderId: String?
    /// How long after `timestamp` the request stays valid, 1...60000 ms.
    public var recvWindow: Int?

    public init(
        symbol: String, isIsolated: Bool = false, orderId: Int64? = nil, origClientOrderId: String? = nil,
        newClientOrderId: String? = nil, recvWindow: Int? = nil
    ) {
        self.symbol = symbol
        self.isIsolated = isIsolated
        self.orderId = orderId
        self.origClientOrderId = origClientOrderId
        self.newClientOrderId = newClientOrderId
        self.recvWindow = recvWindow
    }

    public func validate() throws(ValidationError) {
        try ParameterRules.symbol(symbol)
        try ParameterRules.orderReference(orderId: orderId, origClientOrderId: origClientOrderId)
        if let newClientOrderId { try ParameterRules.clientOrderId("newClientOrderId", newClientOrderId) }
        if let recvWindow { try ParameterRules.recvWindow(recvWindow) }
    }

    public var parameters: [QueryParameter] {
        var result: [QueryParameter] = []
        // Room for every parameter and the two a signed request adds (recvWindow, timestamp):
        // one allocation, not one per growth.
        result.reserveCapacity(8)
        result.append(QueryParameter("symbol", symbol))
        if isIsolated { result.append(QueryParameter("isIsolated", "TRUE")) }
        if let orderId { result.append(QueryParameter("orderId", String(orderId))) }
        if let origClientOrderId { result.append(QueryParameter("origClientOrderId", origClientOrderId)) }
        if let newClientOrderId { result.append(QueryParameter("newClientOrderId", newClientOrderId)) }
        if let recvWindow { result.append(QueryParameter("recvWindow", String(recvWindow))) }
        return result
    }
}

extension CancelMarginOrder: OutcomeCheckable {
    /// Query the same order (same account, same reference).
    public var outcomeCheck: QueryMarginOrder {
        QueryMarginOrder(
            symbol: symbol, isIsolated: isIsolated, orderId: orderId, origClientOrderId: origClientOrderId,
            recvWindow: recvWindow)
    }

    public func judge(_ order: MarginOrder) -> OutcomeJudgement<MarginOrder> {
        if let mismatch = mismatch(order) {
            return .unrelated("the check answered about another order (\(mismatch)): the outcome is still unknown")
        }
        let name = "order \(order.orderId)"
        switch order.status {
        case "CANCELED":
            return .applied(order, "\(name) is CANCELED: the cancel took effect")
        case "NEW", "PARTIALLY_FILLED":
            return .notApplied("\(name) is still \(order.status): the cancel did not take effect; sending it again")
        case "PENDING_CANCEL", "PENDING_NEW":
            // A cancel under way (perhaps ours) or an order not yet on the book: neither done nor
            // refused — asking again later tells, sending again would not.
            return .pending("\(name) is \(order.status): not decided yet; checking again")
        default:
            return .moot("\(name) is \(order.status): there is nothing left to cancel")
        }
    }
}

extension CancelMarginOrder {
    /// How `order` differs from the order this cancel names, or nil when it is that order: same
    /// symbol, same `orderId` and/or client order id as given, same margin account when the
    /// answer says which.
    func mismatch(_ order: MarginOrder) -> String? {
        if order.symbol != symbol { return "symbol \(Self.quoted(order.symbol)), not \(symbol)" }
        if let orderId, order.orderId != orderId { return "orderId \(order.orderId), not \(orderId)" }
        if let origClientOrderId, order.clientOrderId != origClientOrderId, order.origClientOrderId != origClientOrderId {
            let seen = order.clientOrderId ?? order.origClientOrderId ?? "none"
            return "client order id \(Self.quoted(seen)), not \(origClientOrderId)"
        }
        if let answered = order.isIsolated, answered != isIsolated {
            return answered ? "an isolated-margin order, not cross margin" : "a cross-margin order, not isolated margin"
        }
        return nil
    }

    /// A value from the server, shown bounded and with control characters escaped.
    static func quoted(_ text: String) -> String {
        var shown = ""
        for scalar in text.unicodeScalars.prefix(64) {
            shown += scalar.value < 0x20 || scalar.value == 0x7F ? scalar.escaped(asASCII: true) : String(scalar)
        }
        return text.unicodeScalars.count > 64 ? shown + "…" : shown
    }
}
