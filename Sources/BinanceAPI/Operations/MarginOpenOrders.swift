/// `GET /sapi/v1/margin/openOrders` — the open orders of the margin account (USER_DATA).
///
/// Parameters follow the exchange's table in order: `symbol`, `isIsolated`, `recvWindow` (then
/// `timestamp`). Without a symbol the exchange returns every symbol's open orders (and counts a
/// weight per trading symbol); with `isIsolated=TRUE` the symbol is mandatory.
public struct MarginOpenOrders: DocumentedOperation, Hashable {
    public typealias Response = MarginOrderList

    public static let endpoint = EndpointDescription(
        .get, "/sapi/v1/margin/openOrders", weight: RequestWeight(10, .ip), security: .userData, title: "margin open orders",
        effect: .read,
        parameters: ["symbol", "isIsolated", "recvWindow"])

    /// The trading pair, or nil for all symbols (cross margin only).
    public var symbol: String?
    /// True for the isolated-margin account of `symbol`.
    public var isIsolated: Bool
    /// How long after `timestamp` the request stays valid, 1...60000 ms.
    public var recvWindow: Int?

    public init(symbol: String? = nil, isIsolated: Bool = false, recvWindow: Int? = nil) {
        self.symbol = symbol
        self.isIsolated = isIsolated
        self.recvWindow = recvWindow
    }

    public func validate() throws(ValidationError) {
        if let symbol {
            try ParameterRules.symbol(symbol)
        } else if isIsolated {
            // The exchange: "If isIsolated = "TRUE", symbol must be sent."
            throw .missingParameter("symbol")
        }
        if let recvWindow { try ParameterRules.recvWindow(recvWindow) }
    }

    public var parameters: [QueryParameter] {
        var result: [QueryParameter] = []
        if let symbol { result.append(QueryParameter("symbol", symbol)) }
        if isIsolated { result.append(QueryParameter("isIsolated", "TRUE")) }
        if let recvWindow { result.append(QueryParameter("recvWindow", String(recvWindow))) }
        return result
    }
}
