// The 11xx codes: what is wrong with the request's parameters. Meanings are the exchange's
// error-code page; causes that name the 2026 rule for margin DELETE come from the project's
// design notes (docs/design.md, "Canonical query").

extension ExchangeErrorCatalog {
    static let deleteBody =
        "a DELETE sent its parameters in the body (form-encoded) instead of the URL query: since 2026 the exchange reads only the query of a margin DELETE"

    static let requestIssues: [ExchangeErrorEntry] = [
        ExchangeErrorEntry(
            -1100, "ILLEGAL_CHARS",
            meaning: "Illegal characters found in a parameter; or in parameter '%s'; legal range is '%s'.",
            causes: [
                .init(
                    "an illegal client order id (newClientOrderId, origClientOrderId)",
                    tell: "the message names the parameter and the legal range ^[.A-Z:/a-z0-9_-]{1,36}$",
                    fix: "use at most 36 of letters, digits and . : / _ -; bnc checks it before sending"),
                .init(
                    "a symbol or number with spaces, lower case letters or separators", tell: "the message names the parameter",
                    fix: "symbols in upper case without separator (LTCBTC), plain decimal numbers")
            ],
            hint: "a parameter has characters the exchange does not accept: the message names it"),
        ExchangeErrorEntry(
            -1101, "TOO_MANY_PARAMETERS",
            meaning:
                "Too many parameters sent for this endpoint; expected '%s' and received '%s'; or duplicate values for a parameter detected.",
            causes: [
                .init(
                    "a parameter was sent twice (in the query and the body, or twice in the query)",
                    tell: "message 'Duplicate values for a parameter detected.'", fix: "send each parameter once"),
                .init(
                    "more parameters than the endpoint takes", tell: "message 'expected … and received …'",
                    fix: "send only the endpoint's documented parameters")
            ],
            hint: "a parameter was sent more than once, or more parameters than the endpoint takes"),
        ExchangeErrorEntry(
            -1102, "MANDATORY_PARAM_EMPTY_OR_MALFORMED",
            meaning:
                "A mandatory parameter was not sent, was empty/null, or malformed; or param '%s' or '%s' must be sent, but both were empty/null!",
            causes: [
                .init(
                    deleteBody,
                    tell: "the message names a parameter that is in the request's body; `bnc --dry-run` shows where bnc puts it",
                    fix: "send a DELETE's parameters in the URL query, with an empty body"),
                .init(
                    "neither orderId nor origClientOrderId was sent to a cancel or query",
                    tell: "message 'Param … or … must be sent, but both were empty/null!'", fix: "send one of them"),
                .init(
                    "a mandatory parameter (symbol, timestamp) is missing or malformed", tell: "the message names it",
                    fix: "send it; bnc validates before sending")
            ],
            hint:
                "a mandatory parameter was not sent, was empty, or malformed; a DELETE's parameters go in the URL query, not the body"
        ),
        ExchangeErrorEntry(
            -1103, "UNKNOWN_PARAM", meaning: "An unknown parameter was sent.",
            causes: [
                .init(
                    "a parameter the endpoint does not take (a misspelling, or another endpoint's)",
                    tell: "compare with the endpoint's table",
                    fix: "remove it")
            ],
            hint: "a parameter the endpoint does not take was sent"),
        ExchangeErrorEntry(
            -1104, "UNREAD_PARAMETERS",
            meaning: "Not all sent parameters were read; read '%s' parameter(s) but was sent '%s'.",
            causes: [
                .init(
                    deleteBody, tell: "the request has a body; the counts in the message differ by the body's parameters",
                    fix:
                        "send a DELETE's parameters in the URL query, with an empty body; `bnc --dry-run` shows the query bnc sends"
                ),
                .init(
                    "a parameter the endpoint does not read (e.g. isIsolated to a spot endpoint)",
                    tell: "no body; one parameter too many",
                    fix: "send only the endpoint's documented parameters")
            ],
            hint: "the exchange did not read every parameter sent: a DELETE's parameters go in the URL query, not the body"),
        ExchangeErrorEntry(
            -1105, "PARAM_EMPTY", meaning: "A parameter was empty; parameter '%s' was empty.",
            causes: [
                .init(
                    "a parameter sent as `name=` with no value", tell: "the message names it",
                    fix: "leave it out or give it a value")
            ],
            hint: "a parameter was sent without a value"),
        ExchangeErrorEntry(
            -1106, "PARAM_NOT_REQUIRED",
            meaning: "A parameter was sent when not required; parameter '%s' sent when not required.",
            causes: [
                .init(
                    "a parameter that this order type does not take (timeInForce on MARKET)", tell: "the message names it",
                    fix: "leave it out")
            ],
            hint: "a parameter was sent that this request does not take: the message names it"),
        ExchangeErrorEntry(
            -1111, "BAD_PRECISION", meaning: "Precision is over the maximum defined for this asset.",
            causes: [
                .init(
                    "price or quantity has more decimals than the symbol allows",
                    tell: "compare with the symbol's tickSize and stepSize",
                    fix: "round to the symbol's filters")
            ],
            hint: "a price or quantity has more decimals than the symbol allows"),
        ExchangeErrorEntry(
            -1114, "TIF_NOT_REQUIRED", meaning: "TimeInForce parameter sent when not required.",
            causes: [.init("timeInForce on an order type without it", tell: "the order type", fix: "leave timeInForce out")]),
        ExchangeErrorEntry(
            -1115, "INVALID_TIF", meaning: "Invalid timeInForce.",
            causes: [.init("timeInForce not GTC, IOC or FOK", tell: "the value sent", fix: "use GTC, IOC or FOK")]),
        ExchangeErrorEntry(
            -1116, "INVALID_ORDER_TYPE", meaning: "Invalid orderType.",
            causes: [.init("an order type the symbol does not allow", tell: "the symbol's orderTypes", fix: "use one of them")]),
        ExchangeErrorEntry(
            -1117, "INVALID_SIDE", meaning: "Invalid side.",
            causes: [.init("side not BUY or SELL", tell: "the value sent", fix: "BUY or SELL, upper case")]),
        ExchangeErrorEntry(
            -1118, "EMPTY_NEW_CL_ORD_ID", meaning: "New client order ID was empty.",
            causes: [
                .init("newClientOrderId sent empty", tell: "`newClientOrderId=` in the request", fix: "leave it out or give one")
            ]),
        ExchangeErrorEntry(
            -1119, "EMPTY_ORG_CL_ORD_ID", meaning: "Original client order ID was empty.",
            causes: [
                .init(
                    "origClientOrderId sent empty", tell: "`origClientOrderId=` in the request",
                    fix: "give the order's client id, or use orderId")
            ]),
        ExchangeErrorEntry(
            -1121, "BAD_SYMBOL", meaning: "Invalid symbol.",
            causes: [
                .init(
                    "the symbol does not exist (misspelt, lower case, with a separator)", tell: "it is not in exchange-info",
                    fix: "upper case, no separator: LTCBTC"),
                .init(
                    "the symbol is not a margin pair (cross) or isolated pair",
                    tell: "it is missing from `pairs` or `isolated-pairs`",
                    fix: "choose a pair the margin lists hold")
            ],
            hint: "the symbol does not exist on the exchange"),
        ExchangeErrorEntry(
            -1127, "MORE_THAN_XX_HOURS", meaning: "Lookup interval is too big; more than %s hours between startTime and endTime.",
            causes: [
                .init(
                    "startTime and endTime of an order listing (allOrders) are too far apart",
                    tell: "the message names the hours (24 for margin allOrders)",
                    fix: "ask in windows of at most that many hours")
            ],
            hint: "startTime and endTime are too far apart: the message says how many hours are allowed"),
        ExchangeErrorEntry(
            -1128, "OPTIONAL_PARAMS_BAD_COMBO", meaning: "Combination of optional parameters invalid.",
            causes: [
                .init(
                    "optional parameters that exclude each other", tell: "compare with the endpoint's notes",
                    fix: "send one of them")
            ]),
        ExchangeErrorEntry(
            -1130, "INVALID_PARAMETER", meaning: "Invalid data sent for a parameter; data sent for parameter '%s' is not valid.",
            causes: [
                .init(
                    "a value out of its range or of the wrong kind", tell: "the message names the parameter",
                    fix: "send a valid value")
            ],
            hint: "a parameter's value is not valid: the message names it"),
        ExchangeErrorEntry(
            -1131, "BAD_RECV_WINDOW", meaning: "recvWindow must be less than 60000",
            causes: [.init("recvWindow over 60000", tell: "the value sent", fix: "at most 60000 ms; bnc checks it")],
            hint: "recvWindow must be at most 60000"),
        ExchangeErrorEntry(
            -1145, "INVALID_CANCEL_RESTRICTIONS",
            meaning: "cancelRestrictions has to be either ONLY_NEW or ONLY_PARTIALLY_FILLED.",
            causes: [
                .init(
                    "a spot cancel with another cancelRestrictions value", tell: "the value sent",
                    fix: "ONLY_NEW or ONLY_PARTIALLY_FILLED, or leave it out")
            ])
    ]
}
