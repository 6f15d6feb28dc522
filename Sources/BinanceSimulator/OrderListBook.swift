/// One account's order lists, found by id, by client id, and by the id of any leg (so that a
/// leg's cancel takes the whole list with it, as the exchange documents).
///
/// Lists are kept per symbol and account (``SimulatedOrderList/Account``): a cross-margin list is
/// invisible to an isolated request, and a margin list to a spot one, as on the exchange.
struct OrderListBook: Sendable {
    struct Key: Hashable, Sendable {
        var symbol: String
        var account: SimulatedOrderList.Account
    }

    private(set) var lists: [Key: [Int64: SimulatedOrderList]] = [:]
    /// The latest list for each client id.
    private var byClientId: [Key: [String: Int64]] = [:]
    /// The list each leg belongs to.
    private var byLeg: [Key: [Int64: Int64]] = [:]

    /// Adds or replaces a list.
    mutating func insert(_ list: SimulatedOrderList) {
        let key = Key(symbol: list.symbol, account: list.account)
        lists[key, default: [:]][list.orderListId] = list
        if (byClientId[key]?[list.listClientOrderId] ?? .min) <= list.orderListId {
            byClientId[key, default: [:]][list.listClientOrderId] = list.orderListId
        }
        for leg in list.orderIds { byLeg[key, default: [:]][leg] = list.orderListId }
    }

    /// The list named by `orderListId` and/or `listClientOrderId`. When both are given the list
    /// is found by id and must carry the client id too (the exchange's rule for the spot list
    /// cancel). Nil when there is no such list.
    func find(_ key: Key, orderListId: Int64?, listClientOrderId: String?) -> SimulatedOrderList? {
        guard let shelf = lists[key] else { return nil }
        let id: Int64
        if let orderListId {
            id = orderListId
        } else if let listClientOrderId, let found = byClientId[key]?[listClientOrderId] {
            id = found
        } else {
            return nil
        }
        guard let list = shelf[id] else { return nil }
        if let listClientOrderId, list.listClientOrderId != listClientOrderId { return nil }
        return list
    }

    /// The list order `orderId` is a leg of, if any.
    func list(ofLeg orderId: Int64, _ key: Key) -> SimulatedOrderList? {
        guard let id = byLeg[key]?[orderId] else { return nil }
        return lists[key]?[id]
    }

    /// Every list of the book, by key then id (for a state file or a test).
    var all: [SimulatedOrderList] {
        lists.values.flatMap(\.values).sorted {
            ($0.symbol, $0.orderListId) < ($1.symbol, $1.orderListId)
        }
    }
}
