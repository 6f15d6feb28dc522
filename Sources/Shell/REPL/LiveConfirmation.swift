import BinanceAPI
import Script

/// Before statements that would cancel more than one order on the live exchange run, says how
/// many and asks (in the shell, and for scripts run on a terminal). `cancel-all SYMBOL` is
/// counted with one `open` query; a loop that cancels says how many iterations it has, or "a
/// loop of cancels" when that is not known before it runs. `--yes` and `confirm = off` (profile
/// or `set confirm off`) skip the question; without a terminal bnc never asks.
package enum LiveConfirmation {
    /// What running `text` would cancel, in words, when that is more than one order (or not
    /// known); nil when it cancels at most one. `countOpen` counts a symbol's open orders (one
    /// `open` query); nil when it cannot.
    package static func question(
        for text: String, countOpen: (_ symbol: String, _ account: OpenOrdersAccount) async -> Int?
    ) async -> String? {
        // Text that does not parse runs nothing: there is nothing to ask about.
        guard let estimate = CancelCount.estimate(text) else { return nil }
        var parts: [String] = []
        var known = 0
        var unknown = false
        for cancelAll in estimate.cancelAlls {
            guard let symbol = cancelAll.symbol, let runs = cancelAll.runs,
                let count = await countOpen(
                    symbol, cancelAll.spot ? .spot : cancelAll.isolated ? .isolated : .cross)
            else {
                unknown = true
                parts.append("cancel-all of every open order of a symbol")
                continue
            }
            // Run more than once, a cancel-all finds what the first run left: at most the count.
            known = known.addingSaturated(runs == 0 ? 0 : count)
            parts.append(
                "cancel-all: \(count) open order\(count == 1 ? "" : "s") of \(symbol)\(cancelAll.spot ? " (spot)" : cancelAll.isolated ? " (isolated)" : "")"
            )
        }
        for loop in estimate.loops {
            switch (loop.iterations, loop.cancels) {
            case (let iterations?, let cancels?) where cancels == iterations:
                known = known.addingSaturated(cancels)
                parts.append("a loop of \(iterations) iteration\(iterations == 1 ? "" : "s") that cancels")
            case (let iterations?, let cancels?):
                known = known.addingSaturated(cancels)
                parts.append(
                    "a loop of \(iterations) iteration\(iterations == 1 ? "" : "s") that cancels \(cancels) time\(cancels == 1 ? "" : "s")"
                )
            default:
                unknown = true
                parts.append("a loop of cancels")
            }
        }
        switch estimate.orderLists {
        case 0?:
            break
        case let lists?:
            // Every order list holds at least two orders.
            known = known.addingSaturated(lists.multipliedSaturated(by: 2))
            parts.append("cancel-list: every order of \(lists) order list\(lists == 1 ? "" : "s")")
        case nil:
            unknown = true
            parts.append("cancel-list in a loop of order lists")
        }
        for line in estimate.bulkRequests {
            unknown = true
            parts.append("request \(line): every order it names")
        }
        guard unknown || known > 1 else { return nil }
        return parts.joined(separator: "; ")
    }

    /// The account whose open orders a `cancel-all` would cancel.
    package enum OpenOrdersAccount: Sendable, Hashable {
        case cross, isolated, spot
    }

    /// Counts a symbol's open orders through `host` (one `open` query, paced like any request).
    package static func openCount(symbol: String, account: OpenOrdersAccount, host: any OperationHost) async -> Int? {
        let reply =
            switch account {
            case .spot: try? await host.perform(SpotOpenOrders(symbol: symbol))
            case .cross, .isolated: try? await host.perform(MarginOpenOrders(symbol: symbol, isIsolated: account == .isolated))
            }
        guard let reply, case .list(let orders) = reply.value else { return nil }
        return orders.count
    }

    /// The question as asked: `… on the live exchange (URL). Go on? [y/N] `.
    package static func prompt(_ what: String, baseURL: String) -> String {
        "This would cancel on the live exchange (\(baseURL)): \(what). Go on? [y/N] "
    }

    /// Whether an answer means yes.
    package static func isYes(_ answer: String) -> Bool {
        ["y", "yes"].contains(answer.trimmingWhitespace.lowercased())
    }
}
