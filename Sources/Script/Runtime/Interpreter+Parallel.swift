import BinanceAPI
import Synchronization

/// `parallel N for NAME in SEQUENCE { BODY }`: keeps up to N iterations running at once, so a long
/// loop of requests is bounded by the exchange's weight budget (which the client still paces)
/// instead of by the round trip.
///
/// The rules, chosen so a parallel loop reads like a sequential one:
/// - Iterations start in order, at most 4×N past the earliest one not yet shown. Each runs on its
///   own copy of the variables as they were when the
///   loop started, plus the loop variable; what the body assigns is gone after the loop.
/// - Output is shown in iteration order: an iteration's output is held back until every earlier
///   iteration has finished and shown its own.
/// - An error that the body does not catch stops the loop from starting more iterations; those
///   already running finish (their requests are on the wire), everything they printed is shown
///   in order, and then the loop fails with the error of the earliest failed iteration. Ctrl-C
///   does the same.
/// - Each iteration's requests carry a ``RequestOrigin`` so the session log can be replayed.
extension Interpreter {
    /// How many iterations may run at once: enough to fill the weight budget at any plausible
    /// round trip, and few enough connections for one client.
    static let parallelWidths: ClosedRange<Int64> = 1...64

    nonisolated(nonsending) func runParallelFor(
        width widthExpression: Expression, variable: String, sequence sequenceValue: AssignedValue,
        body: [Statement], at range: SourceRange
    ) async throws(Stop) {
        let requested: Int64
        do {
            requested = try evaluator.integer(widthExpression, role: "the parallel width")
        } catch {
            throw .failed(error)
        }
        guard Self.parallelWidths.contains(requested) else {
            throw .failed(
                .script(
                    Diagnostic(
                        "parallel runs 1 to \(Self.parallelWidths.upperBound) iterations at once, not \(requested)",
                        at: widthExpression.range, in: source, hint: "parallel 8 for id in 1..100 { ... }"),
                    kind: .usage))
        }
        let (sequence, sequenceRange) = try await loopSequence(sequenceValue)
        guard var elements = LoopElements(sequence) else { throw cannotLoop(over: sequence, at: sequenceRange) }
        let width = max(1, min(Int(requested), host.maximumConcurrency ?? Int.max))
        // Output waits for the slowest earlier iteration; starting at most this far past it keeps
        // what is held back (and memory) bounded when one iteration hangs while others finish.
        let reach = Int64(width) * 4
        let start = ParallelIteration.Start(
            source: source, catalog: binder.catalog, host: host, events: events, interrupt: interrupt,
            variables: variables, variable: variable, body: body,
            originLine: range.start.line, originColumn: range.start.column, enclosingOrigin: RequestOrigin.current)

        var progress = ProgressTicker(location: range.start, total: elements.count)
        var finished: [Int64: ParallelIteration.Outcome] = [:]
        var nextToShow: Int64 = 1
        var started: Int64 = 0
        var running = 0
        var stopping = false
        var failure: Stop?
        var lastElement: Value?

        await withTaskGroup(of: ParallelIteration.Outcome.self) { group in
            while true {
                // Start iterations while there is room and nothing has gone wrong.
                while !stopping && running < width && started - (nextToShow - 1) < reach {
                    if interrupt.isRaised {
                        stopping = true
                        failure = failure ?? .interrupted(at: range.start)
                        break
                    }
                    if let maximum = limits.maximumStatements, steps >= maximum {
                        stopping = true
                        failure = failure ?? .limitReached(at: range)
                        break
                    }
                    guard let element = elements.next() else { break }
                    steps += 1
                    started += 1
                    running += 1
                    lastElement = element
                    let number = started
                    let iterationLimits = ExecutionLimits(
                        maximumStatements: limits.maximumStatements.map { max(0, $0 - steps) },
                        maximumSleep: limits.maximumSleep)
                    group.addTask { await start.run(number: number, element: element, limits: iterationLimits) }
                }
                guard running > 0, let outcome = await group.next() else { break }
                running -= 1
                finished[outcome.number] = outcome
                if outcome.failure != nil { stopping = true }
                // Show what is complete, in order.
                while let ready = finished.removeValue(forKey: nextToShow) {
                    nextToShow += 1
                    for item in ready.output { output.emit(item) }
                    steps += ready.steps
                    statementsRun += ready.statements
                    requestsPerformed += ready.requests
                    if let stop = ready.failure, failure == nil || Self.isStopAtLoop(failure) { failure = stop }
                    progress.tick(done: nextToShow - 1, requests: requestsPerformed, output: output)
                }
            }
        }
        if let lastElement { variables[variable] = lastElement }
        if let failure { throw failure }
    }

