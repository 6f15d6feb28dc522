// The 10xx codes: server, network, rate limits, time and signature. Texts of `meaning` are the
// exchange's error-code page (spot and margin pages list them alike).

extension ExchangeErrorCatalog {
    static let general: [ExchangeErrorEntry] = [
        ExchangeErrorEntry(
            -1000, "UNKNOWN", meaning: "An unknown error occurred while processing the request.",
            causes: [
                .init(
                    "an error on the exchange's side", tell: "comes with HTTP 5XX or with a 400 for no reason in the request",
                    fix: "after a write the outcome is unknown: bnc queries the order; after a read, send it again later")
            ]),
        ExchangeErrorEntry(
            -1001, "DISCONNECTED", meaning: "Internal error; unable to process your request. Please try again.",
            causes: [
                .init(
                    "the exchange's internal connection dropped", tell: "nothing in the request is wrong",
                    fix: "send it again later (a write: query the order first)")
            ]),
        ExchangeErrorEntry(
            -1002, "UNAUTHORIZED", meaning: "You are not authorized to execute this request.",
            causes: [
                .init(
                    "the key may not call this endpoint", tell: "the same key works for other endpoints",
                    fix: "check the key's permissions on the exchange's API management page")
            ]),
        ExchangeErrorEntry(
            -1003, "TOO_MANY_REQUESTS",
            meaning:
                "Too many requests queued; too much request weight used (HTTP 429); or way too much: IP banned until a time (HTTP 418).",
            causes: [
                .init(
                    "request weight over the limit of the window", tell: "HTTP 429 with a Retry-After header",
                    fix: "wait Retry-After; bnc paces loops by the X-MBX-USED-WEIGHT headers (`weight` shows the budget)"),
                .init(
                    "requests sent on after a 429", tell: "HTTP 418: the message names the time the ban ends",
                    fix: "send nothing until that time; bnc stops sending after a 418")
            ],
            hint: "request weight limit exceeded: wait for Retry-After before sending again"),
        ExchangeErrorEntry(
            -1004, "SERVER_BUSY", meaning: "Server is busy, please wait and try again",
            causes: [.init("the exchange is overloaded", tell: "nothing in the request is wrong", fix: "wait and send again")]),
        ExchangeErrorEntry(
            -1006, "UNEXPECTED_RESP",
            meaning: "An unexpected response was received from the message bus. Execution status unknown.",
            causes: [
                .init(
                    "the exchange lost track of the request inside", tell: "the message says execution status unknown",
                    fix: "the outcome is unknown: query the order (bnc does), never re-send blindly")
            ]),
        ExchangeErrorEntry(
            -1007, "TIMEOUT",
            meaning: "Timeout waiting for response from backend server. Send status unknown; execution status unknown.",
            causes: [
                .init(
                    "the exchange's backend did not answer in time", tell: "usually HTTP 408 or 5XX",
                    fix: "the outcome is unknown: query the order (bnc does), never re-send blindly")
            ]),
        ExchangeErrorEntry(
            -1008, "SERVER_BUSY",
            meaning: "Spot server is currently overloaded with other requests. Please try again in a few minutes.",
            causes: [
                .init(
                    "the spot server is overloaded", tell: "nothing in the request is wrong",
                    fix: "wait a few minutes and send again")
            ]),
        ExchangeErrorEntry(
            -1013, "INVALID_MESSAGE",
            meaning:
                "The request is rejected by the API (it did not reach the matching engine); the message names the filter that failed.",
            causes: [
                .init(
                    "an order parameter fails a symbol filter (price, quantity, notional)",
                    tell: "the message starts with 'Filter failure:' and names the filter",
                    fix: "read the symbol's filters (GET /api/v3/exchangeInfo) and round price and quantity to them")
            ],
            inferred:
                "on the spot error-code page; the margin page does not list it, margin order endpoints are taken to answer it alike"
        ),
        ExchangeErrorEntry(
            -1014, "UNKNOWN_ORDER_COMPOSITION", meaning: "Unsupported order combination.",
            causes: [
                .init(
                    "order type, timeInForce and the other parameters do not go together", tell: "the order's parameters",
                    fix: "see the endpoint's table of mandatory parameters per order type")
            ]),
        ExchangeErrorEntry(
            -1015, "TOO_MANY_ORDERS", meaning: "Too many new orders; current limit is %s orders per %s.",
            causes: [
                .init(
                    "the order-count limit (per 10 s or per day) is reached",
                    tell: "the message names the limit; X-MBX-ORDER-COUNT-* headers count them",
                    fix: "wait for the interval the message names; cancels do not count, new orders do")
            ],
            hint: "the order-count limit is reached: wait for the interval the message names"),
        ExchangeErrorEntry(
            -1016, "SERVICE_SHUTTING_DOWN", meaning: "This service is no longer available.",
            causes: [
                .init("the endpoint was retired", tell: "every call to it fails alike", fix: "use the endpoint that replaces it")
            ]),
        ExchangeErrorEntry(
            -1020, "UNSUPPORTED_OPERATION", meaning: "This operation is not supported.",
            causes: [
                .init(
                    "the operation is not offered for this account or symbol", tell: "the same call on another symbol works",
                    fix: "check the symbol's permissions and the account type")
            ]),
        ExchangeErrorEntry(
            -1021, "INVALID_TIMESTAMP",
            meaning: "Timestamp for this request is outside of the recvWindow; or was 1000ms ahead of the server's time.",
            causes: [
                .init(
                    "this machine's clock is behind the exchange's by more than recvWindow, or the request took that long",
                    tell: "message 'outside of the recvWindow'; `time` shows the offset and round trip",
                    fix: "sync the clock (NTP); bnc resyncs its offset once and retries"),
                .init(
                    "this machine's clock is ahead of the exchange's by more than 1 s",
                    tell: "message '1000ms ahead of the server's time'; `time` shows a positive offset",
                    fix: "sync the clock (NTP); a larger recvWindow does not help here"),
                .init(
                    "the timestamp is in seconds, not milliseconds", tell: "a 10-digit timestamp in the request",
                    fix: "send milliseconds since 1970; `bnc explain 'URL'` checks a pasted request")
            ],
            hint: "the local clock is too far from the exchange's: bnc resyncs its offset once and retries;"
                + " check `time` and the machine's NTP"),
        ExchangeErrorEntry(
            -1022, "INVALID_SIGNATURE", meaning: "Signature for this request is not valid.",
            causes: [
                .init(
                    "the secret is wrong: another key's, or with stray whitespace or a line break",
                    tell: "`bnc explain 'URL'` with the right key gives a different signature for the same string",
                    fix: "copy the secret again, without whitespace"),
                .init(
                    "the signed string is not the sent one (parameters reordered, encoded differently, body and query mixed)",
                    tell: "`bnc explain 'URL'` names the mistake that reproduces the signature",
                    fix: "sign exactly the bytes that are sent"),
                .init(
                    "the key type does not match the signature (HMAC vs Ed25519 vs RSA)",
                    tell: "the signature's shape: 64 hex characters is HMAC, base64 is Ed25519 or RSA",
                    fix: "sign with the key type registered for the API key")
            ],
            hint: "the signature does not match the query the exchange received: check the secret (no"
                + " stray whitespace), the key type, and that the signed string is byte-for-byte the one sent;"
                + " `bnc explain 'URL'` diagnoses it"),
        ExchangeErrorEntry(
            -1099, "NOT_FOUND_AUTHENTICATED_OR_AUTHORIZED", meaning: "Not found, authenticated, or authorized (replaces -1999).",
            causes: [
                .init(
                    "the exchange refuses to say which", tell: "try the same key on another signed endpoint",
                    fix: "check the path, the key and its permissions")
            ],
            inferred: "the margin error-code page gives no upper-case name; this one is bnc's")
    ]
}
