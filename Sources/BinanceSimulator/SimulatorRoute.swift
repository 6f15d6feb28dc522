/// One endpoint the simulator serves: what the exchange documents for it (method, path, weight
/// and the limit it counts against, whether it is signed) and the handler that does its work.
///
/// The simulator keeps its own table rather than reading the client's operations: it verifies
/// requests as the exchange would, so a wrong path or weight in the client is caught by tests
/// against it instead of being copied. A new endpoint is one row in ``table`` and one handler
/// (an `ExchangeState` method, in the file of its kind of endpoint).
struct SimulatorRoute: Sendable {
    /// The request-weight limit a route counts against: each is limited and reported apart.
    enum Family: String, Sendable, CaseIterable {
        /// `/sapi` IP weight: `X-SAPI-USED-IP-WEIGHT-1M`, 12,000 per minute.
        case sapi
        /// `/sapi` UID weight, counted per account: `X-SAPI-USED-UID-WEIGHT-1M`, 180,000 per minute.
        case sapiUID
        /// `/api` weight: `X-MBX-USED-WEIGHT-1M`, 6,000 per minute.
        case api

        /// The response header that reports used weight.
        var usedWeightHeader: String {
            switch self {
            case .sapi: return "X-SAPI-USED-IP-WEIGHT-1M"
            case .sapiUID: return "X-SAPI-USED-UID-WEIGHT-1M"
            case .api: return "X-MBX-USED-WEIGHT-1M"
            }
        }
    }

    /// How a request's weight follows from its parameters.
    enum Weighing: Sendable {
        /// The documented weight, always.
        case fixed
        /// The documented weight once per listed symbol when no `symbol` is sent (open orders).
        case perSymbolWithoutSymbol
        /// Another fixed weight when no `symbol` is sent (spot open orders: 6, or 80 without).
        case withoutSymbol(Int)
    }

    /// What a handler is given: the checked parameters, the key's account, the server clock.
    struct Call {
        var parameters: ParameterList
        var account: String
        var serverTime: Int64
    }

    /// An endpoint's behaviour, run once every gateway check has passed.
    typealias Handler = @Sendable (inout ExchangeState, Call) throws(ExchangeReject) -> ExchangeState.Success

    /// How a path and method resolved.
    enum Resolution {
        case found(SimulatorRoute)
        case methodNotAllowed
        case notFound
    }

    var method: String
    var path: String
    /// The documented weight (before ``weighing``).
    var weight: Int
    var family: Family
    /// Whether the endpoint needs an API key, a timestamp and a signature.
    var isSigned: Bool
    /// Whether a successful request changes the books (so a fault can strike after the effect).
    var changesState: Bool
    /// A short name for the request log.
    var title: String
    var weighing: Weighing = .fixed
    var handler: Handler

