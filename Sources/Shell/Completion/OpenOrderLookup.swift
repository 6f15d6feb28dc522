import BinanceAPI
import Dispatch
import Script
import Synchronization

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// Fetches the open orders of a symbol for `id=`/`cid=` completion through the session's own
/// host — the `open` operation, so the request is paced by the weight budget and logged like
/// any other — and keeps each answer for a few seconds, so repeated TABs ask once.
///
/// Completion runs inside libedit's key handler, which cannot await: the request runs in a
/// task and the handler waits for it at most ``timeout``, then offers nothing.
final class OpenOrderLookup: Sendable {
    /// The longest a TAB waits for the exchange.
    let timeout: DispatchTimeInterval
    /// How long an answer is reused.
    let lifetime: TimeInterval
    private let cache = Mutex<[String: (at: Date, orders: [Completer.OpenOrder])]>([:])

    init(timeout: DispatchTimeInterval = .seconds(3), lifetime: TimeInterval = 10) {
        self.timeout = timeout
        self.lifetime = lifetime
    }

    /// The open orders of `symbol` on the cross (or isolated) account, nil for a dry-run host,
    /// a failed request or no answer in time.
    func orders(symbol: String, isolated: Bool, host: any OperationHost) -> [Completer.OpenOrder]? {
        guard !host.isDryRun else { return nil }
        let key = symbol + (isolated ? " isolated" : "")
        if let cached = cache.withLock({ $0[key] }), Date().timeIntervalSince(cached.at) < lifetime { return cached.orders }
        // The answer crosses from the task to this thread; after a timeout the task may still
        // write it, so it is locked, not handed over by the semaphore alone.
        final class Box: Sendable {
            let value = Mutex<Value?>(nil)
        }
        let box = Box()
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            let value = try? await host.perform(MarginOpenOrders(symbol: symbol, isIsolated: isolated)).value
            box.value.withLock { $0 = value }
            done.signal()
        }
        guard done.wait(timeout: .now() + timeout) == .success, let value = box.value.withLock({ $0 }) else { return nil }
        let orders = Self.orders(in: value)
        cache.withLock { $0[key] = (Date(), orders) }
        return orders
    }

    /// Forgets every answer (after a statement ran: it may have canceled one).
    func invalidate() {
        cache.withLock { $0.removeAll() }
    }

    /// The orders of an `open` answer (a list of order records); records without an id are skipped.
    static func orders(in value: Value) -> [Completer.OpenOrder] {
        guard case .list(let items) = value else { return [] }
        return items.compactMap { item in
            guard case .record(let record) = item, case .integer(let id)? = record["orderId"] else { return nil }
            return Completer.OpenOrder(
                orderId: id, clientOrderId: record["clientOrderId"]?.text ?? "", side: record["side"]?.text ?? "",
                price: record["price"]?.text ?? "")
        }
    }
}
