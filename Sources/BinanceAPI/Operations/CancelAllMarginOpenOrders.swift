/// `DELETE /sapi/v1/margin/openOrders` — cancel every open order of one symbol (TRADE).
///
/// Parameters follow the exchange's table in order: `symbol`, `isIsolated`, `recvWindow` (then
/// `timestamp`), all in the URL query like every DELETE. The exchange also cancels the symbol's
/// OCO order lists.
public struct CancelAllMarginOpenOrders: DocumentedOperation, Hashable {
    public typealias Response = CanceledMarginOrders

    public static let endpoint = EndpointDescription(
        .delete, "/sapi/v1/margin/openOrders", weight: RequestWeight(1, .ip), security: .trade, title: "margin cancel all",
        effect: .write,
        parameters: ["symbol", "isIsolated", "recvWindow"])

    /// The trading pair, e.g. `LTCBTC`.
    public var symbol: String
    /// True for the isolated-margin account of `symbol`.
    public var isIsolated: Bool
    /// How long after `timestamp` the request stays valid, 1...60000 ms.
    public var recvWindow: Int?

    public init(symbol: String, isIsolated: Bool = false, recvWindow: Int? = nil) {
        self.symbol = symbol
        self.isIsolated = isIsolated
        self.recvWindow = recvWindow
    }

    public func validate() throws(ValidationError) {
        try ParameterRules.symbol(symbol)
        if let recvWindow { try ParameterRules.recvWindow(recvWindow) }
    }

    public var parameters: [QueryParameter] {
        var result = [QueryParameter("symbol", symbol)]
        if isIsolated { result.append(QueryParameter("isIsolated", "TRUE")) }
        if let recvWindow { result.append(QueryParameter("recvWindow", String(recvWindow))) }
        return result
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
