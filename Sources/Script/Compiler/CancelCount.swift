import BinanceAPI

/// What a script would cancel, found by parsing it (never running it), for the question bnc asks
/// before statements that would cancel more than one order on the live exchange.
///
/// Loops multiply what their bodies cancel: `for i in 1..3 { repeat 4 { cancel … } }` cancels
/// 12 times; a loop whose count is known only when it runs (`for o in $open`) makes the count
/// unknown. Every loop at the top level is reported on its own, so two loops in one input are
/// both counted. Counts from the user's literals never trap: they saturate at `Int.max`.
package enum CancelCount {
    /// A `cancel-all` in the text: its symbol when written as a literal, and how many times it runs.
    package struct CancelAll: Sendable, Hashable {
        /// The symbol, upper-cased, or nil when it is computed (`cancel-all $s`).
        package var symbol: String?
        /// Whether it names the isolated-margin account.
        package var isolated: Bool
        /// Whether it names the spot account (`DELETE /api/v3/openOrders`).
        package var spot: Bool = false
        /// How many times it runs (1 outside loops); nil when a loop's count is not known.
        package var runs: Int?
    }

    /// A top-level loop whose body cancels.
    package struct CancelLoop: Sendable, Hashable {
        /// The loop's own iteration count, or nil when known only at run time.
        package var iterations: Int?
        /// How many single-order cancels the whole loop performs (nested loops multiplied), or nil
        /// when not known.
        package var cancels: Int?
    }

    /// What the text would cancel.
    package struct Estimate: Sendable, Hashable {
        /// Every `cancel-all`, in source order.
        package var cancelAlls: [CancelAll] = []
        /// Every top-level loop that cancels single orders, in source order.
        package var loops: [CancelLoop] = []
        /// How many order lists `cancel-list` statements cancel (each cancels every order of its
        /// list), or nil when one runs in a loop of unknown count.
        package var orderLists: Int? = 0
        /// `request` statements that delete several orders at once (`DELETE …/openOrders`,
        /// `DELETE …/orderList`), as `METHOD PATH`: how many they cancel is not known before.
        package var bulkRequests: [String] = []
    }

    /// The estimate for `text`; nil when it does not parse (then nothing of it runs).
    package static func estimate(_ text: String, catalog: CommandCatalog = .standard) -> Estimate? {
        let source = SourceFile(name: "<input>", text: text)
        let (statements, diagnostics) = Parser.parse(source, commandNames: Set(catalog.commandNames))
        guard diagnostics.isEmpty else { return nil }
        var estimate = Estimate()
        for statement in statements {
            if let iterations = loopIterations(statement) {
                var inner = Estimate()
                walk(loopBody(statement), runs: iterations, into: &inner)
                estimate.cancelAlls += inner.cancelAlls
                estimate.orderLists = sum(estimate.orderLists, inner.orderLists)
                let cancels = singleCancels(loopBody(statement), runs: iterations)
                if cancels != 0 { estimate.loops.append(CancelLoop(iterations: iterations, cancels: cancels)) }
            } else {
                walk([statement], runs: 1, into: &estimate)
            }
        }
        return estimate
    }

    /// For a loop statement, `.some(count)` (count nil when not known); nil when not a loop.
    static func loopIterations(_ statement: Statement) -> Int?? {
        switch statement.kind {
        case .forLoop(_, _, let sequence, _), .parallelFor(_, _, _, let sequence, _):
            guard case .expression(let expression) = sequence else { return .some(nil) }
            return .some(count(of: expression))
        case .repeatLoop(let count, _):
            guard case .integer(let text) = count.kind, let value = Int(text) else { return .some(nil) }
            return .some(max(0, value))
        default:
            return nil
        }
    }

    static func loopBody(_ statement: Statement) -> [Statement] {
        switch statement.kind {
        case .forLoop(_, _, _, let body), .parallelFor(_, _, _, _, let body), .repeatLoop(_, let body): return body
        default: return []
        }
    }

    /// The number of values of a literal sequence: a range `a..b` or a list; nil otherwise.
    static func count(of expression: Expression) -> Int? {
        switch expression.kind {
        case .range(let low, let high):
            guard case .integer(let lowText) = low.kind, case .integer(let highText) = high.kind,
                let lowValue = Int(lowText), let highValue = Int(highText)
            else { return nil }
            return max(0, highValue.subtractingSaturated(lowValue).addingSaturated(1))
        case .list(let elements):
            return elements.count
        default:
            return nil
        }
    }

    /// How many single-order cancels `statements` perform when run `runs` times (nil: unknown).
    static func singleCancels(_ statements: [Statement], runs: Int?) -> Int? {
        var total: Int? = 0
        for statement in statements {
            switch statement.kind {
            case .command(let call) where cancelsOneOrder(call):
                total = sum(total, runs)
            case .assignment(_, _, .command(let call)) where cancelsOneOrder(call):
                total = sum(total, runs)
            case .forLoop, .parallelFor, .repeatLoop:
                let iterations = loopIterations(statement) ?? nil
                let inner = singleCancels(loopBody(statement), runs: product(runs, iterations))
                total = sum(total, inner)
            case .conditional(let branches, let otherwise):
                for body in branches.map(\.body) + [otherwise ?? []] {
                    total = sum(total, singleCancels(body, runs: runs))
                }
            case .tryBlock(let body, _, let handler):
                total = sum(total, singleCancels(body, runs: runs))
                total = sum(total, singleCancels(handler, runs: runs))
            default:
                break
            }
        }
        return total
    }

    /// Records the `cancel-all` and `cancel-list` statements of `statements`, run `runs` times.
    static func walk(_ statements: [Statement], runs: Int?, into estimate: inout Estimate) {
        for statement in statements {
            switch statement.kind {
            case .command(let call), .assignment(_, _, .command(let call)):
                record(call, runs: runs, into: &estimate)
            case .forLoop(_, _, let sequence, _), .parallelFor(_, _, _, let sequence, _):
                if case .command(let call) = sequence { record(call, runs: runs, into: &estimate) }
                let iterations = loopIterations(statement) ?? nil
                walk(loopBody(statement), runs: product(runs, iterations), into: &estimate)
            case .repeatLoop:
                let iterations = loopIterations(statement) ?? nil
                walk(loopBody(statement), runs: product(runs, iterations), into: &estimate)
            case .conditional(let branches, let otherwise):
                for body in branches.map(\.body) + [otherwise ?? []] { walk(body, runs: runs, into: &estimate) }
            case .tryBlock(let body, _, let handler):
                walk(body, runs: runs, into: &estimate)
                walk(handler, runs: runs, into: &estimate)
            default:
                break
            }
        }
    }

    static func record(_ call: CommandCall, runs: Int?, into estimate: inout Estimate) {
        switch call.name {
        case "cancel-all":
            var symbol: String?
            var isolated = false
            var spot = false
            for argument in call.arguments {
                switch (argument.name, argument.value.kind) {
                case (nil, .word(let word)) where word.lowercased() == "isolated":
                    isolated = true
                case (nil, .word(let word)) where word.lowercased() == "spot":
                    spot = true
                case (nil, .word(let word)) where symbol == nil:
                    symbol = word.uppercased()
                case (let name?, .word(let value)) where name.lowercased() == "isisolated":
                    isolated = value.uppercased() == "TRUE"
                case (let name?, .boolean(let value)) where name.lowercased() == "isisolated":
                    isolated = value
                default:
                    break
                }
            }
            estimate.cancelAlls.append(CancelAll(symbol: symbol, isolated: isolated, spot: spot, runs: runs))
        case "cancel-list":
            estimate.orderLists = sum(estimate.orderLists, runs)
        case "request":
            if let (method, path) = requestLine(call), method == "DELETE",
                path.hasSuffix("/openOrders") || path.hasSuffix("/orderList")
            {
                estimate.bulkRequests.append("\(method) \(path)")
            }
        default:
            break
        }
    }

    /// Whether `call` cancels one order: `cancel`, or a `request DELETE` of one order's path.
    static func cancelsOneOrder(_ call: CommandCall) -> Bool {
        if call.name == "cancel" { return true }
        guard call.name == "request", let (method, path) = requestLine(call) else { return false }
        return method == "DELETE" && path.hasSuffix("/order")
    }

    /// A `request` statement's method and path when written as literals.
    static func requestLine(_ call: CommandCall) -> (method: String, path: String)? {
        let words = call.arguments.filter { $0.name == nil }.compactMap { argument -> String? in
            if case .word(let word) = argument.value.kind { return word }
            if case .string(let parts) = argument.value.kind, parts.count == 1, case .text(let text) = parts[0] { return text }
            return nil
        }
        guard words.count >= 2 else { return nil }
        return (words[0].uppercased(), words[1])
    }

    static func sum(_ a: Int?, _ b: Int?) -> Int? {
        guard let a, let b else { return nil }
        return a.addingSaturated(b)
    }

    static func product(_ a: Int?, _ b: Int?) -> Int? {
        guard let a, let b else { return nil }
        return a.multipliedSaturated(by: b)
    }
}
