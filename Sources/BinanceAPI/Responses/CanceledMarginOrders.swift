/// The answer of cancel-all: every order canceled, including the legs of OCO order lists.
///
/// The exchange sends an array whose elements are either a canceled order or an order list
/// (`orderListId`, `contingencyType`, `orderReports: [order]`); the list's reports are flattened
/// into ``orders`` so a script sees one record per canceled order.
public struct CanceledMarginOrders: ExchangeResponse, Hashable {
    /// Each canceled order, plain orders and OCO legs alike, in the order sent.
    public var orders: [MarginOrder]
    /// The ids of the canceled OCO order lists.
    public var orderListIds: [Int64]
    /// The body as received (an array).
    public var json: JSONValue

    /// No canceled orders (an outcome check saw the symbol's book empty).
    init() {
        orders = []
        orderListIds = []
        json = .array([])
    }

    public init(json: JSONValue) throws(ResponseDecodingError) {
        guard case .array(let elements) = json else {
            throw ResponseDecodingError(field: "", reason: "is not a JSON array of canceled orders")
        }
        self.json = json
        var orders: [MarginOrder] = []
        var lists: [Int64] = []
        for (index, element) in elements.enumerated() {
            let object = try element.requireObject(MarginOrderList.path(index, ""))
            do throws(ResponseDecodingError) {
                if let reports = object["orderReports"] {
                    guard case .array(let legs) = reports else {
                        throw ResponseDecodingError(field: "orderReports", reason: "is not an array")
                    }
                    lists.append(try object.requireInteger("orderListId"))
                    for leg in legs { orders.append(try MarginOrder(json: leg)) }
                } else {
                    orders.append(try MarginOrder(json: element))
                }
            } catch {
                throw ResponseDecodingError(field: MarginOrderList.path(index, error.field), reason: error.reason)
            }
        }
        self.orders = orders
        orderListIds = lists
    }
}