    /// Every endpoint the simulator serves, as the exchange's pages document them.
    static let table: [SimulatorRoute] = [
        SimulatorRoute(
            method: "DELETE", path: "/sapi/v1/margin/order", weight: 10, family: .sapi, isSigned: true,
            changesState: true, title: "cancel", handler: { state, call throws(ExchangeReject) in try state.cancelOrder(call) }),
        SimulatorRoute(
            method: "POST", path: "/sapi/v1/margin/order", weight: 6, family: .sapiUID, isSigned: true,
            changesState: true, title: "new order", handler: { state, call throws(ExchangeReject) in try state.placeOrder(call) }),
        SimulatorRoute(
            method: "GET", path: "/sapi/v1/margin/order", weight: 10, family: .sapi, isSigned: true,
            changesState: false, title: "query order",
            handler: { state, call throws(ExchangeReject) in try state.queryOrder(call) }),
        SimulatorRoute(
            method: "GET", path: "/sapi/v1/margin/openOrders", weight: 10, family: .sapi, isSigned: true,
            changesState: false, title: "open orders", weighing: .perSymbolWithoutSymbol,
            handler: { state, call throws(ExchangeReject) in try state.openOrders(call) }),
        SimulatorRoute(
            method: "DELETE", path: "/sapi/v1/margin/openOrders", weight: 1, family: .sapi, isSigned: true,
            changesState: true, title: "cancel all",
            handler: { state, call throws(ExchangeReject) in try state.cancelOpenOrders(call) }),
        SimulatorRoute(
            method: "GET", path: "/sapi/v1/margin/allOrders", weight: 200, family: .sapi, isSigned: true,
            changesState: false, title: "all orders", handler: { state, call throws(ExchangeReject) in try state.allOrders(call) }
        ),
        SimulatorRoute(
            method: "DELETE", path: "/sapi/v1/margin/orderList", weight: 1, family: .sapiUID, isSigned: true,
            changesState: true, title: "cancel order list",
            handler: { state, call throws(ExchangeReject) in try state.cancelMarginOrderList(call) }),
        SimulatorRoute(
            method: "GET", path: "/sapi/v1/margin/orderList", weight: 10, family: .sapi, isSigned: true,
            changesState: false, title: "query order list",
            handler: { state, call throws(ExchangeReject) in try state.queryMarginOrderList(call) }),
        SimulatorRoute(
            method: "DELETE", path: "/api/v3/orderList", weight: 1, family: .api, isSigned: true, changesState: true,
            title: "spot cancel order list",
            handler: { state, call throws(ExchangeReject) in try state.cancelSpotOrderList(call) }),
        SimulatorRoute(
            method: "GET", path: "/api/v3/orderList", weight: 4, family: .api, isSigned: true, changesState: false,
            title: "spot query order list",
            handler: { state, call throws(ExchangeReject) in try state.querySpotOrderList(call) }),
        SimulatorRoute(
            method: "GET", path: "/api/v3/time", weight: 1, family: .api, isSigned: false, changesState: false,
            title: "time", handler: { state, call in state.serverTime(call) }),
        SimulatorRoute(
            method: "GET", path: "/sapi/v1/system/status", weight: 1, family: .sapi, isSigned: false,
            changesState: false, title: "system status", handler: { state, _ in state.systemStatus() }),
        SimulatorRoute(
            method: "GET", path: "/sapi/v1/margin/allPairs", weight: 1, family: .sapi, isSigned: false,
            changesState: false, title: "cross pairs", handler: { state, _ in state.symbolList(.crossPairs) }),
        SimulatorRoute(
            method: "GET", path: "/sapi/v1/margin/isolated/allPairs", weight: 10, family: .sapi, isSigned: true,
            changesState: false, title: "isolated pairs", handler: { state, _ in state.symbolList(.isolatedPairs) }),
        SimulatorRoute(
            method: "GET", path: "/sapi/v1/account/apiRestrictions", weight: 1, family: .sapi, isSigned: true,
            changesState: false, title: "key permissions", handler: { state, call in state.apiRestrictions(call) }),
        SimulatorRoute(
            method: "GET", path: "/sapi/v1/margin/isolated/account", weight: 10, family: .sapi, isSigned: true,
            changesState: false, title: "isolated accounts",
            handler: { state, call throws(ExchangeReject) in try state.isolatedAccounts(call) }),
        SimulatorRoute(
            method: "GET", path: "/api/v3/exchangeInfo", weight: 20, family: .api, isSigned: false, changesState: false,
            title: "exchange info", handler: { state, _ in state.symbolList(.exchangeInfo) }),
        SimulatorRoute(
            method: "GET", path: "/api/v3/order", weight: 4, family: .api, isSigned: true, changesState: false,
            title: "spot query order", handler: { state, call throws(ExchangeReject) in try state.querySpotOrder(call) }),
        SimulatorRoute(
            method: "POST", path: "/api/v3/order", weight: 1, family: .api, isSigned: true, changesState: true,
            title: "spot new order", handler: { state, call throws(ExchangeReject) in try state.placeSpotOrder(call) }),
        SimulatorRoute(
            method: "DELETE", path: "/api/v3/order", weight: 1, family: .api, isSigned: true, changesState: true,
            title: "spot cancel", handler: { state, call throws(ExchangeReject) in try state.cancelSpotOrder(call) }),
        SimulatorRoute(
            method: "GET", path: "/api/v3/openOrders", weight: 6, family: .api, isSigned: true, changesState: false,
            title: "spot open orders", weighing: .withoutSymbol(80),
            handler: { state, call throws(ExchangeReject) in try state.spotOpenOrders(call) }),
        SimulatorRoute(
            method: "GET", path: "/api/v3/allOrders", weight: 20, family: .api, isSigned: true, changesState: false,
            title: "spot all orders", handler: { state, call throws(ExchangeReject) in try state.spotAllOrders(call) }),
        SimulatorRoute(
            method: "DELETE", path: "/api/v3/openOrders", weight: 1, family: .api, isSigned: true, changesState: true,
            title: "spot cancel all", handler: { state, call throws(ExchangeReject) in try state.cancelSpotOpenOrders(call) })
    ]

    /// Resolves a request line. Plain string comparison over a short table: no per-request regex
    /// or allocation.
    static func resolve(method: String, path: String) -> Resolution {
        var pathMatched = false
        for route in table where route.path == path {
            pathMatched = true
            if route.method == method { return .found(route) }
        }
        return pathMatched ? .methodNotAllowed : .notFound
    }
}
