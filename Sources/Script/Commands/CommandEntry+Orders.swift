import BinanceAPI

extension CommandEntry {
    /// `orders SYMBOL [isolated | spot] [from=ID] [start=MS] [end=MS] [limit=N] [recv=MS]` →
    /// ``MarginAllOrders``, or ``SpotAllOrders`` with `spot`.
    package static let orders = CommandEntry(
        name: "orders",
        operation: MarginAllOrders.self,
        summary: "List all orders of a symbol (margin, or spot with `spot`): open, canceled and filled.",
        syntax: "orders SYMBOL [isolated | spot] [from=ID] [start=MS] [end=MS] [limit=N] [recv=MS]",
        example: "orders LTCBTC limit=10",
        description: """
            Lists the orders of the last 24 hours (or from order id from=ID on), to confirm what \
            became of an order after -2011 "Unknown order sent.". start= and end= are ms since the \
            epoch, less than 24 hours apart; limit= is 1-500. Weight 200: use sparingly in loops. With \
            `spot`, the spot account's orders (GET /api/v3/allOrders, weight 20; limit= up to 1000).
            """,
        arguments: [
            .positional(
                "symbol", parameter: "symbol", kind: .symbol, summary: "the trading pair, e.g. LTCBTC",
                typeHint: "symbols are written like LTCBTC"),
            .flag(
                "isolated", aliases: ["isIsolated"], parameter: "isIsolated",
                summary: "the isolated-margin account of SYMBOL (isIsolated=TRUE)", accountWord: true),
            .accountWord("spot", summary: "the spot account (GET /api/v3/allOrders)"),
            .named(
                "from", aliases: ["orderId"], parameter: "orderId", kind: .integer,
                summary: "orders with this id and later"),
            .named(
                "start", aliases: ["startTime"], parameter: "startTime", kind: .integer,
                summary: "earliest order time, ms since the epoch"),
            .named(
                "end", aliases: ["endTime"], parameter: "endTime", kind: .integer,
                summary: "latest order time, ms since the epoch"),
            .named(
                "limit", parameter: "limit", kind: .integer,
                summary: "how many orders, 1-500 (default 500); with spot 1-1000"),
            .named(
                "recv", aliases: ["recvWindow"], parameter: "recvWindow", kind: .integer,
                summary: "how long the request stays valid, 1-60000 ms", typeHint: "recv= takes milliseconds, e.g. recv=5000")
        ],
        build: { arguments in
            MarginAllOrders(
                symbol: arguments.text("symbol") ?? "", isIsolated: arguments.flag("isolated"),
                orderId: arguments.integer("from"), startTime: arguments.integer("start"), endTime: arguments.integer("end"),
                limit: arguments.integer("limit"), recvWindow: arguments.int("recv"))
        }
    )
    .on("spot", SpotAllOrders.self) { arguments in
        SpotAllOrders(
            symbol: arguments.text("symbol") ?? "", orderId: arguments.integer("from"),
            startTime: arguments.integer("start"), endTime: arguments.integer("end"), limit: arguments.integer("limit"),
            recvWindow: arguments.int("recv"))
    }
}
