import Testing

@testable import Script

/// The exact text of every kind of diagnostic: `FILE:LINE:COL: error: message`, the source
/// line, a caret line under the offending token, and the hint.
@Suite struct DiagnosticGoldenTests {
    let harness = Harness()

    func check(_ script: String, _ expected: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(harness.checkText(script) == expected, sourceLocation: sourceLocation)
    }

    @Test func unknownCommandSuggestsTheClosest() {
        check(
            "cancle LTCBTC id=28",
            """
            t.bnc:1:1: error: unknown command 'cancle'
            cancle LTCBTC id=28
            ^~~~~~
            hint: did you mean 'cancel'?
            """)
    }

    @Test func unknownCommandWithNothingCloseListsTheCommands() {
        check(
            "frobnicate LTCBTC",
            """
            t.bnc:1:1: error: unknown command 'frobnicate'
            frobnicate LTCBTC
            ^~~~~~~~~~
            hint: commands: \(CommandCatalog.standard.commandNames.joined(separator: ", ")); statements: let, param, print, for, parallel, repeat, if, try, sleep, fail
            """)
    }

    @Test func unknownArgument() {
        check(
            "cancel LTCBTC ids=28",
            """
            t.bnc:1:15: error: unknown argument 'ids' for 'cancel'
            cancel LTCBTC ids=28
                          ^~~
            hint: did you mean 'id='?
            """)
    }

    @Test func repeatedArgumentThroughItsAlias() {
        check(
            "cancel LTCBTC id=28 orderId=29",
            """
            t.bnc:1:21: error: argument 'id' is given more than once
            cancel LTCBTC id=28 orderId=29
                                ^~~~~~~~~~
            hint: orderId= and id= are the same argument; give it once
            """)
    }

    @Test func wrongType() {
        check(
            "cancel LTCBTC id=abc",
            """
            t.bnc:1:18: error: argument 'id' expects an integer, got 'abc'
            cancel LTCBTC id=abc
                             ^~~
            hint: id= takes the exchange's numeric order id; use cid= for a client order id
            """)
    }

    @Test func wrongTypeNamesTheArgumentAsWritten() {
        check(
            "cancel LTCBTC id=28 isIsolated=MAYBE",
            """
            t.bnc:1:32: error: argument 'isIsolated' expects TRUE or FALSE, got 'MAYBE'
            cancel LTCBTC id=28 isIsolated=MAYBE
                                           ^~~~~
            """)
    }

    @Test func missingRequiredArgument() {
        check(
            "cancel id=28",
            """
            t.bnc:1:1: error: missing required argument SYMBOL for 'cancel'
            cancel id=28
            ^~~~~~
            hint: usage: cancel SYMBOL (id=N | cid=TEXT) [isolated | spot] [newcid=TEXT] [only=new|partial] [recv=MS]
            """)
    }

    @Test func undefinedVariable() {
        check(
            "let symbol = LTCBTC\ncancel $sym id=1",
            """
            t.bnc:2:8: error: undefined variable '$sym'
            cancel $sym id=1
                   ^~~~
            hint: did you mean '$symbol'?
            """)
    }

    @Test func undefinedVariableInsideAString() {
        check(
            "print \"done for ${sym}\"",
            """
            t.bnc:1:17: error: undefined variable '$sym'
            print "done for ${sym}"
                            ^~~~~~
            hint: define it first with 'let sym = ...', or pass it with --set sym=VALUE
            """)
    }

    @Test func unterminatedString() {
        check(
            "print \"abc",
            """
            t.bnc:1:7: error: unterminated string
            print "abc
                  ^~~~
            hint: close the string with "
            """)
    }

    @Test func unterminatedBlockPointsAtItsBrace() {
        check(
            "for x in 1..3 {\n  print $x\n",
            """
            t.bnc:1:15: error: unterminated block: this '{' is never closed
            for x in 1..3 {
                          ^
            hint: add '}' to close it
            """)
    }

    @Test func validationErrorsPointAtTheirArgument() {
        check(
            "cancel LTCBTC id=1 recv=0",
            """
            t.bnc:1:20: error: recvWindow 0 is out of range: it must be between 1 and 60000 ms
            cancel LTCBTC id=1 recv=0
                               ^~~~~~
            hint: the exchange caps recvWindow at 60000; fix the clock (see `time`) rather than widening it
            """)
        check(
            "cancel BTC/USDT id=1",
            """
            t.bnc:1:8: error: malformed symbol 'BTC/USDT': expected 1-20 letters or digits, like LTCBTC
            cancel BTC/USDT id=1
                   ^~~~~~~~
            hint: symbols are written without a separator: BTCUSDT, not BTC/USDT
            """)
        check(
            "cancel LTCBTC",
            """
            t.bnc:1:1: error: either orderId (id=) or origClientOrderId (cid=) must be sent
            cancel LTCBTC
            ^~~~~~
            hint: add id=ORDER_ID or cid=CLIENT_ORDER_ID
            """)
        check(
            "cancel LTCBTC id=0",
            """
            t.bnc:1:15: error: orderId 0 is out of range: it must be between 1 and 9223372036854775807
            cancel LTCBTC id=0
                          ^~~~
            """)
        check(
            "cancel LTCBTC id=99999999999999999999",
            """
            t.bnc:1:18: error: orderId 99999999999999999999 is out of range: it must be between 1 and 9223372036854775807
            cancel LTCBTC id=99999999999999999999
                             ^~~~~~~~~~~~~~~~~~~~
            """)
    }

