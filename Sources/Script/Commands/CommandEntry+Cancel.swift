import BinanceAPI

extension CommandEntry {
    /// `cancel SYMBOL (id=N | cid=TEXT) [isolated] [newcid=TEXT] [recv=MS]` → ``CancelMarginOrder``.
    public static let cancel = CommandEntry(
        name: "cancel",
        operation: CancelMarginOrder.self,
        summary: "Cancel an active margin order.",
        syntax: "cancel SYMBOL (id=N | cid=TEXT) [isolated] [newcid=TEXT] [recv=MS]",
        example: "cancel LTCBTC id=28 isolated",
        description: """
            Cancels one open order of the cross-margin account, or of the isolated-margin account with \
            `isolated`. Name the order by the exchange's id (id=) or by its client order id (cid=). \
            The result holds the canceled order: symbol, orderId, status, executedQty, ...
            """,
        arguments: [
            .positional(
                "symbol", parameter: "symbol", kind: .symbol, summary: "the trading pair, e.g. LTCBTC",
                typeHint: "symbols are written like LTCBTC"),
            .named(
                "id", aliases: ["orderId"], parameter: "orderId", kind: .integer,
                summary: "the exchange's order id",
                typeHint: "id= takes the exchange's numeric order id; use cid= for a client order id"),
            .named(
                "cid", aliases: ["origClientOrderId"], parameter: "origClientOrderId", kind: .text,
                summary: "the client order id given when the order was placed"),
            .flag(
                "isolated", aliases: ["isIsolated"], parameter: "isIsolated",
                summary: "the order is on an isolated-margin account (isIsolated=TRUE)"),
            .named(
                "newcid", aliases: ["newClientOrderId"], parameter: "newClientOrderId", kind: .text,
                summary: "a client id for this cancel"),
            .named(
                "recv", aliases: ["recvWindow"], parameter: "recvWindow", kind: .integer,
                summary: "how long the request stays valid, 1-60000 ms",
                typeHint: "recv= takes milliseconds, e.g. recv=5000")
        ],
        build: { arguments in
            CancelMarginOrder(
                symbol: arguments.text("symbol") ?? "", isIsolated: arguments.flag("isolated"),
                orderId: arguments.integer("id"), origClientOrderId: arguments.text("cid"),
                newClientOrderId: arguments.text("newcid"), recvWindow: arguments.int("recv"))
        }
    )
}
