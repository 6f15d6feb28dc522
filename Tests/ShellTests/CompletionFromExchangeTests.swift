import BinanceAPI
import Foundation
import Script
import Testing

@testable import Shell

/// Completion of given arguments, of `id=`/`cid=` from open orders, of symbols from the
/// exchange's lists, and the inline syntax hint.
@Suite("Completion from the exchange, given arguments, inline hints")
struct CompletionFromExchangeTests {
    static let catalog = CompletionCatalog(.standard)
    static let orders = [
        Completer.OpenOrder(orderId: 28, clientOrderId: "myOrder1", side: "SELL", price: "1.00000000"),
        Completer.OpenOrder(orderId: 29, clientOrderId: "myOrder2", side: "BUY", price: "0.00150000"),
        Completer.OpenOrder(orderId: 30, clientOrderId: "ltcStop30", side: "SELL", price: "0.00180000")
    ]

    @Test("after id= neither cid=, orderId= nor origClientOrderId= is offered; after isIsolated=, not isolated")
    func givenArgumentsAndAlternatives() {
        let completer = Completer(catalog: Self.catalog)
        let afterId = completer.complete("cancel LTCBTC id=5 ").candidates
        #expect(!afterId.contains("cid=") && !afterId.contains("orderId=") && !afterId.contains("origClientOrderId="))
        #expect(!afterId.contains("id=") && afterId.contains("isolated") && afterId.contains("recv="))
        let afterOrigin = completer.complete("cancel LTCBTC origClientOrderId=x ").candidates
        #expect(!afterOrigin.contains("id=") && !afterOrigin.contains("cid="))
        let afterFlag = completer.complete("cancel LTCBTC isIsolated=TRUE ").candidates
        #expect(!afterFlag.contains("isolated"))
        #expect(CompletionCatalog.alternatives(in: "cancel SYMBOL (id=N | cid=TEXT) [isolated]") == [["id", "cid"]])
    }

