import BinanceAPI

extension ExchangeState {
    // The margin order endpoints' handlers (``SimulatorRoute/table`` names them).

    /// `GET /sapi/v1/margin/order`: one order, open or not.
    func queryOrder(_ call: SimulatorRoute.Call) throws(ExchangeReject) -> Success {
        let key = try bookKey(call.parameters)
        let (orderId, clientId) = try orderReference(call.parameters)
        let order = try book(call.account).find(key, orderId: orderId, clientOrderId: clientId)
        return Success(
            body: order.queryJSON(stopPrice: stopPrice(of: order, account: call.account, spot: false)),
            detail: "order \(Self.describe(order)) is \(order.status.rawValue)")
    }

    /// `GET /sapi/v1/margin/openOrders`: one symbol's open orders, or every symbol's (cross only).
    func openOrders(_ call: SimulatorRoute.Call) throws(ExchangeReject) -> Success {
        let isolated = try isolatedFlag(call.parameters)
        let symbol = call.parameters.value("symbol").flatMap { $0.isEmpty ? nil : $0 }
        if isolated && symbol == nil { throw .mandatory("symbol") }
        if let symbol, !symbols.contains(symbol) { throw .invalidSymbol }
        let orders = book(call.account).open(symbol: symbol, isolated: isolated)
        return Success(
            body: Self.array(orders.map { $0.queryJSON(stopPrice: stopPrice(of: $0, account: call.account, spot: false)) }),
            detail: "\(orders.count) open \(isolated ? "isolated" : "cross") orders\(symbol.map { " of \($0)" } ?? "")")
    }

    /// `DELETE /sapi/v1/margin/openOrders`: every open order of one symbol and account.
    mutating func cancelOpenOrders(_ call: SimulatorRoute.Call) throws(ExchangeReject) -> Success {
        let key = try bookKey(call.parameters)
        try requireIsolatedAccount(key, account: call.account)
        let open = book(call.account).open(symbol: key.symbol, isolated: key.isolated)
        guard !open.isEmpty else { throw .unknownOrder }
        var entries: [String] = []
        entries.reserveCapacity(open.count)
        for order in open {
            // An OCO leg goes with its list, answered as one list entry (the exchange's shape);
            // a leg whose list went with an earlier leg is skipped.
            if let list = executingList(ofLeg: order, account: call.account) {
                entries.append(try cancelList(list, account: call.account, at: call.serverTime))
                continue
            }
            guard book(call.account).openOrderId(key, clientOrderId: order.clientOrderId) == order.orderId else { continue }
            let canceled = try books[call.account, default: OrderBook()].cancel(
                key, orderId: order.orderId, clientOrderId: nil, at: call.serverTime)
            entries.append(canceled.cancelAllEntryJSON(cancelClientOrderId: nextClientOrderId()))
        }
        return Success(
            body: Self.array(entries),
            detail: "canceled all \(open.count) open \(key.isolated ? "isolated" : "cross") orders of \(key.symbol)")
    }

    /// `DELETE /sapi/v1/margin/order`: one open order.
    mutating func cancelOrder(_ call: SimulatorRoute.Call) throws(ExchangeReject) -> Success {
        let (parameters, account, serverTime) = (call.parameters, call.account, call.serverTime)
        let key = try bookKey(parameters)
        let (orderId, clientId) = try orderReference(parameters)
        try requireIsolatedAccount(key, account: account)
        let cancelId = parameters.value("newClientOrderId").flatMap { $0.isEmpty ? nil : $0 } ?? nextClientOrderId()
        // In place: copying the book out and back would copy every order on each cancel.
        let order = try books[account, default: OrderBook()].cancel(
            key, orderId: orderId, clientOrderId: clientId, at: serverTime)
        // A leg of an OCO takes its whole list with it; the answer is still this one order.
        _ = cancelListOfLeg(order, account: account, at: serverTime)
        return Success(
            body: order.cancelJSON(origClientOrderId: order.clientOrderId, cancelClientOrderId: cancelId),
            detail: "canceled \(Self.describe(order))")
    }

