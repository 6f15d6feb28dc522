import BinanceAPI

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs checked statements in order: variables, loops, conditions, `try`, and commands through
/// the ``OperationHost``. Checks the interrupt flag before every statement.
final class Interpreter {
    /// Why a run stopped early.
    enum Stop: Error {
        case failed(ScriptError)
        case interrupted(at: SourceLocation)
        case limitReached(at: SourceRange)
    }

    let source: SourceFile
    let binder: CommandBinder
    let host: any OperationHost
    let output: any ScriptOutputSink
    let events: (any ScriptEventSink)?
    let interrupt: InterruptFlag
    let limits: ExecutionLimits
    var variables: [String: Value]
    var statementsRun = 0
    var requestsPerformed = 0

    init(
        source: SourceFile, catalog: CommandCatalog, host: any OperationHost, output: any ScriptOutputSink,
        events: (any ScriptEventSink)?, interrupt: InterruptFlag, limits: ExecutionLimits, variables: [String: Value]
    ) {
        self.source = source
        self.binder = CommandBinder(catalog: catalog, source: source)
        self.host = host
        self.output = output
        self.events = events
        self.interrupt = interrupt
        self.limits = limits
        self.variables = variables
    }

    var evaluator: Evaluator { Evaluator(source: source, variables: variables) }

    func evaluate(_ expression: Expression) throws(Stop) -> Value {
        do {
            return try evaluator.evaluate(expression)
        } catch {
            throw .failed(error)
        }
    }

    nonisolated(nonsending) func run(_ statements: [Statement]) async throws(Stop) {
        for statement in statements { try await run(statement) }
    }

    /// Statements run plus loop iterations: what the limit counts, so that even a loop with an
    /// empty body stops at the limit and notices Ctrl-C.
    var steps = 0

    /// Checks Ctrl-C and the step limit; called before every statement and loop iteration.
    func checkpoint(at range: SourceRange) throws(Stop) {
        if interrupt.isRaised { throw .interrupted(at: range.start) }
        if let maximum = limits.maximumStatements, steps >= maximum { throw .limitReached(at: range) }
        steps += 1
    }

    /// `nonisolated(nonsending)`, as are the other async steps of a sequential run: they run on
    /// the caller's executor, so entering one does not ask the runtime which executor to switch
    /// to (`swift_task_switch`), which was about 8% of a dry-run statement.
    nonisolated(nonsending) func run(_ statement: Statement) async throws(Stop) {
        try checkpoint(at: statement.range)
        statementsRun += 1
        events?.statementWillRun(
            StatementEvent(
                text: statement.text, file: source.name, line: statement.range.start.line,
                column: statement.range.start.column))
        switch statement.kind {
        case .command(let call):
            if let dryRunHost {
                // Nothing reads the reply: the printer gets the request alone.
                let request = try dryRunRequest(call, host: dryRunHost.host)
                output.emitDryRun(request, baseURL: dryRunHost.host.baseURL, command: call.name, wide: statement.isWide)
            } else {
                let reply = try await perform(call)
                output.emit(.reply(reply, command: call.name, bound: false, wide: statement.isWide))
            }
        case .assignment(let name, _, let value):
            switch value {
            case .expression(let expression):
                variables[name] = try evaluate(expression)
            case .command(let call):
                let reply = try await perform(call)
                variables[name] = reply.value
                output.emit(.reply(reply, command: call.name, bound: true))
            }
        case .parameter(let name, let nameRange, let defaultValue):
            guard variables[name] == nil else { return }
            guard let defaultValue else {
                throw .failed(
                    .script(
                        Diagnostic(
                            "missing parameter '\(name)'", at: nameRange, in: source,
                            hint: "pass it with --set \(name)=VALUE"), kind: .usage))
            }
            variables[name] = try evaluate(defaultValue)
        case .print(let values):
            var pieces: [String] = []
            for value in values { pieces.append(try evaluate(value).text) }
            output.emit(.printed(pieces.joined(separator: " ")))
        case .show(let expression):
            output.emit(.value(try evaluate(expression), wide: statement.isWide))
        case .forLoop(let variable, _, let sequenceValue, let body):
            let (sequence, sequenceRange) = try await loopSequence(sequenceValue)
            try await runFor(
                variable: variable, sequence: sequence, sequenceRange: sequenceRange, body: body, at: statement.range)
        case .parallelFor(let width, let variable, _, let sequence, let body):
            try await runParallelFor(width: width, variable: variable, sequence: sequence, body: body, at: statement.range)
        case .repeatLoop(let countExpression, let body):
            let count: Int64
            do {
                count = try evaluator.integer(countExpression, role: "the repeat count")
            } catch {
                throw .failed(error)
            }
            var progress = ProgressTicker(location: statement.range.start, total: max(0, count))
            var done: Int64 = 0
            while done < count {
                try checkpoint(at: statement.range)
                try await run(body)
                done += 1
                progress.tick(done: done, requests: requestsPerformed, output: output)
            }
        case .conditional(let branches, let otherwise):
            for branch in branches {
                let holds: Bool
                do {
                    holds = try evaluator.boolean(branch.condition)
                } catch {
                    throw .failed(error)
                }
                if holds {
                    try await run(branch.body)
                    return
                }
            }
            if let otherwise { try await run(otherwise) }
        case .tryBlock(let body, let errorName, let handler):
            do {
                try await run(body)
            } catch {
                guard case .failed(let failure) = error else { throw error }
                variables[errorName] = failure.value
                try await run(handler)
            }
        case .sleep(let expression):
            let milliseconds: Int64
            do {
                milliseconds = try evaluator.integer(expression, role: "sleep's milliseconds")
            } catch {
                throw .failed(error)
            }
            try await sleep(min(milliseconds, limits.maximumSleep ?? Int64.max), at: statement.range.start)
        case .fail(let expression):
            let message = try evaluate(expression).text
            throw .failed(.script(Diagnostic(message, at: statement.range, in: source)))
        }
    }

