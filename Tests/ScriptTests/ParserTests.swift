import BinanceAPI
import Testing

@testable import Script

@Suite struct ParserTests {
    func parse(_ text: String) -> ([Statement], [Diagnostic]) {
        Parser.parse(SourceFile(name: "t.bnc", text: text), commandNames: ["cancel"])
    }

    @Test func commandArgumentsKeepTheirShape() throws {
        let (statements, diagnostics) = parse("cancel $sym id=28 isolated cid=\"a b\"")
        #expect(diagnostics.isEmpty)
        guard case .command(let call) = statements.first?.kind else {
            Issue.record("not a command")
            return
        }
        #expect(call.name == "cancel")
        #expect(call.arguments.map(\.name) == [nil, "id", nil, "cid"])
        #expect(call.arguments[0].value.kind == .variable(name: "sym", fields: []))
        #expect(call.arguments[1].value.kind == .integer("28"))
        #expect(call.arguments[2].value.kind == .word("isolated"))
        #expect(call.arguments[3].value.kind == .string([.text("a b")]))
    }

    @Test func letBindsACommandOrAnExpression() {
        let (statements, diagnostics) = parse("let r = cancel LTCBTC id=1\nlet s = LTCBTC\nlet t = cancle X id=1\nlet b = a == b")
        #expect(diagnostics.isEmpty)
        let values = statements.compactMap { statement -> AssignedValue? in
            if case .assignment(_, _, let value) = statement.kind { return value }
            return nil
        }
        guard values.count == 4 else {
            Issue.record("expected four assignments")
            return
        }
        if case .command(let call) = values[0] { #expect(call.name == "cancel") } else { Issue.record("0") }
        if case .expression(let e) = values[1] { #expect(e.kind == .word("LTCBTC")) } else { Issue.record("1") }
        // A word followed by arguments is a command, so a typo gets "unknown command".
        if case .command(let call) = values[2] { #expect(call.name == "cancle") } else { Issue.record("2") }
        if case .expression(let e) = values[3], case .comparison(.equal, _, _) = e.kind {} else { Issue.record("3") }
    }

    @Test func numbersWordsAndRanges() {
        let tokens = Lexer.tokenize(SourceFile(name: "t", text: "28 -5 1.50 28abc 30..40 undo-1 a.b $r.x.y ${v}")).tokens.map(
            \.kind)
        #expect(
            tokens == [
                .integer("28"), .integer("-5"), .decimal("1.50"), .word("28abc"), .integer("30"), .dotDot, .integer("40"),
                .word("undo-1"), .word("a.b"), .variable(name: "r", fields: ["x", "y"]), .variable(name: "v", fields: []), .end
            ])
    }

    @Test func blocksSpanLinesAndElseIf() {
        let (statements, diagnostics) = parse(
            """
            if $a == 1 {
              print one
            } else if $a == 2 {
              print two
            } else {
              print other
            }
            try {
              cancel X id=1
            } on error e {
              print $e.msg
            }
            """)
        #expect(diagnostics.isEmpty)
        #expect(statements.count == 2)
        if case .conditional(let branches, let otherwise) = statements[0].kind {
            #expect(branches.count == 2)
            #expect(otherwise?.count == 1)
        } else {
            Issue.record("not an if")
        }
        if case .tryBlock(let body, let name, let handler) = statements[1].kind {
            #expect(body.count == 1 && handler.count == 1 && name == "e")
        } else {
            Issue.record("not a try")
        }
    }

    @Test func elseOnTheNextLineIsExplained() {
        let (_, diagnostics) = parse("if true { print a }\nelse { print b }")
        #expect(diagnostics.first?.headline == "t.bnc:2:1: error: 'else' without 'if'")
        #expect(diagnostics.first?.hint?.contains("same line") == true)
    }

    @Test func deepNestingIsReportedNotCrashed() {
        let (_, listDiagnostics) = parse("print " + String(repeating: "[", count: 10_000))
        #expect(listDiagnostics.contains { $0.message.hasSuffix("nested too deeply") })
        let (_, blockDiagnostics) = parse(String(repeating: "repeat 1 { ", count: 5_000))
        #expect(!blockDiagnostics.isEmpty)
        let (_, notDiagnostics) = parse("print " + String(repeating: "not ", count: 10_000) + "true")
        #expect(notDiagnostics.contains { $0.message == "expression is nested too deeply" })
    }

    @Test func inputCompleteness() {
        let session = Harness().session
        #expect(session.isInputComplete("cancel LTCBTC id=1"))
        #expect(!session.isInputComplete("for id in 1..3 {"))
        #expect(!session.isInputComplete("for id in 1..3 {\n  cancel LTCBTC id=$id"))
        #expect(session.isInputComplete("for id in 1..3 {\n  cancel LTCBTC id=$id\n}"))
        #expect(!session.isInputComplete("print \"abc"))
        #expect(!session.isInputComplete("print [1,"))
        #expect(!session.isInputComplete("cancel LTCBTC \\"))
        #expect(session.isInputComplete("print \"{\" # {"))
        #expect(session.isInputComplete("}"))
    }

    @Test func lineContinuation() async {
        let harness = Harness()
        let outcome = await harness.run("print a \\\n  b")
        #expect(outcome.status == .completed)
        #expect(harness.output.printed == ["a b"])
    }

    @Test func shebangLineIsAComment() {
        let (statements, diagnostics) = parse("#!/usr/bin/env -S bnc run\nprint hi")
        #expect(diagnostics.isEmpty)
        #expect(statements.count == 1)
    }
}

@Suite struct ConcatenationTests {
    @Test func adjacentPiecesJoinIntoOneString() async {
        let host = ScriptedHost()
        let harness = Harness(host: host)
        let outcome = await harness.run(
            """
            let n = 7
            cancel LTCBTC id=$n newcid=undo-$n cid=grid-$n"-b"
            print x$n "a"'b' $n-$n
            print $n == 7 $n
            """)
        #expect(outcome.status == .completed, "\(outcome.diagnostics.map(\.rendered))")
        #expect(
            host.performed == [
                CancelMarginOrder(symbol: "LTCBTC", orderId: 7, origClientOrderId: "grid-7-b", newClientOrderId: "undo-7")
            ])
        #expect(harness.output.printed == ["x7 ab 7-7", "true 7"])
    }

    @Test func spacesSeparateArguments() {
        let diagnostics = Harness().session.check("let n = 1\ncancel LTCBTC id=$n newcid=undo- $n", file: "t.bnc")
        #expect(diagnostics.map(\.headline) == ["t.bnc:2:34: error: unexpected argument '$n'"])
    }
}

/// `wide` ends a statement whose output is shown (`open LTCBTC wide`, `$orders wide`): the
/// parser puts it on the statement, the checker refuses it anywhere else, and the interpreter
/// carries it to the output so scripts and `bnc -c` show every field as the shell does.
@Suite struct WideStatementTests {
    func parse(_ text: String) -> ([Statement], [Diagnostic]) {
        Parser.parse(SourceFile(name: "t.bnc", text: text), commandNames: ["cancel", "open"])
    }