    /// `GET /sapi/v1/margin/allOrders`: orders of one symbol and account, by id or time.
    func allOrders(_ call: SimulatorRoute.Call) throws(ExchangeReject) -> Success {
        let (parameters, account) = (call.parameters, call.account)
        let key = try bookKey(parameters)
        let fromId = try optionalLong(parameters, "orderId")
        let startTime = try optionalLong(parameters, "startTime")
        let endTime = try optionalLong(parameters, "endTime")
        let limit = try optionalLong(parameters, "limit") ?? 500
        guard limit >= 1 && limit <= 500 else { throw .invalidValue("limit") }
        var orders = book(account).all(key)
        if let fromId {
            orders = Array(orders.filter { $0.orderId >= fromId }.prefix(Int(limit)))
        } else {
            if let startTime { orders = orders.filter { $0.time >= startTime } }
            if let endTime { orders = orders.filter { $0.time <= endTime } }
            orders = Array(orders.suffix(Int(limit)))
        }
        return Success(
            body: Self.array(orders.map { $0.queryJSON(stopPrice: stopPrice(of: $0, account: call.account, spot: false)) }),
            detail: "\(orders.count) orders of \(key.symbol) \(key.isolated ? "isolated" : "cross")")
    }

    // MARK: - Parameters

    func book(_ account: String) -> OrderBook { books[account] ?? OrderBook() }

    /// `symbol` (mandatory, listed) and `isIsolated`.
    func bookKey(_ parameters: ParameterList) throws(ExchangeReject) -> OrderBook.Key {
        guard let symbol = parameters.value("symbol"), !symbol.isEmpty else { throw .mandatory("symbol") }
        let isolated = try isolatedFlag(parameters)
        guard symbols.contains(symbol) else { throw .invalidSymbol }
        return OrderBook.Key(symbol: symbol, isolated: isolated)
    }

    /// `isIsolated`: "TRUE"/"FALSE" (the exchange also takes true/false), default FALSE.
    func isolatedFlag(_ parameters: ParameterList) throws(ExchangeReject) -> Bool {
        guard let text = parameters.value("isIsolated"), !text.isEmpty else { return false }
        switch text {
        case "TRUE", "true", "True": return true
        case "FALSE", "false", "False": return false
        default: throw .invalidValue("isIsolated")
        }
    }

    /// `orderId` and/or `origClientOrderId`; at least one.
    func orderReference(_ parameters: ParameterList) throws(ExchangeReject) -> (Int64?, String?) {
        let orderId = try optionalLong(parameters, "orderId")
        let clientId = parameters.value("origClientOrderId").flatMap { $0.isEmpty ? nil : $0 }
        guard orderId != nil || clientId != nil else { throw .eitherOf("origClientOrderId", "orderId") }
        return (orderId, clientId)
    }

    func optionalLong(_ parameters: ParameterList, _ name: String) throws(ExchangeReject) -> Int64? {
        guard let text = parameters.value(name), !text.isEmpty else { return nil }
        guard let value = Self.long(text) else { throw .illegalLong(name) }
        return value
    }

    /// A client order id for a cancel that did not name one: 22 letters and digits, as the
    /// exchange generates them.
    mutating func nextClientOrderId() -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(22)
        for _ in 0..<22 { bytes.append(alphabet[Int(idRandom.next() % UInt64(alphabet.count))]) }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func array(_ elements: [String]) -> String {
        var text = "["
        text.reserveCapacity(elements.reduce(2) { $0 + $1.utf8.count + 1 })
        for (index, element) in elements.enumerated() {
            if index > 0 { text += "," }
            text += element
        }
        text += "]"
        return text
    }

    static func describe(_ order: SimulatedOrder) -> String {
        "\(order.symbol) \(order.isIsolated ? "isolated" : "cross") #\(order.orderId) (\(order.clientOrderId))"
    }
}
