import BinanceAPI

extension CommandEntry {
    /// `restrictions [recv=MS]` → ``APIRestrictions``.
    package static let restrictions = CommandEntry(
        name: "restrictions",
        operation: APIRestrictions.self,
        summary: "Show what the API key may do (GET /sapi/v1/account/apiRestrictions).",
        syntax: "restrictions [recv=MS]",
        example: "let r = restrictions",
        description: """
            Asks the exchange for the calling key's permissions: ipRestrict (usable only from whitelisted \
            IPs, which are not listed), enableReading, enableSpotAndMarginTrading (orders and cancels), \
            enableMargin, enableWithdrawals and the others, as sent. An answer at all means the key is known \
            and this IP may use it; -2015 here means neither is so (bnc explain -2015). Signed (USER_DATA).
            """,
        arguments: [
            .named(
                "recv", aliases: ["recvWindow"], parameter: "recvWindow", kind: .integer,
                summary: "how long the request stays valid, 1-60000 ms", typeHint: "recv= takes milliseconds, e.g. recv=5000")
        ],
        build: { arguments in APIRestrictions(recvWindow: arguments.int("recv")) }
    )
}
