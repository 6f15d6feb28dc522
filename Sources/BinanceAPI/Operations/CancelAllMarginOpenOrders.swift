/// `DELETE /sapi/v1/margin/openOrders` — cancel every open order of one symbol (TRADE).
///
/// Parameters follow the exchange's table in order: `symbol`, `isIsolated`, `recvWindow` (then
/// `timestamp`), all in the URL query like every DELETE. The exchange also cancels the symbol's
/// OCO order lists.
public struct CancelAllMarginOpenOrders: ExchangeOperation, Hashable {
    public typealias Response = CanceledMarginOrders

    public static let method = HTTPMethod.delete
    public static let path = "/sapi/v1/margin/openOrders"
    public static let weight = RequestWeight(1, .ip)
    public static let security = SecurityType.trade
    public static let title = "margin cancel all"

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
