import BinanceAPI
import Script

/// Before statements that would cancel more than one order on the live exchange run, says how
/// many and asks (in the shell, and for scripts run on a terminal). `cancel-all SYMBOL` is
/// counted with one `open` query; a loop that cancels says how many iterations it has, or "a
/// loop of cancels" when that is not known before it runs. `--yes` and `confirm = off` (profile
/// or `set confirm off`) skip the question; without a terminal bnc never asks.
public enum LiveConfirmation {
    /// What running `text` would cancel, in words, when that is more than one order (or not
    /// known); nil when it cancels at most one. `countOpen` counts a symbol's open orders (one
    /// `open` query); nil when it cannot.
    public static func question(
        for text: String, countOpen: (_ symbol: String, _ isolated: Bool) async -> Int?
    ) async -> String? {
        let tokens = words(text)
        var parts: [String] = []
        var known = 0
        var unknown = false
        for (index, token) in tokens.enumerated() where token == "cancel-all" {
            let operands = tokens[(index + 1)...].prefix { !["}", ";", "\n"].contains($0) }
            let isolated = operands.contains("isolated") || operands.contains { $0.uppercased() == "ISISOLATED=TRUE" }
            guard let symbol = operands.first(where: { !$0.contains("=") && $0 != "isolated" }), !symbol.hasPrefix("$"),
                let count = await countOpen(symbol.uppercased(), isolated)
            else {
                unknown = true
                parts.append("cancel-all of every open order of a symbol")
                continue
            }
            known = known.addingSaturated(count)
            parts.append(
                "cancel-all: \(count) open order\(count == 1 ? "" : "s") of \(symbol.uppercased())\(isolated ? " (isolated)" : "")"
            )
        }
        if let loop = loopOfCancels(tokens) {
            if let iterations = loop {
                known = known.addingSaturated(iterations)
                parts.append("a loop of \(iterations) iteration\(iterations == 1 ? "" : "s") that cancels")
            } else {
                unknown = true
                parts.append("a loop of cancels")
            }
        }
        guard unknown || known > 1 else { return nil }
        return parts.joined(separator: "; ")
    }

    /// For a loop whose body cancels: its iteration count when written as literals (`for i in
    /// 1..50`, `repeat 3`), `.some(nil)` when not known; nil when there is no such loop.
    static func loopOfCancels(_ tokens: [String]) -> Int?? {
        guard tokens.contains(where: { $0 == "cancel" || $0 == "cancel-all" }),
            let start = tokens.firstIndex(where: { $0 == "for" || $0 == "repeat" })
        else { return nil }
        let rest = Array(tokens[start...])
        guard rest.contains(where: { $0 == "cancel" || $0 == "cancel-all" }) else { return nil }
        if rest[0] == "repeat", rest.count > 1, let count = Int(rest[1]) { return .some(count) }
        if rest[0] == "for", rest.count > 3, rest[2] == "in" {
            let range = rest[3].split(separator: ".", omittingEmptySubsequences: true)
            if rest[3].contains(".."), range.count == 2, let low = Int(range[0]), let high = Int(range[1]) {
                // Numbers the user typed: counted without trapping (0..Int.max is a loop too).
                return .some(max(0, high.subtractingSaturated(low).addingSaturated(1)))
            }
        }
        return .some(nil)
    }

    /// The words of a statement text; braces and semicolons are words of their own.
    static func words(_ text: String) -> [String] {
        var spaced = ""
        for character in text {
            if "{};".contains(character) { spaced += " \(character) " } else { spaced.append(character) }
        }
        return spaced.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).map(String.init)
    }

    /// Counts a symbol's open orders through `host` (one `open` query, paced like any request).
    public static func openCount(symbol: String, isolated: Bool, host: any OperationHost) async -> Int? {
        guard let reply = try? await host.perform(MarginOpenOrders(symbol: symbol, isIsolated: isolated)),
            case .list(let orders) = reply.value
        else { return nil }
        return orders.count
    }

    /// The question as asked: `… on the live exchange (URL). Go on? [y/N] `.
    public static func prompt(_ what: String, baseURL: String) -> String {
        "This would cancel on the live exchange (\(baseURL)): \(what). Go on? [y/N] "
    }

    /// Whether an answer means yes.
    public static func isYes(_ answer: String) -> Bool {
        ["y", "yes"].contains(answer.trimmingWhitespace.lowercased())
    }
}