    @Test func aLastWideBelongsToTheStatementNotTheCommand() throws {
        let (statements, diagnostics) = parse("open LTCBTC wide\n$o wide; open wide\nopen LTCBTC\nprint a wide")
        #expect(diagnostics.isEmpty)
        #expect(statements.map(\.isWide) == [true, true, true, false, false])
        guard case .command(let call) = statements[0].kind else {
            Issue.record("not a command")
            return
        }
        #expect(call.arguments.map(\.value.kind) == [.word("LTCBTC")])
        #expect(statements[0].text == "open LTCBTC wide") // logged and replayed as written
        #expect(statements[0].wideRange?.start.column == 13)
        // print prints its words: `wide` there is text.
        guard case .print(let values) = statements[4].kind else {
            Issue.record("not a print")
            return
        }
        #expect(values.map(\.kind) == [.word("a"), .word("wide")])
    }

    @Test func misplacedWideIsACheckError() {
        let check = { (text: String) in Harness().session.check(text, file: "t.bnc").map(\.headline) }
        #expect(
            check("let r = open LTCBTC wide")
                == ["t.bnc:1:21: error: 'wide' shows every field of a statement's output, and 'let' shows nothing"])
        #expect(
            check("open wide LTCBTC")
                == ["t.bnc:1:6: error: 'wide' goes at the end of the statement, after the command's arguments"])
        #expect(
            check("for o in open(LTCBTC wide) { print $o }")
                == ["t.bnc:1:22: error: 'wide' goes at the end of the statement, after the command's arguments"])
        #expect(
            check("sleep 5 wide") == ["t.bnc:1:9: error: 'wide' ends a command or a shown value, not this statement"])
        #expect(
            check("repeat 2 { open LTCBTC } wide")
                == ["t.bnc:1:26: error: 'wide' ends a command or a shown value, not this statement"])
        #expect(check("open LTCBTC wide\nlet o = 1\n$o wide\nprint $o wide").isEmpty)
        #expect(
            Harness().session.check("let r = open wide", file: "t.bnc").first?.hint == "show the value with every field: $r wide")
    }

    @Test func theOutputCarriesWide() async {
        let harness = Harness()
        let outcome = await harness.run("let n = 1\n$n wide\n$n\ntime wide\ntime")
        #expect(outcome.status == .completed, "\(outcome.diagnostics.map(\.rendered))")
        let flags = harness.output.outputs.compactMap { output -> Bool? in
            switch output {
            case .value(_, let wide): return wide
            case .reply(_, _, _, let wide): return wide
            default: return nil
            }
        }
        #expect(flags == [true, false, true, false])
    }
}
