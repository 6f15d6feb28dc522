/// A JSON array of margin orders: the answer of open orders and all orders.
public struct MarginOrderList: ExchangeResponse, Hashable {
    /// The orders, in the order the exchange sent them.
    public var orders: [MarginOrder]
    /// The body as received (an array), for field access from scripts and for rendering.
    public var json: JSONValue

    public init(json: JSONValue) throws(ResponseDecodingError) {
        guard case .array(let elements) = json else {
            throw ResponseDecodingError(field: "", reason: "is not a JSON array of orders")
        }
        self.json = json
        var orders: [MarginOrder] = []
        orders.reserveCapacity(elements.count)
        for (index, element) in elements.enumerated() {
            do {
                orders.append(try MarginOrder(json: element))
            } catch {
                throw ResponseDecodingError(field: Self.path(index, error.field), reason: error.reason)
            }
        }
        self.orders = orders
    }

    /// `[3].orderId`, or `[3]` for the element itself.
    static func path(_ index: Int, _ field: String) -> String {
        field.isEmpty ? "[\(index)]" : "[\(index)].\(field)"
    }
}
