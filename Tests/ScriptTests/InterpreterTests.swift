import BinanceAPI
import Foundation
import Testing

@testable import Script

@Suite struct InterpreterTests {
    @Test func variablesInterpolationAndFields() async {
        let host = ScriptedHost()
        let harness = Harness(host: host)
        let outcome = await harness.run(
            """
            let sym = "LTCBTC"   # a comment
            let r = cancel $sym id=29
            print $r.status $r.executedQty "done for ${sym}" 'no $sym here' "$r.orderId"
            """)
        #expect(outcome.status == .completed)
        #expect(harness.output.printed == ["CANCELED 0.50000000 done for LTCBTC no $sym here 29"])
        #expect(host.performed == [CancelMarginOrder(symbol: "LTCBTC", orderId: 29)])
    }

    @Test func everyCancelArgumentAndAlias() async {
        let host = ScriptedHost()
        let harness = Harness(host: host)
        let outcome = await harness.run(
            """
            cancel LTCBTC cid=myOrder1 newcid=undo-1 recv=5000 isolated
            cancel symbol=BTCUSDT orderId=7 origClientOrderId=x newClientOrderId=y recvWindow=100 isIsolated=FALSE
            cancel ETHBTC id="12" isIsolated=TRUE
            """)
        #expect(outcome.status == .completed)
        #expect(
            host.performed == [
                CancelMarginOrder(
                    symbol: "LTCBTC", isIsolated: true, origClientOrderId: "myOrder1", newClientOrderId: "undo-1",
                    recvWindow: 5000),
                CancelMarginOrder(
                    symbol: "BTCUSDT", isIsolated: false, orderId: 7, origClientOrderId: "x", newClientOrderId: "y",
                    recvWindow: 100),
                CancelMarginOrder(symbol: "ETHBTC", isIsolated: true, orderId: 12)
            ])
    }

    @Test func loopsOverRangesListsAndRepeat() async {
        let host = ScriptedHost()
        let harness = Harness(host: host)
        let outcome = await harness.run(
            """
            for id in 28..30 { cancel LTCBTC id=$id }
            for id in [31, 35] {
              cancel LTCBTC id=$id
            }
            let n = 0
            repeat 3 { print "tick" }
            for x in 3..1 { print "never" }
            """)
        #expect(outcome.status == .completed)
        #expect(host.performed.map(\.orderId) == [28, 29, 30, 31, 35])
        #expect(harness.output.printed == ["tick", "tick", "tick"])
        #expect(outcome.requestsPerformed == 5)
    }

    @Test func conditionsComparisonsAndBooleans() async {
        let harness = Harness(host: ScriptedHost())
        let outcome = await harness.run(
            """
            let r = cancel LTCBTC id=1
            if $r.status == "CANCELED" { print "ok" } else { print "still open" }
            if $r.executedQty > 0 and not ($r.status != CANCELED) { print "partly filled" }
            if $r.executedQty == 0.5 { print "exact" }
            if 10 < 9 || false { print "no" } else if "abc" < "abd" { print "strings" } else { print "no" }
            if $r.origQty >= 2 && true { print "qty" }
            print 1.10 == 1.1 "2" == 2 [1, 2] == [1, 2]
            """)
        #expect(outcome.status == .completed)
        #expect(harness.output.printed == ["ok", "partly filled", "exact", "strings", "qty", "true true true"])
    }

    @Test func decimalsStayExactAsWritten() async {
        let harness = Harness()
        _ = await harness.run("let q = 0.10000000\nprint $q [0.1, 12345678901234567890.000000001]")
        #expect(harness.output.printed == ["0.10000000 [0.1,12345678901234567890.000000001]"])
    }

    @Test func listFieldsAndRangeFields() async {
        let harness = Harness()
        let outcome = await harness.run(
            """
            let l = [30, 31, 35]
            let r = 5..9
            print $l.count $l.first $l.last $l.1 $r.count $r.first $r.last
            """)
        #expect(outcome.status == .completed)
        #expect(harness.output.printed == ["3 30 35 31 5 5 9"])
    }

    @Test func tryOnErrorBindsTheExchangeError() async {
        let host = ScriptedHost(failures: [29: ExchangeError(code: -2011, message: "Unknown order sent.", httpStatus: 400)])
        let harness = Harness(host: host)
        let outcome = await harness.run(
            """
            for id in 28..30 {
              try {
                cancel LTCBTC id=$id
                print "canceled $id"
              } on error e {
                print "failed $id:" $e.code $e.name $e.msg $e.kind $e.status
              }
            }
            """)
        #expect(outcome.status == .completed)
        #expect(
            harness.output.printed == [
                "canceled 28", "failed 29: -2011 CANCEL_REJECTED Unknown order sent. exchange 400", "canceled 30"
            ])
    }

    @Test func anUncaughtFailureStopsWithExitOneAndItsLocation() async {
        let host = ScriptedHost(failures: [29: ExchangeError(code: -2011, message: "Unknown order sent.", httpStatus: 400)])
        let harness = Harness(host: host)
        let outcome = await harness.run("for id in 28..30 {\n  cancel LTCBTC id=$id\n}\nprint after")
        #expect(outcome.failure != nil)
        #expect(outcome.isRuntimeStop)
        #expect(host.performed.map(\.orderId) == [28, 29])
        #expect(harness.output.printed.isEmpty)
        let diagnostic = try! #require(outcome.diagnostics.first)
        #expect(diagnostic.headline == "t.bnc:2:3: error: exchange error -2011 CANCEL_REJECTED: Unknown order sent.")
        #expect(diagnostic.hint?.contains("already filled or canceled") == true)
        #expect(outcome.summary == "stopped at t.bnc:2:3: 3 statements run, 2 requests performed")
    }

    @Test func runtimeValidationUsesTheSameFormatAndExitTwo() async {
        let harness = Harness(host: ScriptedHost())
        let outcome = await harness.run("for id in 0..1 { cancel LTCBTC id=$id }")
        #expect(outcome.isUsageRefusal)
        #expect(
            outcome.diagnostics.map(\.rendered) == [
                """
                t.bnc:1:32: error: orderId 0 is out of range: it must be between 1 and 9223372036854775807
                for id in 0..1 { cancel LTCBTC id=$id }
                                               ^~~~~~
                """
            ])
    }

    @Test func runtimeFieldErrorSuggestsTheField() async {
        let harness = Harness(host: ScriptedHost())
        let outcome = await harness.run("let r = cancel LTCBTC id=1\nprint $r.stauts")
        #expect(outcome.isRuntimeStop)
        #expect(
            outcome.diagnostics.first?.rendered == """
                t.bnc:2:7: error: $r has no field 'stauts'
                print $r.stauts
                      ^~~~~~~~~
                hint: did you mean '$r.status'?
                """)
    }

    @Test func checkErrorsRunNothing() async {
        let host = ScriptedHost()
        let harness = Harness(host: host)
        let outcome = await harness.run("cancel LTCBTC id=1\ncancel LTCBTC id=2\ncancel LTCBTC id=x")
        #expect(outcome.status == .rejected)
        #expect(outcome.isUsageRefusal)
        #expect(host.performed.isEmpty)
        #expect(harness.events.events.isEmpty)
    }

    @Test func variablesPersistAcrossInputs() async {
        let harness = Harness()
        _ = await harness.run("let sym = BTCUSDT")
        _ = await harness.run("let n = 3")
        #expect(harness.session.variableNames == ["dryrun", "n", "sym"])
        let outcome = await harness.run("print $sym $n")
        #expect(outcome.status == .completed)
        #expect(harness.output.printed == ["BTCUSDT 3"])
    }

    @Test func paramsTakeSetValuesOrDefaults() async {
        let given = Harness(variables: ["sym": .string("ETHBTC")])
        _ = await given.run("param sym = LTCBTC\nparam n = 2\nprint $sym $n")
        #expect(given.output.printed == ["ETHBTC 2"])
        let missing = Harness()
        let outcome = await missing.run("param sym\nprint $sym")
        #expect(outcome.isUsageRefusal)
        #expect(outcome.diagnostics.first?.headline == "t.bnc:1:7: error: missing parameter 'sym'")
        #expect(outcome.diagnostics.first?.hint == "pass it with --set sym=VALUE")
    }

    @Test func failStopsAndIsCatchable() async {
        let harness = Harness()
        let outcome = await harness.run("try { fail \"boom\" } on error { print $error.msg $error.kind }\nfail \"stop here\"")
        #expect(harness.output.printed == ["boom script"])
        #expect(outcome.isRuntimeStop)
        #expect(outcome.diagnostics.first?.headline == "t.bnc:2:1: error: stop here")
    }

    @Test func interruptStopsBetweenStatementsAndReports() async {
        let flag = InterruptFlag()
        let host = ScriptedHost(interruptAfter: (3, flag))
        let harness = Harness(host: host, interrupt: flag)
        let outcome = await harness.run("for id in 1..1000000 { cancel LTCBTC id=$id }")
        #expect(outcome.status == .interrupted)
        #expect(outcome.isRuntimeStop)
        #expect(host.performed.count == 3)
        #expect(outcome.summary == "interrupted before t.bnc:1:1: 4 statements run, 3 requests performed")
    }

    @Test func eventsSeeEachStatementBeforeItRuns() async {
        let harness = Harness(host: ScriptedHost())
        _ = await harness.run("let s = LTCBTC\nfor id in 1..2 {\n  cancel $s id=$id\n}")
        let events = harness.events.events
        #expect(events.map(\.line) == [1, 2, 3, 3])
        #expect(
            events.map(\.text) == [
                "let s = LTCBTC", "for id in 1..2 {\n  cancel $s id=$id\n}", "cancel $s id=$id", "cancel $s id=$id"
            ])
        #expect(events.allSatisfy { $0.file == "t.bnc" })
    }

    @Test func stepLimitStopsRunawayLoops() async {
        let harness = Harness(limits: ExecutionLimits(maximumStatements: 50))
        let outcome = await harness.run("repeat 1000000 { let x = 1 }")
        #expect(outcome.isRuntimeStop)
        #expect(outcome.statementsRun == 25)
        // A loop with nothing in it still stops: iterations count too.
        let empty = await harness.run("for i in 1..9223372036854775807 { }")
        #expect(empty.isRuntimeStop)
        #expect(empty.diagnostics.first?.message == "stopped: the limit of 50 steps (statements and loop iterations) was reached")
    }

    @Test func interruptStopsAnEmptyLoop() async {
        let flag = InterruptFlag()
        let harness = Harness(interrupt: flag)
        // A plain thread, as a signal handler would be: the loop keeps a cooperative thread busy.
        Thread.detachNewThread {
            usleep(50_000)
            flag.raise()
        }
        let outcome = await harness.run("repeat 9223372036854775807 { }")
        #expect(outcome.status == .interrupted)
    }

    @Test func dryRunValueIsTheRequestRecord() async {
        let harness = Harness()
        let outcome = await harness.run("let r = cancel LTCBTC id=28 isolated\nprint $r.method $r.path $r.query")
        #expect(outcome.status == .completed)
        #expect(
            harness.output.printed == [
                "DELETE /sapi/v1/margin/order symbol=LTCBTC&isIsolated=TRUE&orderId=28&timestamp=1499827319559"
            ])
        guard case .record(let record) = harness.session.variable("r") else {
            Issue.record("r is not a record")
            return
        }
        for field in ["method", "path", "query", "signature", "url"] { #expect(record[field] != nil) }
        #expect(record["url"]?.text.hasPrefix("https://api.binance.com/sapi/v1/margin/order?symbol=LTCBTC") == true)
    }

    @Test func typeErrorsAtRunTime() async {
        let harness = Harness()
        let repeatOutcome = await harness.run("let n = abc\nrepeat $n { print x }")
        #expect(
            repeatOutcome.diagnostics.first?.headline == "t.bnc:2:8: error: the repeat count must be an integer, got string 'abc'"
        )
        let ifOutcome = await harness.run("if $n { print x }")
        #expect(ifOutcome.diagnostics.first?.headline == "t.bnc:1:4: error: expected true or false, got string 'abc'")
        let compare = await harness.run("print $n < 3")
        #expect(compare.diagnostics.first?.headline == "t.bnc:1:7: error: cannot compare string 'abc' with integer '3' using '<'")
        let loop = await harness.run("for x in 5 { print $x }")
        #expect(loop.diagnostics.first?.headline == "t.bnc:1:10: error: cannot loop over integer '5'")
    }

    @Test func dryrunVariableTellsTheMode() async {
        let dry = Harness()
        _ = await dry.run("if $dryrun { print dry } else { print live }")
        #expect(dry.output.printed == ["dry"])
        let live = Harness(host: ScriptedHost())
        _ = await live.run("if $dryrun { print dry } else { print live }")
        #expect(live.output.printed == ["live"])
        #expect(live.session.check("print $dryrun", file: "t.bnc").isEmpty)
    }

    @Test func extremeRangesDoNotOverflow() async {
        let harness = Harness(limits: ExecutionLimits(maximumStatements: 10))
        let outcome = await harness.run(
            """
            let r = -9223372036854775808..9223372036854775807
            print $r.count $r.first
            for i in 9223372036854775806..9223372036854775807 { print $i }
            """)
        #expect(outcome.status == .completed, "\(outcome.diagnostics.map(\.rendered))")
        #expect(
            harness.output.printed == ["9223372036854775807 -9223372036854775808", "9223372036854775806", "9223372036854775807"])
        let printed = await harness.run("print -5..9223372036854775807")
        #expect(printed.status == .completed)
    }

    @Test func valuesCannotNestWithoutBound() async {
        let harness = Harness()
        let outcome = await harness.run("let a = 1\nrepeat 100000 { let a = [$a] }\nprint $a")
        #expect(outcome.isRuntimeStop)
        #expect(outcome.diagnostics.first?.headline == "t.bnc:2:25: error: list is nested too deeply (more than 64 levels)")
    }
}
