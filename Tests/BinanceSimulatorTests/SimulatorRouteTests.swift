import BinanceAPI
import Testing

@testable import BinanceSimulator

/// The simulator's route table: one row per endpoint, each agreeing with the exchange's pages,
/// and (the same facts reached independently) with the client's operations.
@Suite struct SimulatorRouteTests {
    /// What the exchange's pages say, written out here rather than read from either side:
    /// method, path, weight, the limit it counts against, whether it is signed.
    static let documented: [(String, String, Int, SimulatorRoute.Family, Bool)] = [
        ("DELETE", "/sapi/v1/margin/order", 10, .sapi, true), // Margin Account Cancel Order (TRADE), 10(IP)
        ("POST", "/sapi/v1/margin/order", 6, .sapiUID, true), // Margin Account New Order (TRADE), 6(UID)
        ("GET", "/sapi/v1/margin/order", 10, .sapi, true), // Query Margin Account's Order (USER_DATA), 10(IP)
        ("GET", "/sapi/v1/margin/openOrders", 10, .sapi, true), // Query Margin Account's Open Orders, 10(IP)
        ("DELETE", "/sapi/v1/margin/openOrders", 1, .sapi, true), // Cancel all Open Orders on a Symbol, 1(IP)
        ("GET", "/sapi/v1/margin/allOrders", 200, .sapi, true), // Query Margin Account's All Orders, 200(IP)
        ("DELETE", "/sapi/v1/margin/orderList", 1, .sapiUID, true), // Margin Account Cancel OCO (TRADE), 1(UID)
        ("GET", "/sapi/v1/margin/orderList", 10, .sapi, true), // Query Margin Account's OCO (USER_DATA), 10(IP)
        ("DELETE", "/api/v3/orderList", 1, .api, true), // Cancel Order list (TRADE), weight 1
        ("GET", "/api/v3/orderList", 4, .api, true), // Query Order list (USER_DATA), weight 4
        ("GET", "/api/v3/time", 1, .api, false), // Check Server Time, weight 1
        ("GET", "/sapi/v1/system/status", 1, .sapi, false), // System Status (System), 1(IP)
        ("GET", "/sapi/v1/margin/allPairs", 1, .sapi, false), // Get All Cross Margin Pairs (MARKET_DATA), 1(IP)
        ("GET", "/sapi/v1/margin/isolated/allPairs", 10, .sapi, true), // Get All Isolated Margin Symbol, 10(IP)
        ("GET", "/sapi/v1/account/apiRestrictions", 1, .sapi, true), // Get API Key Permission (USER_DATA), 1(IP)
        ("GET", "/sapi/v1/margin/isolated/account", 10, .sapi, true), // Query Isolated Margin Account Info, 10(IP)
        ("GET", "/api/v3/exchangeInfo", 20, .api, false), // Exchange information, weight 20
        ("GET", "/api/v3/order", 4, .api, true), // Query order (USER_DATA), weight 4
        ("POST", "/api/v3/order", 1, .api, true), // New order (TRADE), weight 1, unfilled order count 1
        ("DELETE", "/api/v3/order", 1, .api, true), // Cancel order (TRADE), weight 1
        ("GET", "/api/v3/openOrders", 6, .api, true), // Current open orders (USER_DATA), 6; 80 without symbol
        ("GET", "/api/v3/allOrders", 20, .api, true), // All orders (USER_DATA), weight 20
        ("DELETE", "/api/v3/openOrders", 1, .api, true) // Cancel All Open Orders on a Symbol (TRADE), weight 1
    ]

    @Test func everyRowIsUniqueByMethodAndPath() {
        let lines = SimulatorRoute.table.map { "\($0.method) \($0.path)" }
        #expect(Set(lines).count == lines.count)
    }

    @Test func everyRowAgreesWithTheExchangesPages() throws {
        #expect(SimulatorRoute.table.count == Self.documented.count)
        for (method, path, weight, family, signed) in Self.documented {
            guard case .found(let route) = SimulatorRoute.resolve(method: method, path: path) else {
                Issue.record("\(method) \(path) has no route")
                continue
            }
            #expect(route.weight == weight, "\(method) \(path)")
            #expect(route.family == family, "\(method) \(path)")
            #expect(route.isSigned == signed, "\(method) \(path)")
            #expect(route.changesState == (method != "GET"), "\(method) \(path)")
        }
    }

    @Test func theClientsOperationsAgreeWithTheRoutes() {
        // The client's descriptions, compared with the simulator's own table: a wrong weight,
        // path or security on either side fails here.
        let client = [
            CancelMarginOrder.endpoint, QueryMarginOrder.endpoint, MarginOpenOrders.endpoint,
            CancelAllMarginOpenOrders.endpoint, CancelMarginOrderList.endpoint, QueryMarginOrderList.endpoint,
            MarginAllOrders.endpoint, ServerTime.endpoint, MarginAllPairs.endpoint,
            IsolatedMarginAllPairs.endpoint, ExchangeInfo.endpoint, QuerySpotOrder.endpoint, CancelSpotOrder.endpoint,
            SpotOpenOrders.endpoint, SpotAllOrders.endpoint, CancelAllSpotOpenOrders.endpoint, APIRestrictions.endpoint,
            IsolatedMarginAccount.endpoint, CancelSpotOrderList.endpoint, QuerySpotOrderList.endpoint
        ]
        for endpoint in client {
            guard case .found(let route) = SimulatorRoute.resolve(method: endpoint.method.rawValue, path: endpoint.path)
            else {
                Issue.record("\(endpoint.line) has no simulator route")
                continue
            }
            #expect(route.weight == endpoint.weight.value, "\(endpoint.line)")
            #expect(route.family.rawValue == endpoint.limitFamily.rawValue, "\(endpoint.line)")
            #expect(route.isSigned == endpoint.security.isSigned, "\(endpoint.line)")
            #expect(route.changesState == (endpoint.effect == .write), "\(endpoint.line)")
        }
    }

    @Test func aPathWithoutTheMethodIs405AndAnUnknownPath404() {
        guard case .methodNotAllowed = SimulatorRoute.resolve(method: "PUT", path: "/sapi/v1/margin/order") else {
            Issue.record("PUT on a known path should be 405")
            return
        }
        guard case .notFound = SimulatorRoute.resolve(method: "GET", path: "/sapi/v1/margin/orders") else {
            Issue.record("an unknown path should be 404")
            return
        }
    }

    @Test func eachRouteReportsTheWeightOfItsOwnFamily() throws {
        let client = TestClient()
        for route in SimulatorRoute.table where !route.changesState {
            let query = route.path.hasSuffix("/order") ? "symbol=LTCBTC&orderId=1" : ""
            let response =
                route.isSigned ? client.send(route.method, route.path, query) : client.raw(route.method, route.path, query)
            #expect(response.status != 404 && response.status != 405, "\(route.method) \(route.path)")
            #expect(response.header(route.family.usedWeightHeader) != nil, "\(route.method) \(route.path)")
            for other in SimulatorRoute.Family.allCases where other != route.family {
                #expect(response.header(other.usedWeightHeader) == nil, "\(route.method) \(route.path)")
            }
        }
    }
}
