// The 20xx codes: orders and API keys. Meanings are the exchange's error-code page; -2011's
// first cause is the exchange's own note on the margin cancel page
// (../shared/seed/000_4f0109947fe86268.txt).

extension ExchangeErrorCatalog {
    /// The request that separates -2015's causes; `bnc doctor` will run it.
    static let apiRestrictions = "GET /sapi/v1/account/apiRestrictions"

    static let orderAndKey: [ExchangeErrorEntry] = [
        ExchangeErrorEntry(
            -2010, "NEW_ORDER_REJECTED",
            meaning: "NEW_ORDER_REJECTED: the message says why (e.g. 'Account has insufficient balance for requested action.').",
            causes: [
                .init(
                    "not enough free balance (margin: not enough to borrow)",
                    tell: "message 'Account has insufficient balance …'",
                    fix: "transfer or borrow first, or use sideEffectType=MARGIN_BUY"),
                .init(
                    "the order would trigger or match at once when it must not (stop, LIMIT_MAKER)",
                    tell: "message 'Order would trigger immediately' or 'would immediately match and take'",
                    fix: "move the stop or limit price"),
                .init(
                    "trading is off for the symbol or the account",
                    tell: "message 'This action is disabled on this account' or the symbol's status is not TRADING",
                    fix: "check the symbol's status and the account")
            ],
            hint: "the exchange refused the new order: its message says why"),
        ExchangeErrorEntry(
            -2011, "CANCEL_REJECTED",
            meaning:
                "CANCEL_REJECTED: 'Unknown order sent.' — the order could not be found in the matching engine;"
                + " 'Unknown order list sent.' from an order-list cancel.",
            causes: [
                .init(
                    "the order is already filled or canceled",
                    tell: "`orders SYMBOL` (GET /sapi/v1/margin/allOrders) shows it FILLED or CANCELED",
                    fix: "nothing to cancel; the shell looks it up and says so"),
                .init(
                    "it is an isolated-margin order and isIsolated=TRUE was not sent",
                    tell: "`order SYMBOL id=N isolated` finds it open",
                    fix: "cancel it with `isolated`"),
                .init(
                    "it is a cross-margin order canceled with isIsolated=TRUE",
                    tell: "`order SYMBOL id=N` (without isolated) finds it open",
                    fix: "cancel it without `isolated`"),
                .init(
                    "a wrong orderId or origClientOrderId, or another account's order", tell: "neither account has it",
                    fix: "check the id (`open SYMBOL` lists open orders)"),
                .init(
                    "an order-list cancel named no executing list: it is ALL_DONE (a leg filled, or it was canceled), on the other margin account, or the id is wrong",
                    tell:
                        "message 'Unknown order list sent.'; GET /sapi/v1/margin/orderList (with or without isIsolated) shows the list",
                    fix: "nothing to cancel when it is ALL_DONE; otherwise `cancel-list` with (or without) `isolated`")
            ],
            hint: "the order was not found in the matching engine: it is most likely already filled or"
                + " canceled. Check all orders (`orders SYMBOL`, GET /sapi/v1/margin/allOrders); if it is an"
                + " isolated-margin order, cancel it with `isolated`",
            inferred:
                "the message 'Unknown order list sent.' is not on the exchange's error-code page: it is as clients quote the order-list cancel's answer (python-binance #1221)"
        ),
        ExchangeErrorEntry(
            -2013, "NO_SUCH_ORDER", meaning: "Order does not exist.",
            causes: [
                .init(
                    "the order is an isolated-margin order queried without isIsolated=TRUE (or a cross one with it)",
                    tell: "the query with the other margin mode finds it", fix: "query it with (or without) `isolated`"),
                .init(
                    "a wrong orderId or origClientOrderId", tell: "`orders SYMBOL` in both accounts does not list it",
                    fix: "check the id"),
                .init(
                    "the order is old and was archived",
                    tell: "canceled or expired without fills more than 90 days ago (-2026 on newer endpoints)",
                    fix: "nothing to do: the exchange no longer keeps it")
            ],
            hint: "the order does not exist on this account: an isolated-margin order is found only with `isolated`"),
        ExchangeErrorEntry(
            -2018, "NO_SUCH_ORDER_LIST", meaning: "Order list does not exist.",
            causes: [
                .init(
                    "a wrong orderListId or list client id (origClientOrderId in the list query)",
                    tell: "the legs' orderListId (`open SYMBOL` with `wide`) differs", fix: "check the id"),
                .init(
                    "an isolated-margin list queried without isIsolated=TRUE and its symbol (or a cross one with them)",
                    tell: "the query with the other margin mode finds it", fix: "query it with (or without) `isolated`")
            ],
            hint: "the order list does not exist on this account: an isolated-margin list is found only with `isolated`",
            inferred:
                "not on the exchange's error-code page: code and message as the list query answers them (binance-spot-api-docs #43); the name is that request's"
        ),
        ExchangeErrorEntry(
            -2014, "BAD_API_KEY_FMT", meaning: "API-key format invalid.",
            causes: [
                .init(
                    "the key has whitespace, a line break or quotes around it",
                    tell: "the masked key bnc shows has odd ends; its length is not 64",
                    fix: "copy the key again, without whitespace"),
                .init(
                    "the secret (or nothing) was sent as the key", tell: "BINANCE_API_KEY holds the secret, or is empty",
                    fix: "BINANCE_API_KEY is the API key, BINANCE_API_SECRET the secret")
            ],
            hint: "the X-MBX-APIKEY header is not a valid API key"),
        ExchangeErrorEntry(
            -2015, "REJECTED_MBX_KEY", meaning: "Invalid API-key, IP, or permissions for action.",
            causes: [
                .init(
                    "the key and the secret are swapped",
                    tell:
                        "the masked key bnc shows is not the API key the API management page shows (the secret is shown only once); "
                        + apiRestrictions + " answers -2015 too",
                    fix: "BINANCE_API_KEY is the API key, BINANCE_API_SECRET the secret"),
                .init(
                    "the request's IP is not on the key's whitelist",
                    tell: apiRestrictions
                        + " answers -2015 from this machine but ipRestrict true from a whitelisted one; some endpoints' -2015 message names the request IP — compare it with the whitelist",
                    fix: "add this machine's public IP to the key's whitelist, or send from a whitelisted one"),
                .init(
                    "the key has no margin permission (or no trading permission)",
                    tell: "spot reads work; " + apiRestrictions
                        + " answers, with enableMargin or enableSpotAndMarginTrading false",
                    fix: "enable margin and spot & margin trading for the key"),
                .init(
                    "the key belongs to another environment: a production key on binance.us or the spot testnet, or a testnet key on api.binance.com",
                    tell: "the endpoint's host (bnc prints it at start); keys work only where they were made; " + apiRestrictions
                        + " answers -2015 there",
                    fix: "use the key made for that host; there is no margin testnet, margin needs api.binance.com"),
                .init("the key was deleted", tell: "the API management page does not list it", fix: "create a new key")
            ],
            hint: "the API key is unknown, lacks margin permission, or the request IP is not whitelisted;"
                + " `bnc explain -2015` says how to tell which"),
        ExchangeErrorEntry(
            -2016, "NO_TRADING_WINDOW", meaning: "No trading window could be found for the symbol. Try ticker/24hrs instead.",
            causes: [
                .init(
                    "the symbol had no trading in the window asked for", tell: "the symbol's status", fix: "use the 24 h ticker")
            ]),
        ExchangeErrorEntry(
            -2026, "ORDER_ARCHIVED",
            meaning: "Order was canceled or expired with no executed qty over 90 days ago and has been archived.",
            causes: [
                .init(
                    "the order is older than 90 days and had no fills", tell: "its time",
                    fix: "nothing to do: the exchange no longer keeps it")
            ])
    ]
}
