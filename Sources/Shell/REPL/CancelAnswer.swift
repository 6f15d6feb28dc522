import BinanceAPI
import Script

/// After a cancel typed at the prompt gets -2011 ("Unknown order sent"), bnc looks the order up
/// instead of guessing in a hint: first on the same account (it may be FILLED or CANCELED), then
/// on the other margin account (a missing or extra `isolated`). Spot is not searched. At most
/// two queries, sent through the session like any request (paced, logged, weight counted).
struct CancelAnswer {
    /// The order the cancel named.
    struct Target: Equatable {
        var symbol: String
        var isolated: Bool
        var orderId: Int64?
        var clientOrderId: String?

        /// `31` or `'myOrder1'`, as the user named it.
        var name: String { orderId.map(String.init) ?? "'\(clientOrderId ?? "")'" }

        /// The statement that names the order on `isolated`'s account.
        func statement(isolated: Bool) -> String {
            let reference = orderId.map { "id=\($0)" } ?? "cid=\(clientOrderId ?? "")"
            return "cancel \(symbol) \(reference)" + (isolated ? " isolated" : "")
        }
    }

    /// The target of `block` when it is one plain `cancel` statement with literal values
    /// (`cancel LTCBTC id=31 [isolated]`); nil otherwise (variables, loops, several statements).
    static func target(of block: String) -> Target? {
        let trimmed = block.trimmingWhitespace
        guard !trimmed.contains("\n"), !trimmed.contains(";"), !trimmed.contains("$") else { return nil }
        let tokens = trimmed.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard tokens.first == "cancel", tokens.count >= 3 else { return nil }
        var target = Target(symbol: "", isolated: false)
        for token in tokens.dropFirst() {
            let parts = token.split(separator: "=", maxSplits: 1).map(String.init)
            switch (parts.first ?? "", parts.count) {
            case ("isolated", 1): target.isolated = true
            case ("isIsolated", 2): target.isolated = parts[1].uppercased() == "TRUE"
            case ("id", 2), ("orderId", 2):
                guard let id = Int64(parts[1]) else { return nil }
                target.orderId = id
            case ("cid", 2), ("origClientOrderId", 2): target.clientOrderId = parts[1].trimmingScalars(where: { $0 == "\"" })
            case (_, 1) where target.symbol.isEmpty: target.symbol = token.uppercased()
            case ("newcid", 2), ("newClientOrderId", 2), ("recv", 2), ("recvWindow", 2): continue
            default: return nil
            }
        }
        guard !target.symbol.isEmpty, (target.orderId == nil) != (target.clientOrderId == nil) else { return nil }
        return target
    }

    /// Whether a run's diagnostic is the exchange's -2011.
    static func isUnknownOrder(_ diagnostic: Diagnostic) -> Bool {
        diagnostic.message.contains("exchange error -2011")
    }

    /// What is true about the order, in one or two sentences; nil when the lookups failed
    /// otherwise than "no such order" (the exchange's hint then stands).
    static func answer(for target: Target, host: any OperationHost, zone: RenderOptions.TimeZoneChoice) async -> String? {
        var missing = 0
        for isolated in [target.isolated, !target.isolated] {
            let query = QueryMarginOrder(
                symbol: target.symbol, isIsolated: isolated, orderId: target.orderId, origClientOrderId: target.clientOrderId)
            do {
                let reply = try await host.perform(query)
                // An answer about another order proves nothing: the exchange's hint then stands.
                guard case .record(let order) = reply.value, isTarget(order, target, isolated: isolated) else { return nil }
                return describe(order, target: target, isolated: isolated, sameAccount: isolated == target.isolated, zone: zone)
            } catch {
                // -2013 "Order does not exist": look on the other account; any other failure ends the search.
                guard case .exchange(let exchangeError, _) = error, exchangeError.code == -2013 else { return nil }
                missing += 1
            }
        }
        return missing == 2 ? "no order \(target.name) on \(target.symbol) in either margin account (cross or isolated)" : nil
    }

    /// Whether `order` is the order asked about: the same symbol, the same `orderId` or client
    /// order id as given, and the account asked (when the answer says which).
    static func isTarget(_ order: Record, _ target: Target, isolated: Bool) -> Bool {
        guard order["symbol"]?.text == target.symbol else { return false }
        if let id = target.orderId, order["orderId"]?.text != String(id) { return false }
        if let cid = target.clientOrderId, order["clientOrderId"]?.text != cid, order["origClientOrderId"]?.text != cid {
            return false
        }
        if let flag = order["isIsolated"]?.text, flag != String(isolated) { return false }
        return true
    }

    /// The sentence for an order found: open (and on which account, with the statement to run),
    /// or closed with its status, fill and time.
    static func describe(
        _ order: Record, target: Target, isolated: Bool, sameAccount: Bool, zone: RenderOptions.TimeZoneChoice
    ) -> String {
        let account = isolated ? "isolated" : "cross"
        let status = TerminalText.escaped(order["status"]?.text ?? "?")
        let name = "order \(target.name)"
        if status == "NEW" || status == "PARTIALLY_FILLED" {
            if sameAccount {
                return
                    "\(name) is \(status) on the \(account) account now: try the cancel again (`\(target.statement(isolated: isolated))`)"
            }
            return "\(name) is open on the \(account) account: `\(target.statement(isolated: isolated))`"
        }
        var text = "\(name) was \(status) on the \(account) account"
        let executed = TerminalText.escaped(order["executedQty"]?.text ?? "")
        let quantity = TerminalText.escaped(order["origQty"]?.text ?? "")
        if !executed.isEmpty, !quantity.isEmpty { text += ", \(executed) of \(quantity) executed" }
        if let price = order["price"]?.text { text += " at \(TerminalText.escaped(price))" }
        if case .integer(let time)? = order["updateTime"], let shown = TimeDisplay.format(milliseconds: time, zone: zone) {
            text += ", last updated \(shown)"
        }
        return text + ": there is nothing left to cancel"
    }
}