    /// True for the loop's own interrupt/limit stop, which an iteration's error replaces: the
    /// iteration's says where the script actually was.
    private static func isStopAtLoop(_ stop: Stop?) -> Bool {
        switch stop {
        case .interrupted, .limitReached: return true
        default: return false
        }
    }
}

/// The elements a loop goes through, produced one at a time (a range of a million is not built).
struct LoopElements {
    private enum Source {
        case range(next: Int64, upper: Int64, done: Bool)
        case list([Value], next: Int)
        case record([(name: String, value: Value)], next: Int)
    }

    private var source: Source
    /// How many elements there are, when known (for progress lines).
    let count: Int64?

    /// Nil when `sequence` cannot be looped over.
    init?(_ sequence: Value) {
        switch sequence {
        case .range(let lower, let upper):
            source = .range(next: lower, upper: upper, done: lower > upper)
        case .list(let values):
            source = .list(values, next: 0)
        case .record(let record):
            source = .record(record.fields.map { ($0.name, $0.value) }, next: 0)
        default:
            return nil
        }
        count = sequence.count
    }

    mutating func next() -> Value? {
        switch source {
        case .range(let next, let upper, let done):
            guard !done else { return nil }
            source = .range(next: next == upper ? next : next + 1, upper: upper, done: next == upper)
            return .integer(next)
        case .list(let values, let next):
            guard next < values.count else { return nil }
            source = .list(values, next: next + 1)
            return values[next]
        case .record(let fields, let next):
            guard next < fields.count else { return nil }
            source = .record(fields, next: next + 1)
            return .record(Record([("name", .string(fields[next].name)), ("value", fields[next].value)]))
        }
    }
}

/// One iteration of a parallel loop, run in its own task on its own interpreter.
enum ParallelIteration {
    /// What every iteration of one loop shares; all of it can cross into a task.
    struct Start: Sendable {
        let source: SourceFile
        let catalog: CommandCatalog
        let host: any OperationHost
        let events: (any ScriptEventSink)?
        let interrupt: InterruptFlag
        let variables: [String: Value]
        let variable: String
        let body: [Statement]
        let originLine: Int
        let originColumn: Int
        let enclosingOrigin: String?

        func run(number: Int64, element: Value, limits: ExecutionLimits) async -> Outcome {
            var variables = self.variables
            variables[variable] = element
            let collected = CollectedOutput()
            let interpreter = Interpreter(
                source: source, catalog: catalog, host: host, output: collected, events: events, interrupt: interrupt,
                limits: limits, variables: variables)
            let origin = RequestOrigin.iteration(
                number, line: originLine, column: originColumn, enclosing: enclosingOrigin)
            var failure: Interpreter.Stop?
            await RequestOrigin.$current.withValue(origin) {
                do throws(Interpreter.Stop) {
                    try await interpreter.run(body)
                } catch {
                    failure = error
                }
            }
            return Outcome(
                number: number, output: collected.take(), failure: failure, steps: interpreter.steps,
                statements: interpreter.statementsRun, requests: interpreter.requestsPerformed)
        }
    }

    /// What an iteration did, for the loop to show in order.
    struct Outcome: Sendable {
        let number: Int64
        let output: [ScriptOutput]
        let failure: Interpreter.Stop?
        let steps: Int
        let statements: Int
        let requests: Int
    }
}

/// Holds an iteration's output until the loop shows it in order.
final class CollectedOutput: ScriptOutputSink {
    private let items = Mutex<[ScriptOutput]>([])

    func emit(_ output: ScriptOutput) {
        // Progress of a loop nested in the iteration would be shown late and out of place.
        if case .progress = output { return }
        items.withLock { $0.append(output) }
    }

    func take() -> [ScriptOutput] {
        items.withLock { items in
            defer { items = [] }
            return items
        }
    }
}
