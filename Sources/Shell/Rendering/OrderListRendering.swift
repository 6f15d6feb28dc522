import BinanceAPI
import Script

/// How an order list (an OCO: the answer of `cancel-list`, or a list query) is shown as text:
/// the list's own fields as `field  value` lines, then its legs as a table — the canceled
/// orders (`orderReports`) when the answer has them, else the legs it names (`orders`). JSON
/// output keeps the whole body; this only decides what a person reads.
enum OrderListRendering {
    /// The list's fields shown by default, in this order (when present).
    static let header = [
        "orderListId", "listClientOrderId", "symbol", "isIsolated", "contingencyType", "listStatusType", "listOrderStatus",
        "transactionTime"
    ]

    /// Whether `record` is an order list as the exchange sends one.
    static func isOrderList(_ record: Record) -> Bool {
        guard record["orderListId"] != nil, record["contingencyType"] != nil, case .list? = record["orders"] else {
            return false
        }
        return true
    }

    /// A table's rows with each order list replaced by its legs: a cancel-all answers plain
    /// orders and OCO lists side by side, and a person reads one row per canceled order (the
    /// legs carry their orderListId).
    static func flattened(_ records: [Record]) -> [Record] {
        guard records.contains(where: isOrderList) else { return records }
        return records.flatMap { record -> [Record] in
            guard isOrderList(record) else { return [record] }
            // The reports do not say which margin account; the list does, for every leg.
            return legs(record).map { leg in
                var leg = leg
                if leg["isIsolated"] == nil, let isolated = record["isIsolated"] { leg["isIsolated"] = isolated }
                return leg
            }
        }
    }

    /// The legs to show: the order reports when there are any, else the named orders.
    static func legs(_ record: Record) -> [Record] {
        if case .list(let reports)? = record["orderReports"], !reports.isEmpty, reports.allSatisfy(\.isRecord) {
            return reports.compactMap(\.recordValue)
        }
        if case .list(let orders)? = record["orders"] { return orders.compactMap(\.recordValue) }
        return []
    }
}

extension ValueTextRenderer {
    /// The list's fields (the compact header, or with `wide` every field that is not a list of
    /// legs), then a table of its legs.
    func renderOrderList(_ record: Record) -> String {
        let shown =
            options.columns == .all
            ? record.fields.filter { $0.name != "orders" && $0.name != "orderReports" }.map(\.name)
            : OrderListRendering.header.filter { record[$0] != nil }
        let headerLines = renderRecord(Record(shown.compactMap { name in record[name].map { (name, $0) } }))
        let legs = OrderListRendering.legs(record)
        guard !legs.isEmpty else { return headerLines }
        return headerLines + "\n\n" + renderTable(legs)
    }
}