    @Test func misspelledFlag() {
        check(
            "cancel LTCBTC id=1 isolatd",
            """
            t.bnc:1:20: error: unexpected argument 'isolatd'
            cancel LTCBTC id=1 isolatd
                               ^~~~~~~
            hint: did you mean 'isolated'?
            """)
    }

    /// A command with no positional argument says how its arguments are written (the hint read
    /// "isolated-account takes  first").
    @Test func aBareValueToACommandWithoutPositionals() {
        check(
            "isolated-account LTCBTC",
            """
            t.bnc:1:18: error: unexpected argument 'LTCBTC'
            isolated-account LTCBTC
                             ^~~~~~
            hint: isolated-account takes every argument as name=value: isolated-account [symbols="SYMBOL,…"] [recv=MS]
            """)
    }

    /// A command without arguments says so (the hint read "exchange-info takes: ").
    @Test func anArgumentToACommandWithoutArguments() {
        check(
            "exchange-info symbols=LTCBTC",
            """
            t.bnc:1:15: error: unknown argument 'symbols' for 'exchange-info'
            exchange-info symbols=LTCBTC
                          ^~~~~~~
            hint: exchange-info takes no arguments
            """)
        check(
            "time LTCBTC",
            """
            t.bnc:1:6: error: unexpected argument 'LTCBTC'
            time LTCBTC
                 ^~~~~~
            hint: time takes no arguments
            """)
    }

    /// `$x[0]` was read as `$x` followed by the list `[0]` and printed both; it is an error that
    /// says how elements and fields are reached.
    @Test func bracketsAfterAVariable() {
        check(
            "let x = [1, 2]\nprint $x[1]",
            """
            t.bnc:2:9: error: '[' right after $x: elements are not reached with brackets
            print $x[1]
                    ^
            hint: write $x.1
            """)
        check(
            "let r = 1\nprint $r.a[\"status\"]",
            """
            t.bnc:2:11: error: '[' right after $r.a: elements are not reached with brackets
            print $r.a["status"]
                      ^
            hint: write $r.a.status
            """)
        check(
            "let x = [1]\nprint $x[$i]",
            """
            t.bnc:2:9: error: '[' right after $x: elements are not reached with brackets
            print $x[$i]
                    ^
            hint: elements and fields follow a dot: $x.0 for the first element, $x.count for the count
            """)
    }

    @Test func caretsKeepTabsAligned() {
        check(
            "\tcancel LTCBTC id=x",
            "t.bnc:1:19: error: argument 'id' expects an integer, got 'x'\n\tcancel LTCBTC id=x\n\t                 ^\n"
                + "hint: id= takes the exchange's numeric order id; use cid= for a client order id")
    }

    @Test func everyErrorOfAScriptIsReportedInOrder() {
        let script = """
            let sym = LTCBTC
            cancle $sym id=1
            cancel $sym id=abc
            print $nope
            cancel $sym id=5 recv=70000
            """
        let diagnostics = harness.session.check(script, file: "t.bnc")
        #expect(
            diagnostics.map(\.headline) == [
                "t.bnc:2:1: error: unknown command 'cancle'",
                "t.bnc:3:16: error: argument 'id' expects an integer, got 'abc'",
                "t.bnc:4:7: error: undefined variable '$nope'",
                "t.bnc:5:18: error: recvWindow 70000 is out of range: it must be between 1 and 60000 ms"
            ])
    }

    @Test func syntaxErrorsRecoverAtTheNextStatement() {
        let script = """
            let = 3
            if $x == 1 { print "a" } else print "b"
            repeat 2 { print [1, 2 }
            print ok
            cancel LTCBTC id=1 | 2
            """
        let headlines = harness.session.check(script, file: "t.bnc").map(\.headline)
        #expect(
            headlines == [
                "t.bnc:1:5: error: expected a variable name after 'let', found '='",
                "t.bnc:2:31: error: expected '{' after else, found 'print'",
                "t.bnc:3:24: error: expected ',' or ']' in list, found '}'",
                "t.bnc:5:20: error: unexpected character '|'",
                "t.bnc:5:22: error: unexpected argument '2'"
            ])
    }

    @Test func colourRenderingWrapsTheHeadlineAndCaret() {
        let diagnostic = harness.session.check("cancel LTCBTC id=abc", file: "t.bnc")[0]
        let coloured = DiagnosticRenderer.render(diagnostic, colour: true)
        #expect(coloured.contains("\u{1B}[31merror:"))
        #expect(coloured.contains("\u{1B}[32m^~~\u{1B}[0m"))
        #expect(!diagnostic.rendered.contains("\u{1B}"))
    }
}
