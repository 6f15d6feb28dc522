import BinanceAPI

extension CommandEntry {
    /// `cancel-list SYMBOL (listid=N | listcid=TEXT) [isolated | spot] [newcid=TEXT] [recv=MS]` →
    /// ``CancelMarginOrderList``, or ``CancelSpotOrderList`` with `spot`.
    package static let cancelList = CommandEntry(
        name: "cancel-list",
        operation: CancelMarginOrderList.self,
        summary: "Cancel a whole order list (an OCO) of the margin account (or spot with `spot`).",
        syntax: "cancel-list SYMBOL (listid=N | listcid=TEXT) [isolated | spot] [newcid=TEXT] [recv=MS]",
        example: "cancel-list LTCBTC listid=7",
        description: """
            Cancels every order of one order list (an OCO) of the cross-margin account, of the \
            isolated-margin account with `isolated`, or of the spot account with `spot`. Name the list by the exchange's id (listid=, the \
            orderListId its legs carry) or by its client id (listcid=). The result is the list \
            (orderListId, listOrderStatus ALL_DONE, ...) with each canceled leg in orderReports. \
            Canceling one leg with `cancel` also cancels the whole list. A spot answer has no \
            isIsolated.
            """,
        arguments: [
            .positional(
                "symbol", parameter: "symbol", kind: .symbol, summary: "the trading pair, e.g. LTCBTC",
                typeHint: "symbols are written like LTCBTC"),
            .named(
                "listid", aliases: ["orderListId"], parameter: "orderListId", kind: .integer,
                summary: "the exchange's order list id",
                typeHint: "listid= takes the exchange's numeric order list id; use listcid= for a client id"),
            .named(
                "listcid", aliases: ["listClientOrderId"], parameter: "listClientOrderId", kind: .text,
                summary: "the client id given to the list when it was placed"),
            .flag(
                "isolated", aliases: ["isIsolated"], parameter: "isIsolated",
                summary: "the list is on an isolated-margin account (isIsolated=TRUE)", accountWord: true),
            .accountWord("spot", summary: "the list is on the spot account (DELETE /api/v3/orderList)"),
            .named(
                "newcid", aliases: ["newClientOrderId"], parameter: "newClientOrderId", kind: .text,
                summary: "a client id for this cancel"),
            .named(
                "recv", aliases: ["recvWindow"], parameter: "recvWindow", kind: .integer,
                summary: "how long the request stays valid, 1-60000 ms",
                typeHint: "recv= takes milliseconds, e.g. recv=5000")
        ],
        build: { arguments in
            CancelMarginOrderList(
                symbol: arguments.text("symbol") ?? "", isIsolated: arguments.flag("isolated"),
                orderListId: arguments.integer("listid"), listClientOrderId: arguments.text("listcid"),
                newClientOrderId: arguments.text("newcid"), recvWindow: arguments.int("recv"))
        }
    )
    .on("spot", CancelSpotOrderList.self) { arguments in
        CancelSpotOrderList(
            symbol: arguments.text("symbol") ?? "", orderListId: arguments.integer("listid"),
            listClientOrderId: arguments.text("listcid"), newClientOrderId: arguments.text("newcid"),
            recvWindow: arguments.int("recv"))
    }
}
