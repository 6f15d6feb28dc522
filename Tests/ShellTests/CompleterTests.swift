import Testing

@testable import Shell

@Suite("Completer: words, arguments, variables, symbols, files")
struct CompleterTests {
    static let catalog = CompletionCatalog(
        commands: [
            .init(
                name: "cancel", positionals: ["symbol"],
                arguments: [
                    .init(name: "id", takesValue: true), .init(name: "cid", takesValue: true),
                    .init(name: "newcid", takesValue: true), .init(name: "recv", takesValue: true),
                    .init(name: "isolated", takesValue: false), .init(name: "orderId", takesValue: true),
                    .init(name: "origClientOrderId", takesValue: true)
                ]),
            .init(name: "print")
        ],
        keywords: ["let", "for", "if", "repeat"]
    )

    let completer = Completer(
        catalog: CompleterTests.catalog,
        variables: ["sym", "symbols", "r"],
        symbols: ["LTCBTC", "BTCUSDT", "LTCUSDT"],
        listDirectory: { directory in
            switch directory {
            case "":
                return [
                    .init(name: "close.bnc", isDirectory: false), .init(name: "examples", isDirectory: true),
                    .init(name: ".hidden.bnc", isDirectory: false)
                ]
            case "examples/":
                return [.init(name: "cancel-range.bnc", isDirectory: false), .init(name: "cancel-one.bnc", isDirectory: false)]
            default: return nil
            }
        }
    )

    @Test("a unique command word completes with a trailing space")
    func commandWord() {
        let completion = completer.complete("can")
        #expect(completion.word == "can")
        #expect(completion.candidates == ["cancel"])
        #expect(completion.replacement == "cancel ")
    }

    @Test("an empty line lists every statement word, shell commands included")
    func everyWord() {
        let completion = completer.complete("")
        #expect(
            completion.candidates == [
                "cancel", "clear", "doctor", "dry", "exit", "for", "help", "history", "if", "let", "print", "quit", "repeat",
                "run", "set",
                "vars", "weight", "why"
            ])
        #expect(completion.shouldList)
    }

    @Test("argument names of the command at the cursor: `cancel LTCBTC i` lists id= and isolated")
    func argumentNames() {
        let completion = completer.complete("cancel LTCBTC i")
        #expect(completion.candidates == ["id=", "isolated"])
        #expect(completion.replacement == "i")
        #expect(completion.shouldList)
    }

    @Test("a unique value argument completes to name= with no space; a flag gets a space")
    func uniqueArguments() {
        #expect(completer.complete("cancel LTCBTC ne").replacement == "newcid=")
        #expect(completer.complete("cancel LTCBTC id=28 is").replacement == "isolated ")
        #expect(completer.complete("cancel LTCBTC orig").replacement == "origClientOrderId=")
    }

    @Test("arguments already given are not offered again")
    func givenArguments() {
        #expect(completer.complete("cancel LTCBTC id=28 i").candidates == ["isolated"])
    }

    @Test("variable names after $, also inside ${…}")
    func variables() {
        let completion = completer.complete("cancel $s")
        #expect(completion.candidates == ["$sym", "$symbols"])
        #expect(completion.replacement == "$sym")
        #expect(completer.complete("print \"${sy").candidates == ["${sym}", "${symbols}"])
        #expect(completer.complete("print $r").replacement == "$r")
    }

    @Test("symbols seen in the session complete where the symbol goes, case-insensitively")
    func symbols() {
        #expect(completer.complete("cancel LTC").candidates == ["LTCBTC", "LTCUSDT"])
        #expect(completer.complete("cancel ltc").replacement == "LTC")
        #expect(completer.complete("cancel btc").replacement == "BTCUSDT ")
        #expect(completer.complete("cancel LTCBTC LTC").candidates == [])
    }

    @Test("commands inside a block and after `let x =` complete too")
    func nestedStatements() {
        #expect(completer.complete("for id in 1..3 { can").replacement == "cancel ")
        #expect(completer.complete("for id in 1..3 { cancel LTCBTC iso").replacement == "isolated ")
        #expect(completer.complete("let r = cancel LTCBTC re").replacement == "recv=")
        #expect(completer.complete("let r = ca").replacement == "cancel ")
        #expect(!completer.complete("for id in 1..3 { ").candidates.contains("exit"))
    }

    @Test("file names after run: directories get a slash, hidden files only when asked")
    func files() {
        #expect(completer.complete("run cl").replacement == "close.bnc ")
        #expect(completer.complete("run ex").replacement == "examples/")
        #expect(completer.complete("run examples/cancel-").candidates == ["examples/cancel-one.bnc", "examples/cancel-range.bnc"])
        #expect(completer.complete("run .h").candidates == [".hidden.bnc"])
        #expect(completer.complete("run missing/x").candidates == [])
    }

    @Test("help completes command names; dry completes on/off")
    func shellCommandOperands() {
        #expect(completer.complete("help ca").replacement == "cancel ")
        #expect(completer.complete("dry o").candidates == ["off", "on"])
        #expect(completer.complete("dry of").replacement == "off ")
    }

    @Test("nothing to offer leaves the word as it is")
    func nothing() {
        let completion = completer.complete("cancel LTCBTC zz")
        #expect(completion.candidates.isEmpty)
        #expect(completion.replacement == "zz")
        #expect(!completion.shouldList)
    }

    @Test("the candidate list is laid out in columns that fit the width")
    func listLayout() {
        let text = CompletionList.format(["cancel", "clear", "dry", "exit", "for"], width: 30)
        #expect(text == "cancel  dry     for\nclear   exit\n")
        #expect(CompletionList.format(["a-very-long-candidate"], width: 5) == "a-very-long-candidate\n")
        #expect(CompletionList.format([], width: 80) == "")
    }
}

@Suite("Completion of request METHOD PATH")
struct RequestCompletionTests {
    let completer = Completer(catalog: CompletionCatalog(.standard))

    @Test("the method first: every method of the REST API, typed in any case, completed in upper case")
    func methods() {
        #expect(completer.complete("request ").candidates == ["DELETE", "GET", "POST", "PUT"])
        #expect(completer.complete("request de").replacement == "DELETE ")
        #expect(completer.complete("let r = request G").replacement == "GET ")
        #expect(completer.complete("request P").candidates == ["POST", "PUT"])
        #expect(completer.complete("request X").candidates.isEmpty)
    }

    @Test("then the documented paths of that method, and nothing that request would refuse")
    func paths() {
        let deletes = completer.complete("request DELETE /sapi/v1/margin/").candidates
        #expect(deletes == ["/sapi/v1/margin/openOrders", "/sapi/v1/margin/order", "/sapi/v1/margin/orderList"])
        #expect(completer.complete("request get /sapi/v1/account/apiR").replacement == "/sapi/v1/account/apiRestrictions ")
        #expect(completer.complete("request GET /api/v3/ti").replacement == "/api/v3/time ")
        // The only POST in the table is the simulator's control endpoint, which request refuses.
        #expect(completer.complete("request POST /").candidates.isEmpty)
        let gets = completer.complete("request GET /").candidates
        #expect(gets.contains("/api/v3/exchangeInfo") && gets.contains("/sapi/v1/margin/isolated/account"))
    }

    @Test("after the path: the command's arguments")
    func arguments() {
        #expect(completer.complete("request GET /api/v3/time s").replacement == "signed ")
        #expect(completer.complete("let t = request GET /api/v3/time w").replacement == "weight=")
        #expect(completer.complete("request GET /api/v3/time w").candidates == ["weight=", "wide"])
    }
}
