/// An order list (an OCO) as the exchange reports it: the answer of a list cancel
/// (`DELETE /sapi/v1/margin/orderList`, `DELETE /api/v3/orderList`) and of a list query
/// (`GET …/orderList`, which has no `orderReports`).
///
/// ``legs`` names each order of the list; ``orderReports`` holds each leg as the cancel left
/// it (CANCELED), in the order sent. The body stays in ``json`` for scripts and rendering.
public struct OrderList: ExchangeResponse, Hashable {
    /// One order of the list as `orders[]` names it.
    public struct Leg: Sendable, Hashable {
        public var symbol: String
        public var orderId: Int64
        public var clientOrderId: String?
    }

    public var orderListId: Int64
    /// `OCO` (or `OTO`, `OTOCO` on spot).
    public var contingencyType: String
    /// `RESPONSE`, `EXEC_STARTED`, `UPDATED`, `ALL_DONE`.
    public var listStatusType: String
    /// `EXECUTING`, `ALL_DONE`, `REJECT`.
    public var listOrderStatus: String
    public var listClientOrderId: String
    public var transactionTime: Int64
    public var symbol: String
    /// Margin answers say which account; spot answers have no such field.
    public var isIsolated: Bool?
    /// The list's orders.
    public var legs: [Leg]
    /// Each leg after the cancel (empty in a query's answer).
    public var orderReports: [MarginOrder]
    /// The body as received.
    public var json: JSONValue

    public init(json: JSONValue) throws(ResponseDecodingError) {
        let object = try json.requireObject()
        self.json = json
        orderListId = try object.requireInteger("orderListId")
        contingencyType = try object.requireString("contingencyType")
        listStatusType = try object.requireString("listStatusType")
        listOrderStatus = try object.requireString("listOrderStatus")
        listClientOrderId = try object.requireString("listClientOrderId")
        transactionTime = try object.requireInteger("transactionTime")
        symbol = try object.requireString("symbol")
        isIsolated = try object.optionalBool("isIsolated")
        guard case .array(let orders) = object["orders"] ?? .null else {
            throw ResponseDecodingError(field: "orders", reason: object["orders"] == nil ? "is missing" : "is not an array")
        }
        var legs: [Leg] = []
        legs.reserveCapacity(min(orders.count, 16))
        for (index, element) in orders.enumerated() {
            let field = "orders" + MarginOrderList.path(index, "")
            let leg = try element.requireObject(field)
            do throws(ResponseDecodingError) {
                legs.append(
                    Leg(
                        symbol: try leg.requireString("symbol"), orderId: try leg.requireInteger("orderId"),
                        clientOrderId: try leg.optionalString("clientOrderId")))
            } catch {
                throw ResponseDecodingError(field: field + "." + error.field, reason: error.reason)
            }
        }
        self.legs = legs
        var reports: [MarginOrder] = []
        switch object["orderReports"] ?? .null {
        case .null:
            break
        case .array(let elements):
            for (index, element) in elements.enumerated() {
                do {
                    reports.append(try MarginOrder(json: element))
                } catch {
                    throw ResponseDecodingError(
                        field: "orderReports" + MarginOrderList.path(index, error.field), reason: error.reason)
                }
            }
        default:
            throw ResponseDecodingError(field: "orderReports", reason: "is not an array")
        }
        orderReports = reports
    }
}
