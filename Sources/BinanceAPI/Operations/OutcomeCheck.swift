/// A write whose effect a read can confirm, so an unknown outcome (HTTP 5XX, a timeout) is
/// resolved by asking the exchange instead of sending the write again blindly.
public protocol OutcomeCheckable: ExchangeOperation {
    /// The read that shows whether this request took effect.
    associatedtype Check: ExchangeOperation

    /// The read to send, e.g. the order query for a cancel.
    var outcomeCheck: Check { get }

    /// What the read's answer says about this request.
    func judge(_ answer: Check.Response) -> OutcomeJudgement<Response>
}

/// What an outcome check concluded, with a sentence for the user.
public enum OutcomeJudgement<Response: Sendable>: Sendable {
    /// The request took effect; `Response` is the best answer the check can give.
    case applied(Response, String)
    /// It did not; sending it again is safe and is what was asked for.
    case notApplied(String)
    /// It did not and never will (the order was filled meanwhile).
    case moot(String)
    /// The answer is about another order, symbol or account than the one asked about: it proves
    /// nothing either way (a confused or hostile server), so the outcome stays unknown.
    case unrelated(String)
    /// Not decided yet (the order is `PENDING_CANCEL`: a cancel is under way): ask again later.
    case pending(String)
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

extension CancelAllMarginOpenOrders: OutcomeCheckable {
    /// List the symbol's open orders on the same account.
    public var outcomeCheck: MarginOpenOrders {
        MarginOpenOrders(symbol: symbol, isIsolated: isIsolated, recvWindow: recvWindow)
    }

    public func judge(_ open: MarginOrderList) -> OutcomeJudgement<CanceledMarginOrders> {
        if let other = open.orders.first(where: { $0.symbol != symbol || ($0.isIsolated.map { $0 != isIsolated } ?? false) }) {
            return .unrelated(
                "the check listed order \(other.orderId) of \(CancelMarginOrder.quoted(other.symbol))"
                    + "\(other.isIsolated == true ? " (isolated)" : ""), not only \(symbol) orders: the outcome is still unknown")
        }
        if open.orders.isEmpty {
            return .applied(
                CanceledMarginOrders(),
                "\(symbol) has no open orders left: the cancel-all took effect (the list of canceled orders was lost)")
        }
        return .notApplied("\(symbol) still has \(open.orders.count) open orders: sending the cancel-all again")
    }
}
