// The SAPI codes margin order endpoints answer (3xxx), and -11001. Meanings of the 3xxx codes
// are the exchange's margin error-code page; -11001 is not on it (see its `inferred`).

extension ExchangeErrorCatalog {
    static let margin: [ExchangeErrorEntry] = [
        ExchangeErrorEntry(
            -3003, "NO_OPENED_MARGIN_ACCOUNT", meaning: "Margin account does not exist.",
            causes: [
                .init(
                    "the account never opened (cross) margin", tell: "GET /sapi/v1/margin/account answers -3003 too",
                    fix: "open margin on the exchange's site first")
            ],
            hint: "this account has no margin account: open margin on the exchange first"),
        ExchangeErrorEntry(
            -3004, "TRADE_NOT_ALLOWED", meaning: "Trade not allowed.",
            causes: [
                .init(
                    "margin trading is not allowed for the account now", tell: "every margin order fails alike",
                    fix: "check the account on the exchange's site")
            ]),
        ExchangeErrorEntry(
            -3021, "PAIR_ADMIN_BAN_TRADE", meaning: "Margin account are not allowed to trade this trading pair.",
            causes: [
                .init(
                    "the pair is not (or no longer) tradable on margin",
                    tell: "`pairs` / `isolated-pairs` lists it with isMarginTrade false, or not at all",
                    fix: "choose another pair")
            ],
            hint: "margin trading is not allowed on this pair"),
        ExchangeErrorEntry(
            -3022, "ACCOUNT_BAN_TRADE", meaning: "You account's trading is banned.",
            causes: [
                .init(
                    "the exchange stopped trading for this account", tell: "every order fails alike, spot too",
                    fix: "contact the exchange's support")
            ]),
        ExchangeErrorEntry(
            -3023, "WARNING_MARGIN_LEVEL", meaning: "You can't transfer out/place order under current margin level.",
            causes: [
                .init(
                    "the margin level is too low for a new order", tell: "the account's marginLevel",
                    fix: "repay or transfer in first")
            ]),
        ExchangeErrorEntry(
            -3027, "NOT_VALID_MARGIN_ASSET", meaning: "Not a valid margin asset.",
            causes: [.init("the asset is not a margin asset", tell: "GET /sapi/v1/margin/allAssets", fix: "use a margin asset")]),
        ExchangeErrorEntry(
            -3028, "NOT_VALID_MARGIN_PAIR", meaning: "Not a valid margin pair.",
            causes: [
                .init(
                    "the symbol is not a cross margin pair", tell: "`pairs` does not list it",
                    fix: "use a listed pair, or `isolated` when it is an isolated pair")
            ],
            hint: "the symbol is not a margin pair: `pairs` and `isolated-pairs` list them"),
        ExchangeErrorEntry(
            -3044, "SYSTEM_BUSY", meaning: "System busy.",
            causes: [
                .init(
                    "the margin system is overloaded", tell: "nothing in the request is wrong",
                    fix: "wait and send again (a write: query the order first)")
            ]),
        ExchangeErrorEntry(
            -11001, "ISOLATED_MARGIN_ACCOUNT_DOES_NOT_EXIST", meaning: "Isolated margin account does not exist.",
            causes: [
                .init(
                    "isIsolated=TRUE for a symbol whose isolated margin account was never enabled (or was disabled): the order is most likely a cross-margin one",
                    tell:
                        "GET /sapi/v1/margin/isolated/account?symbols=SYMBOL does not list the symbol; `order SYMBOL id=N` without isolated finds the order",
                    fix:
                        "cancel without `isolated`; to trade isolated, enable the account (POST /sapi/v1/margin/isolated/account)"
                ),
                .init(
                    "an isolated user-data stream (listenKey) asked for such a symbol",
                    tell: "the request is POST /sapi/v1/userDataStream/isolated",
                    fix: "enable the isolated account first")
            ],
            hint:
                "there is no isolated margin account for this symbol: the order is most likely cross margin, send it without `isolated`",
            inferred:
                "not on the exchange's error-code page: code and message as the exchange answers them (python-binance #630, several clients); the name is bnc's"
        )
    ]
}
