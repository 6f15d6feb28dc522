import BinanceAPI

extension CommandEntry {
    /// `request METHOD PATH [name=value …] [signed] [weight=N]` → ``RawRequest``: any endpoint,
    /// chosen at run time.
    package static let request = CommandEntry(
        name: "request",
        described: EndpointDescription(
            .get, "/api/… or /sapi/…", weight: RequestWeight(1, .ip), security: .userStream,
            title: "any endpoint, as given", effect: .read, parameters: []),
        summary: "Send a request to any endpoint (METHOD PATH name=value …), for endpoints without a command.",
        syntax: "request METHOD PATH [NAME=VALUE …] [signed] [weight=N]",
        example: "let r = request GET /sapi/v1/account/apiRestrictions signed",
        description: """
            The escape hatch for endpoints bnc has no command for. METHOD is GET, POST, PUT or DELETE; PATH \
            starts with /api/ or /sapi/ and holds no query. The parameters are sent in the order written (not \
            sorted), encoded and signed as every request is; `signed` adds recvWindow (when not given) and \
            timestamp and signs (USER_DATA), and the API key header goes with every request when a key is \
            configured. weight=N (1-1000, default 1) is the endpoint's documented weight, reserved against the \
            path's IP limit before sending. A GET is a read; any other method is a write: after a 5XX or a \
            timeout its outcome is unknown and it is not sent again. bnc checks only the shape (method, path, \
            names, recvWindow), not the endpoint's own rules. The result is the answer's JSON, object or list.
            """,
        arguments: [
            .positional(
                "method", parameter: "method", kind: .text, summary: "GET, POST, PUT or DELETE",
                typeHint: "the method is a word: GET, POST, PUT or DELETE"),
            .positional(
                "path", parameter: "path", kind: .text, summary: "the endpoint's path, e.g. /sapi/v1/margin/order",
                typeHint: "the path is written like /sapi/v1/margin/order"),
            .flag(
                "signed", parameter: "signed", summary: "sign the request (timestamp, signature): USER_DATA and TRADE endpoints"),
            .named(
                "weight", parameter: "weight", kind: .integer, summary: "the endpoint's documented weight, 1-1000 (default 1)",
                typeHint: "weight= takes the endpoint's weight, e.g. weight=10")
        ],
        build: { arguments in
            RawRequest(
                method: arguments.text("method") ?? "", path: arguments.text("path") ?? "",
                parameters: arguments.parameters, signed: arguments.flag("signed"), weight: arguments.integer("weight") ?? 1)
        }
    )
}
