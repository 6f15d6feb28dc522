import Script
import Testing

@testable import Shell

@Suite("help and completion come from the language's command table")
struct HelpTextTests {
    @Test("help cancel shows the syntax, every argument with its exchange name, the endpoint and an example")
    func helpCancel() throws {
        let text = try #require(HelpText.command("cancel", in: .standard))
        #expect(text.contains("cancel SYMBOL (id=N | cid=TEXT) [isolated | spot] [newcid=TEXT] [only=new|partial] [recv=MS]"))
        for argument in [
            "SYMBOL", "id=N (orderId=)", "cid=TEXT (origClientOrderId=)", "isolated (isIsolated=TRUE)",
            "newcid=TEXT (newClientOrderId=)", "recv=N (recvWindow=)"
        ] {
            #expect(text.contains(argument), "missing \(argument)")
        }
        #expect(text.contains("DELETE /sapi/v1/margin/order"))
        #expect(text.contains("Example: cancel LTCBTC id=28 isolated"))
        #expect(HelpText.command("nosuch", in: .standard) == nil)
    }

    @Test("the overview lists every command and every shell command")
    func overview() {
        let text = HelpText.overview(.standard)
        for word in CommandCatalog.standard.commandNames + ["vars", "dry on|off", "history", "clear", "exit, quit"] {
            #expect(text.contains(word), "missing \(word)")
        }
        #expect(HelpText.shellCommand("quit") == "exit, quit: leave the shell (Ctrl-D too) (a shell command)")
    }

    @Test("the completion catalog has cancel's symbol operand, short and long argument names")
    func completionCatalog() throws {
        let catalog = CompletionCatalog(CommandCatalog.standard)
        let cancel = try #require(catalog.command(named: "cancel"))
        #expect(cancel.positionals == ["symbol"])
        let named = cancel.arguments.map { "\($0.name) \($0.takesValue)" }
        #expect(named.contains("isolated false") && named.contains("isIsolated true"))
        #expect(named.contains("id true") && named.contains("orderId true"))
        let completion = Completer(catalog: catalog).complete("cancel LTCBTC i")
        #expect(completion.candidates == ["id=", "isIsolated=", "isolated"])
        #expect(catalog.keywords == CommandCatalog.statementKeywords)
    }

    @Test("request is in help, completion and the inline hint like every command")
    func request() throws {
        let text = try #require(HelpText.command("request", in: .standard))
        #expect(text.contains("request METHOD PATH [NAME=VALUE …] [signed] [weight=N]"))
        #expect(text.contains("Sends: METHOD PATH, as given (any endpoint, as given)"))
        let completer = Completer(catalog: CompletionCatalog(.standard))
        #expect(completer.complete("requ").candidates == ["request"])
        #expect(completer.complete("request GET /api/v3/time s").candidates == ["signed"])
        #expect(completer.complete("request GET /api/v3/time w").candidates.contains("weight="))
        #expect(SyntaxHint.hint(for: "request ", catalog: .standard) == "METHOD PATH [NAME=VALUE …] [signed] [weight=N] [wide]")
        #expect(
            SyntaxHint.hint(for: "request GET /api/v3/ticker/price symbol=LTCBTC ", catalog: .standard)
                == "[NAME=VALUE …] [signed] [weight=N] [wide]")
    }
}
