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
}

extension CancelMarginOrder: OutcomeCheckable {
    /// Query the same order (same account, same reference).
    public var outcomeCheck: QueryMarginOrder {
        QueryMarginOrder(
            symbol: symbol, isIsolated: isIsolated, orderId: orderId, origClientOrderId: origClientOrderId,
            recvWindow: recvWindow)
    }

    public func judge(_ order: MarginOrder) -> OutcomeJudgement<MarginOrder> {
        let name = "order \(order.orderId)"
        switch order.status {
        case "CANCELED":
            return .applied(order, "\(name) is CANCELED: the cancel took effect")
        case "NEW", "PARTIALLY_FILLED":
            return .notApplied("\(name) is still \(order.status): the cancel did not take effect; sending it again")
        default:
            return .moot("\(name) is \(order.status): there is nothing left to cancel")
        }
    }
}

extension CancelAllMarginOpenOrders: OutcomeCheckable {
    /// List the symbol's open orders on the same account.
    public var outcomeCheck: MarginOpenOrders {
        MarginOpenOrders(symbol: symbol, isIsolated: isIsolated, recvWindow: recvWindow)
    }

    public func judge(_ open: MarginOrderList) -> OutcomeJudgement<CanceledMarginOrders> {
        if open.orders.isEmpty {
            return .applied(
                CanceledMarginOrders(),
                "\(symbol) has no open orders left: the cancel-all took effect (the list of canceled orders was lost)")
        }
        return .notApplied("\(symbol) still has \(open.orders.count) open orders: sending the cancel-all again")
    }
}
