/// One account's margin orders, cross and isolated kept apart: an isolated order is invisible to
/// a request without `isIsolated=TRUE`, exactly as on the exchange (the classic -2011).
struct OrderBook: Sendable {
    /// A symbol in one margin mode.
    struct Key: Hashable, Sendable {
        var symbol: String
        var isolated: Bool
    }

    /// The orders of one symbol in one mode.
    struct Shelf: Sendable {
        /// Every order, open or not, by id.
        var orders: [Int64: SimulatedOrder] = [:]
        /// Open orders' client ids.
        var openByClientId: [String: Int64] = [:]
        /// The latest order for each client id, open or not (queries find closed orders too).
        var latestByClientId: [String: Int64] = [:]
    }

    private(set) var shelves: [Key: Shelf] = [:]

    /// Adds or replaces an order.
    mutating func insert(_ order: SimulatedOrder) {
        // Mutated in place through the dictionary's accessor: copying a shelf out and back would
        // copy every order of the symbol on each change.
        Self.insert(order, into: &shelves[Key(symbol: order.symbol, isolated: order.isIsolated), default: Shelf()])
    }

    private static func insert(_ order: SimulatedOrder, into shelf: inout Shelf) {
        if let previous = shelf.orders[order.orderId], shelf.openByClientId[previous.clientOrderId] == order.orderId {
            shelf.openByClientId[previous.clientOrderId] = nil
        }
        shelf.orders[order.orderId] = order
        if order.status.isOpen { shelf.openByClientId[order.clientOrderId] = order.orderId }
        if (shelf.latestByClientId[order.clientOrderId] ?? .min) <= order.orderId {
            shelf.latestByClientId[order.clientOrderId] = order.orderId
        }
    }

    /// The id of the open order with `clientOrderId`, if any.
    func openOrderId(_ key: Key, clientOrderId: String) -> Int64? {
        shelves[key]?.openByClientId[clientOrderId]
    }

    /// Cancels an open order; the canceled order stays in the history.
    ///
    /// When both ids are given the order is found by `orderId` and must also carry
    /// `origClientOrderId`, as the exchange documents. -2011 when no open order matches.
    mutating func cancel(
        _ key: Key, orderId: Int64?, clientOrderId: String?, at time: Int64
    ) throws(ExchangeReject) -> SimulatedOrder {
        guard shelves[key] != nil else { throw .unknownOrder }
        return try Self.cancel(in: &shelves[key, default: Shelf()], orderId: orderId, clientOrderId: clientOrderId, at: time)
    }

    private static func cancel(
        in shelf: inout Shelf, orderId: Int64?, clientOrderId: String?, at time: Int64
    ) throws(ExchangeReject) -> SimulatedOrder {
        let id: Int64
        if let orderId {
            id = orderId
        } else if let clientOrderId, let found = shelf.openByClientId[clientOrderId] {
            id = found
        } else {
            throw .unknownOrder
        }
        guard var order = shelf.orders[id], order.status.isOpen else { throw .unknownOrder }
        if let clientOrderId, order.clientOrderId != clientOrderId { throw .unknownOrder }
        order.status = .canceled
        order.updateTime = time
        shelf.orders[id] = order
        shelf.openByClientId[order.clientOrderId] = nil
        return order
    }

    /// Finds an order, open or not; -2013 when there is none.
    func find(_ key: Key, orderId: Int64?, clientOrderId: String?) throws(ExchangeReject) -> SimulatedOrder {
        guard let shelf = shelves[key] else { throw .noSuchOrder }
        let id: Int64
        if let orderId {
            id = orderId
        } else if let clientOrderId, let found = shelf.latestByClientId[clientOrderId] {
            id = found
        } else {
            throw .noSuchOrder
        }
        guard let order = shelf.orders[id] else { throw .noSuchOrder }
        if let clientOrderId, order.clientOrderId != clientOrderId { throw .noSuchOrder }
        return order
    }

    /// Open orders of one symbol, or of every symbol in the mode when `symbol` is nil; by id.
    func open(symbol: String?, isolated: Bool) -> [SimulatedOrder] {
        var result: [SimulatedOrder] = []
        if let symbol {
            guard let shelf = shelves[Key(symbol: symbol, isolated: isolated)] else { return [] }
            for id in shelf.openByClientId.values { if let order = shelf.orders[id] { result.append(order) } }
        } else {
            for (key, shelf) in shelves where key.isolated == isolated {
                for id in shelf.openByClientId.values { if let order = shelf.orders[id] { result.append(order) } }
            }
        }
        result.sort { ($0.symbol, $0.orderId) < ($1.symbol, $1.orderId) }
        return result
    }

    /// Every order of a symbol in a mode, by id.
    func all(_ key: Key) -> [SimulatedOrder] {
        guard let shelf = shelves[key] else { return [] }
        return shelf.orders.values.sorted { $0.orderId < $1.orderId }
    }

    /// The number of open orders across the book.
    var openCount: Int { shelves.values.reduce(0) { $0 + $1.openByClientId.count } }

    /// The highest order id used for `symbol` in either mode (ids are per symbol on the exchange).
    func highestOrderId(symbol: String) -> Int64 {
        var highest: Int64 = 0
        for isolated in [false, true] {
            if let shelf = shelves[Key(symbol: symbol, isolated: isolated)], let top = shelf.orders.keys.max() {
                highest = max(highest, top)
            }
        }
        return highest
    }
}
