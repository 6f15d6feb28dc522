import BinanceAPI
import Testing

@testable import Script

/// A command in a loop is bound once into a plan and re-run with only its changing arguments
/// (issue 8); a dry-run reply builds its value only when something reads it. Both must behave
/// exactly as binding every time and building every value did.
@Suite struct CommandPlanTests {
    @Test func loopArgumentsChangeEveryIterationThroughThePlan() async {
        let host = ScriptedHost()
        let harness = Harness(host: host)
        let outcome = await harness.run(
            """
            let sym = LTCBTC
            for id in 1..3 { cancel $sym id=$id recv=$id }
            for c in ["a1", "b2"] { cancel BNBBTC cid=$c isolated }
            """)
        #expect(outcome.status == .completed)
        #expect(host.performed.map(\.orderId) == [1, 2, 3, nil, nil])
        #expect(host.performed.map(\.recvWindow) == [1, 2, 3, nil, nil])
        #expect(host.performed.map(\.symbol) == ["LTCBTC", "LTCBTC", "LTCBTC", "BNBBTC", "BNBBTC"])
        #expect(host.performed.map(\.origClientOrderId) == [nil, nil, nil, "a1", "b2"])
        #expect(host.performed.map(\.isIsolated) == [false, false, false, true, true])
    }

