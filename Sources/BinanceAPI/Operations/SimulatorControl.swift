/// A control of bnc's exchange simulator — `POST /bnc-sim/v1/order|price|step` — that the `sim`
/// statement sends. It is not an exchange endpoint: the path exists only in `bnc sim` and the
/// embedded simulator (docs/simulator.md, "Driving the market"), and bnc refuses the statement
/// before anything runs unless the endpoint is one of them (``isAllowed(endpointName:baseURL:)``).
///
/// Keyed (the API key names the account an order goes to), not signed, and weighed by no limit.
public struct SimulatorControl: DocumentedOperation, Hashable {
    public typealias Response = SimulatorControlReply

    /// What the control does.
    public enum Action: String, Sendable, Hashable, CaseIterable {
        /// Place a LIMIT GTC order on the key's account.
        case order
        /// Set a symbol's price, filling the orders it crosses.
        case price
        /// Step the market (a random walk, or another fill at the same price).
        case step
    }

    /// The description help and the command table show; a request's own is ``endpoint``.
    public static let endpoint = EndpointDescription(
        .post, "/bnc-sim/v1/{order|price|step}", weight: RequestWeight(0, .ip), security: .userStream,
        title: "simulator control", effect: .write,
        parameters: ["symbol", "isIsolated", "side", "quantity", "price", "newClientOrderId", "spot", "count"])

    public var action: Action
    public var symbol: String?
    public var isIsolated: Bool
    /// `BUY` or `SELL` (order).
    public var side: String?
    public var quantity: ExactDecimal?
    public var price: ExactDecimal?
    public var clientOrderId: String?
    /// A spot order: placed on the account's spot book rather than a margin one.
    public var spot: Bool
    /// Steps (step), 1...10000.
    public var count: Int64?
    /// The word written where the action goes when it names none (`sim prise`): refused by
    /// ``validate()`` with the three choices.
    public var unknownAction: String?

    public init(
        action: Action, symbol: String? = nil, isIsolated: Bool = false, side: String? = nil, quantity: ExactDecimal? = nil,
        price: ExactDecimal? = nil, clientOrderId: String? = nil, spot: Bool = false, count: Int64? = nil,
        unknownAction: String? = nil
    ) {
        self.unknownAction = unknownAction
        self.action = action
        self.symbol = symbol
        self.isIsolated = isIsolated
        self.side = side
        self.quantity = quantity
        self.price = price
        self.clientOrderId = clientOrderId
        self.spot = spot
        self.count = count
    }

    /// The action's own path: `POST /bnc-sim/v1/price`.
    public var endpoint: EndpointDescription {
        var description = Self.endpoint
        description.path = "/bnc-sim/v1/\(action.rawValue)"
        description.title = "sim \(action.rawValue)"
        return description
    }

    public func validate() throws(ValidationError) {
        if let unknownAction {
            throw .notOneOf(name: "action", value: unknownAction, choices: Action.allCases.map(\.rawValue))
        }
        switch action {
        case .order:
            guard let symbol else { throw .missingParameter("symbol") }
            try ParameterRules.symbol(symbol)
            // BUY or SELL: the simulator answers anything else with the exchange's -1117.
            guard side != nil else { throw .missingParameter("side") }
            guard quantity != nil else { throw .missingParameter("quantity") }
            guard price != nil else { throw .missingParameter("price") }
            if let clientOrderId { try ParameterRules.clientOrderId("newClientOrderId", clientOrderId) }
        case .price:
            guard let symbol else { throw .missingParameter("symbol") }
            try ParameterRules.symbol(symbol)
            guard price != nil else { throw .missingParameter("price") }
        case .step:
            if let count, !(1...10_000).contains(count) {
                throw .valueOutOfRange(name: "count", value: String(count), range: 1...10_000)
            }
        }
    }

    public var parameters: [QueryParameter] {
        var result: [QueryParameter] = []
        switch action {
        case .order:
            if let symbol { result.append(QueryParameter("symbol", symbol)) }
            if isIsolated { result.append(QueryParameter("isIsolated", "TRUE")) }
            if let side { result.append(QueryParameter("side", side)) }
            if let quantity { result.append(QueryParameter("quantity", quantity.text)) }
            if let price { result.append(QueryParameter("price", price.text)) }
            if let clientOrderId { result.append(QueryParameter("newClientOrderId", clientOrderId)) }
            if spot { result.append(QueryParameter("spot", "TRUE")) }
        case .price:
            if let symbol { result.append(QueryParameter("symbol", symbol)) }
            if let price { result.append(QueryParameter("price", price.text)) }
        case .step:
            if let count { result.append(QueryParameter("count", String(count))) }
        }
        return result
    }

    /// Whether `sim` statements may run against an endpoint: the embedded simulator (`sim`), or
    /// an http endpoint on this machine (a `bnc sim`). Never an exchange, and never over https or
    /// to another host, where `/bnc-sim/` means nothing.
    public static func isAllowed(endpointName: String, baseURL: String) -> Bool {
        if endpointName == "sim" { return true }
        guard baseURL.hasPrefix("http://") else { return false }
        var host = baseURL.dropFirst("http://".count).prefix { $0 != "/" }
        if host.hasPrefix("[") {
            host = host.dropFirst().prefix { $0 != "]" }
            return host == "::1"
        }
        host = host.prefix { $0 != ":" }
        return host == "127.0.0.1" || host == "localhost"
    }
}

/// What a simulator control answers: a JSON object (the placed order, or the price and fills).
public struct SimulatorControlReply: ExchangeResponse, Hashable {
    /// The body as received.
    public var json: JSONValue

    public init(json: JSONValue) throws(ResponseDecodingError) {
        _ = try json.requireObject()
        self.json = json
    }
}
