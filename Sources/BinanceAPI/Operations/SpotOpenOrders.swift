/// `GET /api/v3/openOrders` — the open orders of the spot account (USER_DATA).
///
/// Parameters follow the exchange's table in order: `symbol`, `recvWindow` (then `timestamp`).
/// The weight is 6 for one symbol and 80 without one (every symbol's orders): the instance's
/// ``endpoint`` says which, so pacing counts what the exchange counts.
public struct SpotOpenOrders: DocumentedOperation, Hashable {
    public typealias Response = MarginOrderList

    public static let endpoint = EndpointDescription(
        .get, "/api/v3/openOrders", weight: RequestWeight(6, .ip), security: .userData, title: "spot open orders",
        effect: .read, parameters: ["symbol", "recvWindow"])

    /// The weight without a symbol.
    public static let allSymbolsWeight = RequestWeight(80, .ip)

    /// The trading pair, or nil for every symbol.
    public var symbol: String?
    /// How long after `timestamp` the request stays valid, 1...60000 ms.
    public var recvWindow: Int?

    public init(symbol: String? = nil, recvWindow: Int? = nil) {
        self.symbol = symbol
        self.recvWindow = recvWindow
    }

    /// The documented endpoint, weighing 80 when no symbol is sent.
    public var endpoint: EndpointDescription {
        guard symbol == nil else { return Self.endpoint }
        var all = Self.endpoint
        all.weight = Self.allSymbolsWeight
        return all
    }

    public func validate() throws(ValidationError) {
        if let symbol { try ParameterRules.symbol(symbol) }
        if let recvWindow { try ParameterRules.recvWindow(recvWindow) }
    }

    public var parameters: [QueryParameter] {
        var result: [QueryParameter] = []
        if let symbol { result.append(QueryParameter("symbol", symbol)) }
        if let recvWindow { result.append(QueryParameter("recvWindow", String(recvWindow))) }
        return result
    }
}
