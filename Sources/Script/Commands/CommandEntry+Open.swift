import BinanceAPI

extension CommandEntry {
    /// `open [SYMBOL] [isolated | spot] [recv=MS]` → ``MarginOpenOrders``, or ``SpotOpenOrders`` with `spot`.
    package static let open = CommandEntry(
        name: "open",
        operation: MarginOpenOrders.self,
        summary: "List the open orders of a symbol or of all symbols (margin, or spot with `spot`).",
        syntax: "open [SYMBOL] [isolated | spot] [recv=MS]",
        example: "let os = open LTCBTC",
        description: """
            Lists the open orders of the cross-margin account, or of the isolated-margin account of \
            SYMBOL with `isolated` (which needs the symbol). Without a symbol the exchange lists every \
            symbol's orders and counts a weight per trading symbol. With `spot`, the spot account's \
            open orders (GET /api/v3/openOrders: weight 6 for a symbol, 80 without). The result is a list of orders: \
            `let os = open LTCBTC` then `for o in $os { cancel LTCBTC id=$o.orderId }`.
            """,
        arguments: [
            .positional(
                "symbol", parameter: "symbol", kind: .symbol, required: false,
                summary: "the trading pair, e.g. LTCBTC; all symbols when left out",
                typeHint: "symbols are written like LTCBTC"),
            .flag(
                "isolated", aliases: ["isIsolated"], parameter: "isIsolated",
                summary: "the isolated-margin account of SYMBOL (isIsolated=TRUE)", accountWord: true),
            .accountWord("spot", summary: "the spot account (GET /api/v3/openOrders)"),
            .named(
                "recv", aliases: ["recvWindow"], parameter: "recvWindow", kind: .integer,
                summary: "how long the request stays valid, 1-60000 ms", typeHint: "recv= takes milliseconds, e.g. recv=5000")
        ],
        build: { arguments in
            MarginOpenOrders(
                symbol: arguments.text("symbol"), isIsolated: arguments.flag("isolated"), recvWindow: arguments.int("recv"))
        }
    )
    .on("spot", SpotOpenOrders.self) { arguments in
        SpotOpenOrders(symbol: arguments.text("symbol"), recvWindow: arguments.int("recv"))
    }
}