    @Test func aValidationErrorOnALaterIterationHasTheBindersDiagnostic() async {
        let host = ScriptedHost()
        let harness = Harness(host: host)
        let outcome = await harness.run("for id in [3, 2, 0] { cancel LTCBTC id=$id }")
        #expect(host.performed.map(\.orderId) == [3, 2])
        #expect(outcome.isUsageRefusal)
        #expect(
            outcome.diagnostics.map(\.rendered) == [
                """
                t.bnc:1:37: error: orderId 0 is out of range: it must be between 1 and 9223372036854775807
                for id in [3, 2, 0] { cancel LTCBTC id=$id }
                                                    ^~~~~~
                """
            ])
    }

    /// The dry-run host does not validate an operation the plan validated (issue 18): a bad
    /// value is still refused, once, with the binder's diagnostic, and nothing is printed for it.
    @Test func aDryRunRefusesABadValueOnceThoughTheHostDoesNotValidateAgain() async throws {
        let harness = Harness()
        let outcome = await harness.run("for id in [3, 2, 0] { cancel LTCBTC id=$id }")
        let replies = harness.output.outputs.compactMap { output -> Int? in
            guard case .reply(let reply, _, _, _) = output, reply.isDryRun else { return nil }
            return reply.request.parameters.first { $0.name == "orderId" }.flatMap { Int($0.value) }
        }
        #expect(replies == [3, 2])
        #expect(outcome.isUsageRefusal)
        #expect(outcome.diagnostics.count == 1)
        #expect(
            outcome.diagnostics.first?.headline
                == "t.bnc:1:37: error: orderId 0 is out of range: it must be between 1 and 9223372036854775807")
        // The builder keeps the one rule for callers that did not validate.
        let builder = RequestBuilder(credentials: DemoCredentials.hmac)
        #expect(throws: RequestError.self) { try builder.prepare(CancelMarginOrder(symbol: "LTCBTC", orderId: 0), timestamp: 1) }
        let good = CancelMarginOrder(symbol: "LTCBTC", orderId: 28)
        let checked = try builder.prepare(good, timestamp: 1)
        let unchecked = try builder.prepare(validated: good, timestamp: 1)
        #expect(checked == unchecked)
    }

    /// A dry run's unbound command statements reach the sink as the request alone
    /// (`emitDryRun`, no reply made per statement); a bound one is still a reply, whose value the
    /// script reads. A sink without its own `emitDryRun` sees the same replies as before.
    @Test func aDryRunHandsUnboundRequestsToTheSinkWithoutAReply() async throws {
        final class RequestsAlone: ScriptOutputSink, @unchecked Sendable {
            let inner = CollectingOutput()
            var alone: [(PreparedRequest, String, String, Bool)] = []
            func emit(_ output: ScriptOutput) { inner.emit(output) }
            func emitDryRun(_ request: PreparedRequest, baseURL: String, command: String, wide: Bool) {
                alone.append((request, baseURL, command, wide))
            }
        }
        let script =
            "for id in 1..2 { cancel LTCBTC id=$id }\nlet r = cancel LTCBTC id=3\nprint $r.query\ncancel LTCBTC id=4 wide"
        let sink = RequestsAlone()
        let host = DryRunHost(
            credentials: DemoCredentials.hmac, clock: ExchangeClock(fixed: 1_499_827_319_559), baseURL: "https://api.binance.com")
        let outcome = await ScriptSession(host: host, output: sink).run(script, file: "t.bnc")
        #expect(outcome.status == .completed)
        #expect(sink.alone.map { $0.0.parameter("orderId") } == ["1", "2", "4"])
        #expect(sink.alone.allSatisfy { $0.1 == "https://api.binance.com" && $0.2 == "cancel" })
        #expect(sink.alone.map(\.3) == [false, false, true])
        #expect(sink.inner.requests.map { $0.parameter("orderId") } == ["3"])
        #expect(sink.inner.printed == ["symbol=LTCBTC&orderId=3&timestamp=1499827319559"])
        // The default shows each as its reply: the same requests, in order, as before.
        let harness = Harness()
        #expect(await harness.run(script).status == .completed)
        #expect(harness.output.requests.map { $0.parameter("orderId") } == ["1", "2", "3", "4"])
        let expected = try signedForTest(CancelMarginOrder(symbol: "LTCBTC", orderId: 4))
        #expect(harness.output.requests.last == expected)
        #expect(sink.alone.last?.0 == expected)
    }

    @Test func aConversionErrorOnALaterIterationHasTheBindersDiagnostic() async {
        let host = ScriptedHost()
        let harness = Harness(host: host)
        let outcome = await harness.run("for id in [1, \"x\"] { cancel LTCBTC id=$id }")
        #expect(host.performed.map(\.orderId) == [1])
        #expect(outcome.isUsageRefusal)
        #expect(outcome.diagnostics.first?.headline == "t.bnc:1:39: error: argument 'id' expects an integer, got 'x'")
        #expect(outcome.diagnostics.first?.hint == "id= takes the exchange's numeric order id; use cid= for a client order id")
        let symbol = await harness.run("for s in [LTCBTC, \"bad sym\"] { cancel $s id=1 }")
        #expect(symbol.diagnostics.first?.headline.hasPrefix("t.bnc:1:39: error: ") == true)
        #expect(host.performed.count == 2)
    }

    @Test func anUndefinedFieldInALaterIterationIsReportedAtItsPlace() async {
        let harness = Harness(host: ScriptedHost())
        let fields = await harness.run("let r = cancel LTCBTC id=1\nfor i in 1..2 { cancel LTCBTC id=$r.orderId }")
        #expect(fields.status == .completed)
        let missing = await harness.run("let r = cancel LTCBTC id=1\nfor i in 1..2 { cancel LTCBTC id=$r.orderid }")
        #expect(missing.isUsageRefusal) // an argument that cannot be evaluated: nothing was sent
        #expect(missing.diagnostics.first?.headline == "t.bnc:2:34: error: $r has no field 'orderid'")
    }

    @Test func dryRunValueIsBuiltWhenBoundShownOrLoopedOver() async {
        let harness = Harness()
        let outcome = await harness.run(
            """
            let r = cancel LTCBTC id=28
            print $r.operation $r.timestamp $r.weight $r.marginMode $r.apiKey
            $r
            """)
        #expect(outcome.status == .completed)
        #expect(harness.output.printed == ["margin cancel 1499827319559 10 cross vmPU…Eh8A"])
        let request = harness.output.requests[0]
        let expected = Value(json: request.dryRunJSON(baseURL: "https://api.binance.com"))
        #expect(harness.session.variable("r") == expected)
        let shown = harness.output.outputs.compactMap { output -> Value? in
            if case .value(let value, _) = output { return value }
            return nil
        }
        #expect(shown == [expected])
    }

    @Test func aLazyDryRunReplyEqualsAnEagerOne() throws {
        let request = try RequestBuilder(credentials: DemoCredentials.hmac).prepare(
            CancelMarginOrder(symbol: "LTCBTC", isIsolated: true, orderId: 7), timestamp: 1_499_827_319_559)
        let lazy = OperationReply(dryRun: request, baseURL: "https://x")
        let eager = OperationReply(
            value: Value(json: request.dryRunJSON(baseURL: "https://x")), request: request, response: nil, isDryRun: true,
            baseURL: "https://x")
        #expect(lazy.value == eager.value)
        #expect(lazy.isDryRun && lazy.response == nil && lazy.events.isEmpty)
        var replaced = lazy
        replaced.value = .integer(1)
        #expect(replaced.value == .integer(1))
    }

    @Test func thePlanKeepsLiteralsAndEvaluatesVariables() throws {
        let source = SourceFile(name: "t.bnc", text: "cancel LTCBTC id=$id isolated recv=5000")
        let (statements, diagnostics) = Parser.parse(source, commandNames: Set(CommandCatalog.standard.commandNames))
        #expect(diagnostics.isEmpty)
        guard case .command(let call) = statements.first?.kind else {
            Issue.record("not a command")
            return
        }
        let binder = CommandBinder(catalog: .standard, source: source)
        let plan = try #require(CommandPlan(call: call, binder: binder))
        #expect(plan.slots.map(\.name) == ["symbol", "id", "isolated", "recv"])
        #expect(plan.slots.map(\.constant) == [.text("LTCBTC"), nil, .bool(true), .integer(5000)])
        var evaluated = 0
        let operation = plan.operation { _ in
            evaluated += 1
            return .integer(42)
        }
        #expect(evaluated == 1)
        #expect(
            operation as? CancelMarginOrder
                == CancelMarginOrder(symbol: "LTCBTC", isIsolated: true, orderId: 42, recvWindow: 5000))
        #expect(plan.operation { _ in nil } == nil)
        #expect(plan.operation { _ in .integer(0) } == nil)
    }

    @Test func aCallThatDoesNotMatchHasNoPlan() {
        let source = SourceFile(name: "t.bnc", text: "cancel LTCBTC id=1 id=2")
        let (statements, _) = Parser.parse(source, commandNames: Set(CommandCatalog.standard.commandNames))
        guard case .command(let call) = statements.first?.kind else {
            Issue.record("not a command")
            return
        }
        #expect(CommandPlan(call: call, binder: CommandBinder(catalog: .standard, source: source)) == nil)
    }
}