    @Test("id= lists the symbol's open orders with side and price; the account follows `isolated`")
    func openOrderIds() {
        final class Asked: @unchecked Sendable { var calls: [String] = [] }
        let asked = Asked()
        let completer = Completer(
            catalog: Self.catalog,
            openOrders: { symbol, isolated in
                asked.calls.append(symbol + (isolated ? " isolated" : ""))
                return symbol == "LTCBTC" ? Self.orders : []
            })
        let all = completer.complete("cancel ltcbtc id=")
        #expect(all.candidates == ["id=28", "id=29", "id=30"])
        #expect(all.shouldList)
        #expect(
            all.labels == [
                "id=28  SELL 1.00000000  myOrder1", "id=29  BUY  0.00150000  myOrder2", "id=30  SELL 0.00180000  ltcStop30"
            ])
        #expect(completer.complete("cancel LTCBTC id=29").replacement == "id=29 ")
        #expect(completer.complete("cancel LTCBTC isolated cid=my").candidates == ["cid=myOrder1", "cid=myOrder2"])
        #expect(asked.calls == ["LTCBTC", "LTCBTC", "LTCBTC isolated"])
        // A client order id the exchange would not accept (control characters) never reaches the line.
        let hostile = Completer(
            catalog: Self.catalog,
            openOrders: { _, _ in
                [Completer.OpenOrder(orderId: 7, clientOrderId: "a\u{1B}]0;x\u{7}", side: "BUY", price: "1")] + Self.orders
            })
        #expect(hostile.complete("cancel LTCBTC cid=").candidates == ["cid=myOrder1", "cid=myOrder2", "cid=ltcStop30"])
        // No symbol yet, or a command that takes none: nothing is asked.
        #expect(completer.complete("cancel id=").candidates.isEmpty)
        #expect(asked.calls.count == 3)
    }

    @Test("symbol lists: arrays of pairs or exchangeInfo's object; malformed symbols and repeats are left out")
    func symbolLists() throws {
        let pairs = try SymbolList(
            json: JSONValue.parse(#"[{"symbol":"LTCBTC"},{"symbol":"BNB\u001b[2JBTC"},{"symbol":"LTCBTC"},{"id":3}]"#))
        #expect(pairs.symbols == ["LTCBTC"])
        let info = try SymbolList(
            json: JSONValue.parse(#"{"timezone":"UTC","symbols":[{"symbol":"ETHBTC"},{"symbol":"BTCUSDT"}]}"#))
        #expect(info.symbols == ["ETHBTC", "BTCUSDT"])
        #expect(throws: ResponseDecodingError.self) { try SymbolList(json: JSONValue.parse(#"{"symbols":3}"#)) }
    }

    @Test("the symbol cache: one file per list and base URL, fresh for 24 h, only well-formed symbols read back")
    func symbolCache() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bnc-symbols-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let name = ExchangeSymbols.fileName(.crossPairs, baseURL: "https://api.binance.com")
        #expect(name == "margin-allPairs-api.binance.com.txt")
        #expect(ExchangeSymbols.fileName(.exchangeInfo, baseURL: "http://127.0.0.1:8080/x") == "exchangeInfo-127.0.0.1.txt")
        let path = directory + "/" + name
        ExchangeSymbols.write(["LTCBTC", "ETHBTC"], to: path, directory: directory)
        #expect(ExchangeSymbols.read(path) == ["LTCBTC", "ETHBTC"])
        try "LTCBTC\nnot a symbol!\n\u{1B}[31m\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(ExchangeSymbols.read(path) == ["LTCBTC"])
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-25 * 3600)], ofItemAtPath: path)
        #expect(ExchangeSymbols.read(path) == nil)
    }

    @Test("symbols are loaded only where a symbol goes")
    func whereASymbolGoes() {
        #expect(InteractiveShell.completesSymbol("cancel LTC", catalog: Self.catalog))
        #expect(InteractiveShell.completesSymbol("cancel ", catalog: Self.catalog))
        #expect(!InteractiveShell.completesSymbol("cancel LTCBTC ", catalog: Self.catalog))
        #expect(!InteractiveShell.completesSymbol("cancel LTCBTC i", catalog: Self.catalog))
        #expect(!InteractiveShell.completesSymbol("can", catalog: Self.catalog))
        #expect(!InteractiveShell.completesSymbol("time ", catalog: Self.catalog))
    }

    @Test("the inline hint is the rest of the syntax after what is given")
    func hints() {
        let catalog = CommandCatalog.standard
        #expect(
            SyntaxHint.hint(for: "cancel ", catalog: catalog)
                == "SYMBOL (id=N | cid=TEXT) [isolated | spot] [newcid=TEXT] [only=new|partial] [recv=MS] [wide]")
        #expect(
            SyntaxHint.hint(for: "cancel LTCBTC ", catalog: catalog)
                == "(id=N | cid=TEXT) [isolated | spot] [newcid=TEXT] [only=new|partial] [recv=MS] [wide]")
        #expect(SyntaxHint.hint(for: "cancel LTCBTC orderId=5 isolated ", catalog: catalog) == "[newcid=TEXT] [recv=MS] [wide]")
        // Named the spot account, its only= is offered; named isolated, it is not (margin has none).
        #expect(
            SyntaxHint.hint(for: "cancel BTCUSDT id=5 spot ", catalog: catalog)
                == "[newcid=TEXT] [only=new|partial] [recv=MS] [wide]")
        #expect(SyntaxHint.hint(for: "cancel LTC", catalog: catalog) == nil)
        #expect(SyntaxHint.hint(for: "let r = open ", catalog: catalog) == "[SYMBOL] [isolated | spot] [recv=MS]")
        #expect(SyntaxHint.hint(for: "time ", catalog: catalog) == nil)
        #expect(SyntaxHint.hint(for: "bogus ", catalog: catalog) == nil)
        #expect(SyntaxHint.fitted("SYMBOL (id=N | cid=TEXT)", room: 10) == "SYMBOL (i…")
        #expect(SyntaxHint.fitted("SYMBOL", room: 3) == nil)
    }

    @Test("time: the exchange's time, the offset to this machine and the round trip")
    func clock() {
        let ahead = ClockSample(sentAt: 1_767_225_600_000, receivedAt: 1_767_225_600_040, serverTime: 1_767_225_600_520)
        #expect(
            ClockReport.text(ahead, zone: .utc) == """
                exchange time  2026-01-01 00:00:00.520Z  (1767225600520)
                offset         +500 ms: this machine is 500 ms behind the exchange
                round trip     40 ms (the offset is known to within ±21 ms)
                """)
        let behind = ClockSample(sentAt: 1_767_225_602_000, receivedAt: 1_767_225_602_010, serverTime: 1_767_225_600_000)
        let text = ClockReport.text(behind, zone: .utc)
        #expect(text.contains("offset         -2005 ms: this machine is 2005 ms ahead of the exchange"))
        #expect(text.contains("note: requests with recvWindow below 2015 ms may get -1021"))
    }
}

@Suite("Completion of settings")
struct SettingCompletionTests {
    @Test("set completes the settings' names, then the values the named one takes")
    func settings() {
        let completer = Completer(catalog: CompletionCatalog(.standard))
        #expect(completer.complete("set ").candidates == ["columns", "confirm", "hints", "pager", "time", "weight"])
        #expect(completer.complete("set ti").replacement == "time ")
        #expect(completer.complete("set time ").candidates == ["local", "utc"])
        #expect(completer.complete("set time u").replacement == "utc ")
        #expect(completer.complete("set bogus ").candidates.isEmpty)
    }
}
