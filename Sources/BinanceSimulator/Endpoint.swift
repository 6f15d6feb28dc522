/// The endpoints the simulator serves, with their documented weights.
enum Endpoint: Sendable, Hashable, CaseIterable {
    /// `DELETE /sapi/v1/margin/order`, weight 10 (IP).
    case cancelOrder
    /// `GET /sapi/v1/margin/order`, weight 10 (IP).
    case queryOrder
    /// `GET /sapi/v1/margin/openOrders`, weight 10 (IP).
    case openOrders
    /// `DELETE /sapi/v1/margin/openOrders`, weight 1 (IP).
    case cancelOpenOrders
    /// `GET /sapi/v1/margin/allOrders`, weight 200 (IP).
    case allOrders
    /// `GET /api/v3/time`, weight 1.
    case serverTime
    /// `GET /sapi/v1/system/status`, weight 1 (IP).
    case systemStatus
    /// `GET /sapi/v1/margin/allPairs`, weight 1 (IP), the API key only.
    case crossPairs
    /// `GET /sapi/v1/margin/isolated/allPairs`, weight 10 (IP), signed.
    case isolatedPairs
    /// `GET /api/v3/exchangeInfo`, weight 20, unsigned.
    case exchangeInfo

    /// The endpoint family: `/sapi` and `/api` weights are limited and reported separately.
    enum Family: String, Sendable {
        case sapi
        case api

        /// The response header that reports used weight.
        var usedWeightHeader: String {
            switch self {
            case .sapi: return "X-SAPI-USED-IP-WEIGHT-1M"
            case .api: return "X-MBX-USED-WEIGHT-1M"
            }
        }
    }

    /// How a path and method resolved.
    enum Route: Sendable, Hashable {
        case found(Endpoint)
        case methodNotAllowed
        case notFound
    }

    var method: String {
        switch self {
        case .cancelOrder, .cancelOpenOrders: return "DELETE"
        case .queryOrder, .openOrders, .allOrders, .serverTime, .systemStatus, .crossPairs, .isolatedPairs, .exchangeInfo:
            return "GET"
        }
    }

    var path: String {
        switch self {
        case .cancelOrder, .queryOrder: return "/sapi/v1/margin/order"
        case .openOrders, .cancelOpenOrders: return "/sapi/v1/margin/openOrders"
        case .allOrders: return "/sapi/v1/margin/allOrders"
        case .serverTime: return "/api/v3/time"
        case .systemStatus: return "/sapi/v1/system/status"
        case .crossPairs: return "/sapi/v1/margin/allPairs"
        case .isolatedPairs: return "/sapi/v1/margin/isolated/allPairs"
        case .exchangeInfo: return "/api/v3/exchangeInfo"
        }
    }

    var family: Family { self == .serverTime || self == .exchangeInfo ? .api : .sapi }

    /// The documented weight (before any per-request adjustment).
    var weight: Int {
        switch self {
        case .cancelOrder, .queryOrder, .openOrders, .isolatedPairs: return 10
        case .cancelOpenOrders, .serverTime, .systemStatus, .crossPairs: return 1
        case .exchangeInfo: return 20
        case .allOrders: return 200
        }
    }

    /// Whether the endpoint needs an API key, a timestamp and a signature.
    var isSigned: Bool { self != .serverTime && self != .systemStatus && self != .crossPairs && self != .exchangeInfo }

    /// Whether a successful request changes the books (so a fault can strike after the effect).
    var changesState: Bool { self == .cancelOrder || self == .cancelOpenOrders }

    /// A short name for the request log.
    var title: String {
        switch self {
        case .cancelOrder: return "cancel"
        case .queryOrder: return "query order"
        case .openOrders: return "open orders"
        case .cancelOpenOrders: return "cancel all"
        case .allOrders: return "all orders"
        case .serverTime: return "time"
        case .systemStatus: return "system status"
        case .crossPairs: return "cross pairs"
        case .isolatedPairs: return "isolated pairs"
        case .exchangeInfo: return "exchange info"
        }
    }

    /// Resolves a request line. Plain string comparison: no per-request regex or allocation.
    static func route(method: String, path: String) -> Route {
        var pathMatched = false
        for endpoint in allCases where endpoint.path == path {
            pathMatched = true
            if endpoint.method == method { return .found(endpoint) }
        }
        return pathMatched ? .methodNotAllowed : .notFound
    }
}
