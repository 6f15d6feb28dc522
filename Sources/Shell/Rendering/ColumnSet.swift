import Script

/// The fields shown by default for each kind of result the exchange sends, so a table of open
/// orders fits an 80-column terminal where all 17 of the exchange's fields did not.
enum ColumnSet {
    /// An order's compact columns, in this order. `origClientOrderId` stands in for
    /// `clientOrderId` in a cancel's answer (there `clientOrderId` is the cancel's own id) and
    /// `transactTime` for `time`.
    static let order = ["orderId", "clientOrderId", "side", "type", "price", "origQty", "executedQty", "status", "time"]

    /// Whether the fields are an order's (a query, an open order, a cancel's answer).
    static func isOrder(_ names: [String]) -> Bool {
        names.contains("orderId") && names.contains("side") && names.contains("status")
    }

    /// The columns of a table of `records` whose fields, in order of first appearance, are
    /// `names`: every field, or when every row is an order the compact set (`symbol` first when the rows are of
    /// more than one symbol, `isIsolated` last when they are of both accounts).
    static func tableColumns(_ names: [String], records: [Record], columns: RenderOptions.Columns) -> [String] {
        guard columns == .default, records.allSatisfy({ isOrder($0.names) }) else { return names }
        var chosen: [String] = []
        if names.contains("symbol"), Set(records.map { $0["symbol"]?.text ?? "" }).count > 1 { chosen.append("symbol") }
        chosen += compact(names)
        if names.contains("isIsolated"), Set(records.map { $0["isIsolated"]?.text ?? "" }).count > 1 {
            chosen.append("isIsolated")
        }
        return chosen
    }

    /// The fields of one record: every field, or for an order its symbol, the compact set and
    /// the account (`isIsolated`).
    static func recordFields(_ names: [String], columns: RenderOptions.Columns) -> [String] {
        guard columns == .default, isOrder(names) else { return names }
        var chosen = names.contains("symbol") ? ["symbol"] : []
        chosen += compact(names)
        if names.contains("isIsolated") { chosen.append("isIsolated") }
        return chosen
    }

    private static func compact(_ names: [String]) -> [String] {
        order.compactMap { column in
            switch column {
            case "clientOrderId" where names.contains("origClientOrderId"): return "origClientOrderId"
            case "time" where !names.contains("time") && names.contains("transactTime"): return "transactTime"
            default: return names.contains(column) ? column : nil
            }
        }
    }
}
