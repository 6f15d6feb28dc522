import BinanceAPI

extension CommandEntry {
    /// `cancel SYMBOL (id=N | cid=TEXT) [isolated | spot] [newcid=TEXT] [only=new|partial] [recv=MS]` →
    /// ``CancelMarginOrder``, or ``CancelSpotOrder`` with `spot`.
    package static let cancel = CommandEntry(
        name: "cancel",
        operation: CancelMarginOrder.self,
        summary: "Cancel an active order (margin, or spot with `spot`).",
        syntax: "cancel SYMBOL (id=N | cid=TEXT) [isolated | spot] [newcid=TEXT] [only=new|partial] [recv=MS]",
        example: "cancel LTCBTC id=28 isolated",
        description: """
            Cancels one open order of the cross-margin account, of the isolated-margin account with \
            `isolated`, or of the spot account with `spot`. Name the order by the exchange's id (id=) \
            or by its client order id (cid=). On spot, only=new cancels only a NEW order and \
            only=partial only a PARTIALLY_FILLED one (cancelRestrictions; margin has no such \
            parameter). The result holds the canceled order: symbol, orderId, status, executedQty, ...
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
                summary: "the order is on an isolated-margin account (isIsolated=TRUE)", accountWord: true),
            .accountWord("spot", summary: "the order is on the spot account (DELETE /api/v3/order)"),
            .named(
                "newcid", aliases: ["newClientOrderId"], parameter: "newClientOrderId", kind: .text,
                summary: "a client id for this cancel"),
            .named(
                "only", aliases: ["cancelRestrictions"], parameter: "cancelRestrictions", kind: .text,
                summary: "spot only: new (ONLY_NEW) or partial (ONLY_PARTIALLY_FILLED)",
                typeHint: "only= takes new or partial", account: "spot"),
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
    .on("spot", CancelSpotOrder.self) { arguments in
        CancelSpotOrder(
            symbol: arguments.text("symbol") ?? "", orderId: arguments.integer("id"),
            origClientOrderId: arguments.text("cid"), newClientOrderId: arguments.text("newcid"),
            cancelRestrictions: arguments.text("only").map(cancelRestriction), recvWindow: arguments.int("recv"))
    }

    /// `new` → `ONLY_NEW`, `partial` → `ONLY_PARTIALLY_FILLED`; the exchange's own words pass as
    /// they are, and anything else too, for the operation to refuse by name.
    static func cancelRestriction(_ word: String) -> String {
        switch word {
        case "new": return "ONLY_NEW"
        case "partial": return "ONLY_PARTIALLY_FILLED"
        default: return word
        }
    }
}
