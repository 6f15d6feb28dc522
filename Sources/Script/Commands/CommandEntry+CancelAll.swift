import BinanceAPI

extension CommandEntry {
    /// `cancel-all SYMBOL [isolated | spot] [recv=MS]` → ``CancelAllMarginOpenOrders``, or
    /// ``CancelAllSpotOpenOrders`` with `spot`.
    package static let cancelAll = CommandEntry(
        name: "cancel-all",
        operation: CancelAllMarginOpenOrders.self,
        summary: "Cancel every open order of a symbol (margin, or spot with `spot`).",
        syntax: "cancel-all SYMBOL [isolated | spot] [recv=MS]",
        example: "cancel-all LTCBTC isolated",
        description: """
            Cancels all open orders of SYMBOL on the cross-margin account, on its isolated-margin \
            account with `isolated`, or on the spot account with `spot` (DELETE /api/v3/openOrders), \
            including OCO order lists. The result is the list of canceled orders.
            """,
        arguments: [
            .positional(
                "symbol", parameter: "symbol", kind: .symbol, summary: "the trading pair, e.g. LTCBTC",
                typeHint: "symbols are written like LTCBTC"),
            .flag(
                "isolated", aliases: ["isIsolated"], parameter: "isIsolated",
                summary: "the isolated-margin account of SYMBOL (isIsolated=TRUE)", accountWord: true),
            .accountWord("spot", summary: "the spot account (DELETE /api/v3/openOrders)"),
            .named(
                "recv", aliases: ["recvWindow"], parameter: "recvWindow", kind: .integer,
                summary: "how long the request stays valid, 1-60000 ms", typeHint: "recv= takes milliseconds, e.g. recv=5000")
        ],
        build: { arguments in
            CancelAllMarginOpenOrders(
                symbol: arguments.text("symbol") ?? "", isIsolated: arguments.flag("isolated"),
                recvWindow: arguments.int("recv"))
        }
    )
    .on("spot", CancelAllSpotOpenOrders.self) { arguments in
        CancelAllSpotOpenOrders(symbol: arguments.text("symbol") ?? "", recvWindow: arguments.int("recv"))
    }
}
