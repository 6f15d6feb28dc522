import BinanceAPI

extension CommandEntry {
    /// `order SYMBOL (id=N | cid=TEXT) [isolated | spot] [recv=MS]` → ``QueryMarginOrder``, or
    /// ``QuerySpotOrder`` with `spot`.
    package static let order = CommandEntry(
        name: "order",
        operation: QueryMarginOrder.self,
        summary: "Show one order (margin, or spot with `spot`): its status, filled quantity and price.",
        syntax: "order SYMBOL (id=N | cid=TEXT) [isolated | spot] [recv=MS]",
        example: "order LTCBTC id=28",
        description: """
            Queries one order of the cross-margin account, of the isolated-margin account with \
            `isolated`, or of the spot account with `spot` (GET /api/v3/order, weight 4), by the exchange's id (id=) or its client order id (cid=). The result holds \
            symbol, orderId, clientOrderId, status, price, origQty, executedQty, ...
            """,
        arguments: [
            .positional(
                "symbol", parameter: "symbol", kind: .symbol, summary: "the trading pair, e.g. LTCBTC",
                typeHint: "symbols are written like LTCBTC"),
            .named(
                "id", aliases: ["orderId"], parameter: "orderId", kind: .integer, summary: "the exchange's order id",
                typeHint: "id= takes the exchange's numeric order id; use cid= for a client order id"),
            .named(
                "cid", aliases: ["origClientOrderId"], parameter: "origClientOrderId", kind: .text,
                summary: "the client order id given when the order was placed"),
            .flag(
                "isolated", aliases: ["isIsolated"], parameter: "isIsolated",
                summary: "the order is on an isolated-margin account (isIsolated=TRUE)", accountWord: true),
            .accountWord("spot", summary: "the order is on the spot account (GET /api/v3/order)"),
            .named(
                "recv", aliases: ["recvWindow"], parameter: "recvWindow", kind: .integer,
                summary: "how long the request stays valid, 1-60000 ms", typeHint: "recv= takes milliseconds, e.g. recv=5000")
        ],
        build: { arguments in
            QueryMarginOrder(
                symbol: arguments.text("symbol") ?? "", isIsolated: arguments.flag("isolated"),
                orderId: arguments.integer("id"), origClientOrderId: arguments.text("cid"), recvWindow: arguments.int("recv"))
        }
    )
    .on("spot", QuerySpotOrder.self) { arguments in
        QuerySpotOrder(
            symbol: arguments.text("symbol") ?? "", orderId: arguments.integer("id"),
            origClientOrderId: arguments.text("cid"), recvWindow: arguments.int("recv"))
    }
}
