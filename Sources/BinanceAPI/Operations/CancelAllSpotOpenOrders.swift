/// `DELETE /api/v3/openOrders` — cancel every open order of one symbol on the spot account,
/// order lists included (TRADE), weight 1.
///
/// Parameters follow the exchange's table in order: `symbol`, `recvWindow` (then `timestamp`).
public struct CancelAllSpotOpenOrders: DocumentedOperation, Hashable {
    public typealias Response = CanceledMarginOrders

    public static let endpoint = EndpointDescription(
        .delete, "/api/v3/openOrders", weight: RequestWeight(1, .ip), security: .trade, title: "spot cancel all",
        effect: .write, parameters: ["symbol", "recvWindow"])

    /// The trading pair, e.g. `BTCUSDT`.
    public var symbol: String
    /// How long after `timestamp` the request stays valid, 1...60000 ms.
    public var recvWindow: Int?

    public init(symbol: String, recvWindow: Int? = nil) {
        self.symbol = symbol
        self.recvWindow = recvWindow
    }

    public func validate() throws(ValidationError) {
        try ParameterRules.symbol(symbol)
        if let recvWindow { try ParameterRules.recvWindow(recvWindow) }
    }

    public var parameters: [QueryParameter] {
        var result = [QueryParameter("symbol", symbol)]
        if let recvWindow { result.append(QueryParameter("recvWindow", String(recvWindow))) }
        return result
    }
}

extension CancelAllSpotOpenOrders: OutcomeCheckable {
    /// List the symbol's open spot orders.
    public var outcomeCheck: SpotOpenOrders { SpotOpenOrders(symbol: symbol, recvWindow: recvWindow) }

    /// The margin cancel-all's judgement over the spot list (no order there is isolated).
    public func judge(_ open: MarginOrderList) -> OutcomeJudgement<CanceledMarginOrders> {
        CancelAllMarginOpenOrders(symbol: symbol).judge(open)
    }
}
