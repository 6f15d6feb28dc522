import BinanceAPI

extension ExchangeState {
    // The order-list endpoints' handlers (``SimulatorRoute/table`` names them), and how a list
    // goes when one of its legs is canceled.

    /// -2011 as the list cancel answers it when no executing list matches. The message is as
    /// clients quote the exchange's answer (python-binance #1221); the error-code page lists only
    /// "Unknown order sent." under -2011.
    static let unknownOrderList = ExchangeReject(status: 400, code: -2011, message: "Unknown order list sent.")
    /// -2018 as the list query answers it for no such list (binance-spot-api-docs #43).
    static let noSuchOrderList = ExchangeReject(status: 400, code: -2018, message: "Order list does not exist.")

    /// Adds an order list and its legs to an account (legs on the list's book, margin or spot,
    /// the list beside them).
    public mutating func add(_ entry: ExchangeSeed.OrderListSeed) throws(SimulatorSetupError) {
        let list = entry.list
        guard !list.orderIds.isEmpty, Set(list.orderIds) == Set(entry.legs.map(\.orderId)) else {
            throw .seed("order list \(list.orderListId) names legs \(list.orderIds) but seeds \(entry.legs.map(\.orderId))")
        }
        for leg in entry.legs where leg.symbol != list.symbol || leg.isIsolated != (list.isIsolated ?? false) {
            throw .seed("order list \(list.orderListId) of \(list.symbol) has leg \(leg.orderId) of another symbol or account")
        }
        let key = OrderListBook.Key(symbol: list.symbol, account: list.account)
        if orderLists[entry.account]?.find(key, orderListId: list.orderListId, listClientOrderId: nil) != nil {
            throw .seed("order list \(list.orderListId) of \(list.symbol) is seeded twice")
        }
        for leg in entry.legs {
            if list.account == .spot { try addSpot(leg, account: entry.account) } else { try add(leg, account: entry.account) }
        }
        orderLists[entry.account, default: OrderListBook()].insert(list)
    }

    /// An order list as the exchange holds it (tests, logs).
    public func orderList(
        account: String = SimulatorDemoKeys.accountName, symbol: String, isolated: Bool, orderListId: Int64
    ) -> SimulatedOrderList? {
        orderLists[account]?.find(
            OrderListBook.Key(symbol: symbol, account: .margin(isolated: isolated)), orderListId: orderListId,
            listClientOrderId: nil)
    }

    /// `DELETE /sapi/v1/margin/orderList`: every open leg of one list is canceled, the list is
    /// ALL_DONE. `newClientOrderId` names the cancel; the legs' reports carry generated ids.
    mutating func cancelMarginOrderList(_ call: SimulatorRoute.Call) throws(ExchangeReject) -> Success {
        let key = try bookKey(call.parameters)
        let listKey = OrderListBook.Key(symbol: key.symbol, account: .margin(isolated: key.isolated))
        let (listId, listClientId) = try listReference(call.parameters, clientIdName: "listClientOrderId")
        if let cancelId = call.parameters.value("newClientOrderId"), cancelId.utf8.count > 36 {
            throw .invalidValue("newClientOrderId")
        }
        guard let list = orderLists[call.account]?.find(listKey, orderListId: listId, listClientOrderId: listClientId),
            !list.isDone
        else { throw Self.unknownOrderList }
        let body = try cancelList(list, account: call.account, at: call.serverTime)
        return Success(body: body, detail: "canceled order list \(Self.describe(list)) and its \(list.orderIds.count) legs")
    }

    /// `GET /sapi/v1/margin/orderList`: one list, open or done. `symbol` is mandatory for
    /// isolated margin; a cross request is answered from every cross list of the account.
    func queryMarginOrderList(_ call: SimulatorRoute.Call) throws(ExchangeReject) -> Success {
        let isolated = try isolatedFlag(call.parameters)
        let symbol = call.parameters.value("symbol").flatMap { $0.isEmpty ? nil : $0 }
        if isolated && symbol == nil { throw .mandatory("symbol") }
        if let symbol, !symbols.contains(symbol) { throw .invalidSymbol }
        let (listId, listClientId) = try listReference(call.parameters, clientIdName: "origClientOrderId")
        let candidates = orderLists[call.account]?.all.filter { $0.account == .margin(isolated: isolated) } ?? []
        let keys = Set(candidates.map { OrderListBook.Key(symbol: $0.symbol, account: $0.account) })
            .filter { symbol == nil || $0.symbol == symbol }
            .sorted { $0.symbol < $1.symbol }
        for key in keys {
            if let list = orderLists[call.account]?.find(key, orderListId: listId, listClientOrderId: listClientId) {
                return Success(
                    body: list.queryJSON(legs: legs(of: list, account: call.account)),
                    detail: "order list \(Self.describe(list)) is \(list.isDone ? "ALL_DONE" : "EXECUTING")")
            }
        }
        throw Self.noSuchOrderList
    }