    /// The value a `for` loops over, and where it was written (for errors).
    nonisolated(nonsending) func loopSequence(_ sequence: AssignedValue) async throws(Stop) -> (Value, SourceRange) {
        switch sequence {
        case .expression(let expression):
            return (try evaluate(expression), expression.range)
        case .command(let call):
            let reply = try await perform(call)
            output.emit(.reply(reply, command: call.name, bound: true))
            return (reply.value, call.range)
        }
    }

    nonisolated(nonsending) private func runFor(
        variable: String, sequence: Value, sequenceRange: SourceRange, body: [Statement], at range: SourceRange
    )
        async throws(Stop)
    {
        var progress = ProgressTicker(location: range.start, total: sequence.count)
        var done: Int64 = 0
        switch sequence {
        case .range(let lower, let upper):
            guard lower <= upper else { return }
            var current = lower
            while true {
                variables[variable] = .integer(current)
                try checkpoint(at: range)
                try await run(body)
                done += 1
                progress.tick(done: done, requests: requestsPerformed, output: output)
                if current == upper { break }
                current += 1
            }
        case .list(let values):
            for value in values {
                variables[variable] = value
                try checkpoint(at: range)
                try await run(body)
                done += 1
                progress.tick(done: done, requests: requestsPerformed, output: output)
            }
        case .record(let record):
            for field in record.fields {
                variables[variable] = .record(Record([("name", .string(field.name)), ("value", field.value)]))
                try checkpoint(at: range)
                try await run(body)
            }
        default:
            throw cannotLoop(over: sequence, at: sequenceRange)
        }
    }

    /// The error for a `for` (or `parallel for`) over a value that is not a range, list or record.
    func cannotLoop(over sequence: Value, at range: SourceRange) -> Stop {
        .failed(
            .script(
                Diagnostic(
                    "cannot loop over \(sequence.typeName) '\(sequence.text.prefix(40))'", at: range,
                    in: source, hint: "loop over a range (1..5), a list ([1, 2]) or a list from a response")))
    }

    /// Sleeps in short slices so Ctrl-C is noticed promptly.
    nonisolated(nonsending) private func sleep(_ milliseconds: Int64, at location: SourceLocation) async throws(Stop) {
        output.flush() // what was printed before the pause is shown during it
        var remaining = max(0, milliseconds)
        while remaining > 0 {
            if interrupt.isRaised { throw .interrupted(at: location) }
            let slice = min(remaining, 50)
            try? await Task.sleep(for: .milliseconds(slice))
            remaining -= slice
        }
    }

    /// Each command call's plan, by the call's offset in the source: bound on first run, reused
    /// by every later run of the same call (a loop body). Nil when the call has no plan.
    private var plans: [Int: CommandPlan?] = [:]
    /// The plan used last and its call's offset: a loop whose body is one command finds its plan
    /// here without hashing the offset (a dictionary look-up was ~3% of a dry-run statement).
    private var lastPlan: (offset: Int, plan: CommandPlan?)?

