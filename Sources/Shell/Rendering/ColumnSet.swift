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
        Presence(names).isOrder
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
        guard columns == .default else { return names }
        let present = Presence(names)
        guard present.isOrder else { return names }
        var chosen: [String] = []
        chosen.reserveCapacity(order.count + 2)
        if present.contains(.symbol) { chosen.append("symbol") }
        present.appendCompact(to: &chosen)
        if present.contains(.isIsolated) { chosen.append("isIsolated") }
        return chosen
    }

    private static func compact(_ names: [String]) -> [String] {
        var chosen: [String] = []
        Presence(names).appendCompact(to: &chosen)
        return chosen
    }

    /// Which of the names the column sets look at are among a record's field names, found in
    /// one pass over them. It answers as `names.contains(...)` does: `String` equality is
    /// canonical equivalence, and no other string is canonically equivalent to one of these
    /// ASCII names (the only non-ASCII characters that decompose to ASCII are U+212A KELVIN
    /// SIGN, U+037E and U+1FEF, to `K`, `;` and a backtick, which none of them holds), so
    /// comparing only names of the same UTF-8 length finds the same ones. A cancel on the wire
    /// made about 150 string comparisons here per printed answer (2% of its CPU).
    struct Presence: OptionSet {
        let rawValue: UInt16
        static let orderId = Presence(rawValue: 1 << 0)
        static let side = Presence(rawValue: 1 << 1)
        static let status = Presence(rawValue: 1 << 2)
        static let symbol = Presence(rawValue: 1 << 3)
        static let isIsolated = Presence(rawValue: 1 << 4)
        static let clientOrderId = Presence(rawValue: 1 << 5)
        static let origClientOrderId = Presence(rawValue: 1 << 6)
        static let type = Presence(rawValue: 1 << 7)
        static let price = Presence(rawValue: 1 << 8)
        static let origQty = Presence(rawValue: 1 << 9)
        static let executedQty = Presence(rawValue: 1 << 10)
        static let time = Presence(rawValue: 1 << 11)
        static let transactTime = Presence(rawValue: 1 << 12)

        init(rawValue: UInt16) { self.rawValue = rawValue }

        init(_ names: [String]) {
            var found: Presence = []
            for name in names {
                switch name.utf8.count {
                case 4:
                    if name == "side" {
                        found.insert(.side)
                    } else if name == "type" {
                        found.insert(.type)
                    } else if name == "time" {
                        found.insert(.time)
                    }
                case 5: if name == "price" { found.insert(.price) }
                case 6:
                    if name == "status" {
                        found.insert(.status)
                    } else if name == "symbol" {
                        found.insert(.symbol)
                    }
                case 7:
                    if name == "orderId" {
                        found.insert(.orderId)
                    } else if name == "origQty" {
                        found.insert(.origQty)
                    }
                case 10: if name == "isIsolated" { found.insert(.isIsolated) }
                case 11: if name == "executedQty" { found.insert(.executedQty) }
                case 12: if name == "transactTime" { found.insert(.transactTime) }
                case 13: if name == "clientOrderId" { found.insert(.clientOrderId) }
                case 17: if name == "origClientOrderId" { found.insert(.origClientOrderId) }
                default: break
                }
            }
            self = found
        }

        var isOrder: Bool { isSuperset(of: [.orderId, .side, .status]) }

        /// ``ColumnSet/order``'s columns that are present, in its order, with
        /// `origClientOrderId` for `clientOrderId` and `transactTime` for a missing `time`.
        func appendCompact(to chosen: inout [String]) {
            if contains(.orderId) { chosen.append("orderId") }
            if contains(.origClientOrderId) {
                chosen.append("origClientOrderId")
            } else if contains(.clientOrderId) {
                chosen.append("clientOrderId")
            }
            if contains(.side) { chosen.append("side") }
            if contains(.type) { chosen.append("type") }
            if contains(.price) { chosen.append("price") }
            if contains(.origQty) { chosen.append("origQty") }
            if contains(.executedQty) { chosen.append("executedQty") }
            if contains(.status) { chosen.append("status") }
            if contains(.time) {
                chosen.append("time")
            } else if contains(.transactTime) {
                chosen.append("transactTime")
            }
        }
    }
}