    /// When `leg` (just canceled) belongs to an executing list, cancels the list's other legs as
    /// the exchange does ("canceling an individual leg will cancel the entire order list") and
    /// returns the list's cancel answer (a cancel-all lists it so); nil for an order of no list.
    /// `spot`: the leg is on the spot book (its list a spot list), not a margin one.
    mutating func cancelListOfLeg(_ leg: SimulatedOrder, account: String, spot: Bool = false, at time: Int64) -> String? {
        guard let list = executingList(ofLeg: leg, account: account, spot: spot) else { return nil }
        return try? cancelList(list, account: account, at: time)
    }

    /// The executing list `order` is a leg of, if any (a cancel-all cancels it as a list).
    func executingList(ofLeg order: SimulatedOrder, account: String, spot: Bool = false) -> SimulatedOrderList? {
        guard let list = list(ofLeg: order, account: account, spot: spot), !list.isDone else { return nil }
        return list
    }

    /// The list `order` is a leg of, executing or done.
    func list(ofLeg order: SimulatedOrder, account: String, spot: Bool) -> SimulatedOrderList? {
        let key = OrderListBook.Key(symbol: order.symbol, account: spot ? .spot : .margin(isolated: order.isIsolated))
        return orderLists[account]?.list(ofLeg: order.orderId, key)
    }

    /// Cancels every leg still open, marks the list ALL_DONE and returns the cancel's answer.
    /// A margin list's reports carry generated cancel ids; a spot list's carry one id, the
    /// request's `newClientOrderId` or a generated one, on every report (the spot page's example).
    mutating func cancelList(
        _ list: SimulatedOrderList, account: String, at time: Int64, cancelClientOrderId: String? = nil
    ) throws(ExchangeReject) -> String {
        let key = OrderBook.Key(symbol: list.symbol, isolated: list.isIsolated ?? false)
        let spotCancelId = list.account == .spot ? cancelClientOrderId ?? nextClientOrderId() : nil
        var legs: [SimulatedOrder] = []
        var cancelIds: [String] = []
        for orderId in list.orderIds {
            guard var leg = try? orderBook(for: list, account: account).find(key, orderId: orderId, clientOrderId: nil)
            else { continue }
            if leg.status.isOpen {
                // In place, on the list's own book: copying a book out and back would copy every order.
                if list.account == .spot {
                    leg = try spotBooks[account, default: OrderBook()].cancel(key, orderId: orderId, clientOrderId: nil, at: time)
                } else {
                    leg = try books[account, default: OrderBook()].cancel(key, orderId: orderId, clientOrderId: nil, at: time)
                }
            }
            legs.append(leg)
            cancelIds.append(spotCancelId ?? nextClientOrderId())
        }
        var done = list
        done.isDone = true
        done.transactionTime = time
        orderLists[account, default: OrderListBook()].insert(done)
        return done.cancelJSON(legs: legs, cancelClientOrderIds: cancelIds)
    }

    /// The legs of `list` as the book holds them now.
    func legs(of list: SimulatedOrderList, account: String) -> [SimulatedOrder] {
        let key = OrderBook.Key(symbol: list.symbol, isolated: list.isIsolated ?? false)
        let book = orderBook(for: list, account: account)
        return list.orderIds.compactMap { try? book.find(key, orderId: $0, clientOrderId: nil) }
    }

    /// The book a list's legs are on: the spot book for a spot list, else the margin book.
    func orderBook(for list: SimulatedOrderList, account: String) -> OrderBook {
        list.account == .spot ? spotBook(account) : book(account)
    }

    /// `orderListId` and/or the list's client id (named `clientIdName` by the endpoint); at least one.
    func listReference(_ parameters: ParameterList, clientIdName: String) throws(ExchangeReject) -> (Int64?, String?) {
        let listId = try optionalLong(parameters, "orderListId")
        let clientId = parameters.value(clientIdName).flatMap { $0.isEmpty ? nil : $0 }
        guard listId != nil || clientId != nil else { throw .eitherOf("orderListId", clientIdName) }
        return (listId, clientId)
    }

    static func describe(_ list: SimulatedOrderList) -> String {
        let account: String
        switch list.account {
        case .margin(let isolated): account = isolated ? "isolated" : "cross"
        case .spot: account = "spot"
        }
        return "\(list.symbol) \(account) #\(list.orderListId) (\(list.listClientOrderId))"
    }
}