    /// The host when it is a plain dry run, which answers without suspending. In a class, so
    /// that using it per statement does not copy the host (and retain each of its fields).
    private lazy var dryRunHost: DryRunHostReference? = (host as? DryRunHost).map(DryRunHostReference.init)

    /// Binds the command's arguments, then performs its operation through the host.
    nonisolated(nonsending) func perform(_ call: CommandCall) async throws(Stop) -> OperationReply {
        if let dryRunHost {
            return OperationReply(dryRun: try dryRunRequest(call, host: dryRunHost.host), baseURL: dryRunHost.host.baseURL)
        }
        let operation = try bind(call)
        // A request on the wire takes a while: show what was printed before waiting for it.
        if !host.isDryRun { output.willWait() }
        do throws(ClientError) {
            let reply = try await host.perform(operation)
            requestsPerformed += 1
            return reply
        } catch {
            // Counted only when it reached the exchange: a refused connection sent nothing.
            if error.reachedExchange { requestsPerformed += 1 }
            throw .failed(.client(error, at: call.nameRange, in: source))
        }
    }

    /// A plain dry run's request for `call`, prepared and signed without suspending.
    private func dryRunRequest(_ call: CommandCall, host: DryRunHost) throws(Stop) -> PreparedRequest {
        let operation = try bind(call)
        do throws(ClientError) {
            // `bind` returns only validated operations: the host does not validate again.
            let request = try host.request(toValidated: operation)
            requestsPerformed += 1
            return request
        } catch {
            if error.reachedExchange { requestsPerformed += 1 }
            throw .failed(.client(error, at: call.nameRange, in: source))
        }
    }

    /// The validated operation of `call` with its arguments' current values: through the call's
    /// plan, or, when that fails, through the binder, which reports why.
    private func bind(_ call: CommandCall) throws(Stop) -> any ExchangeOperation {
        let evaluator = self.evaluator
        let plan: CommandPlan?
        if let last = lastPlan, last.offset == call.range.offset {
            plan = last.plan
        } else if let cached = plans[call.range.offset] {
            plan = cached
            lastPlan = (call.range.offset, cached)
        } else {
            plan = CommandPlan(call: call, binder: binder)
            plans[call.range.offset] = plan
            lastPlan = (call.range.offset, plan)
        }
        if let plan, let operation = plan.operation(evaluate: { try? evaluator.evaluate($0) }) {
            return operation
        }
        let bound = binder.bind(call) { (expression) throws(Diagnostic) -> Value? in
            do throws(ScriptError) {
                return try evaluator.evaluate(expression)
            } catch {
                throw error.diagnostic
            }
        }
        guard let operation = bound.operation else {
            let diagnostic = bound.diagnostics.first ?? Diagnostic("cannot run '\(call.name)'", at: call.nameRange, in: source)
            throw .failed(.script(diagnostic, kind: .validation))
        }
        return operation
    }
}

/// Emits loop progress at most about once a second, starting after the loop has run a second.
struct ProgressTicker {
    let location: SourceLocation
    let total: Int64?
    /// When the next line is due, in ``now()``'s nanoseconds.
    private var next: UInt64

    init(location: SourceLocation, total: Int64?) {
        self.location = location
        self.total = total
        self.next = Self.now() + Self.interval
    }

    mutating func tick(done: Int64, requests: Int, output: any ScriptOutputSink) {
        let now = Self.now()
        guard now >= next else { return }
        next = now + Self.interval
        output.emit(.progress(LoopProgress(location: location, done: done, total: total, requests: requests)))
    }

    private static let interval: UInt64 = 1_000_000_000

    /// A monotonic clock in nanoseconds. This runs once per loop iteration, so on Linux it is the
    /// coarse clock (a few ms of resolution, plenty for a line a second), which reads a value the
    /// kernel keeps instead of the time-stamp counter.
    static func now() -> UInt64 {
        var time = timespec()
        #if os(Linux)
            clock_gettime(CLOCK_MONOTONIC_COARSE, &time)
        #else
            clock_gettime(CLOCK_MONOTONIC, &time)
        #endif
        return UInt64(time.tv_sec) &* 1_000_000_000 &+ UInt64(time.tv_nsec)
    }
}

/// A ``DryRunHost`` held by reference (see `Interpreter.dryRunHost`).
final class DryRunHostReference {
    let host: DryRunHost

    init(_ host: DryRunHost) {
        self.host = host
    }
}
