import BinanceAPI

extension CommandEntry {
    /// `isolated-account [symbols=A,B,…] [recv=MS]` → ``IsolatedMarginAccount``.
    package static let isolatedAccount = CommandEntry(
        name: "isolated-account",
        operation: IsolatedMarginAccount.self,
        summary: "Show isolated margin accounts (GET /sapi/v1/margin/isolated/account).",
        syntax: "isolated-account [symbols=\"SYMBOL,…\"] [recv=MS]",
        example: "isolated-account symbols=\"LTCBTC,ETHBTC\"",
        description: """
            Lists the isolated margin accounts: every one, or those of symbols= (at most 5, comma-separated in quotes; one needs none). \
            Each entry holds symbol, isolatedCreated, enabled, tradeEnabled, marginLevelStatus and the base \
            and quote assets' balances. A symbol without an isolated account is absent from the answer; an \
            isolated order on it gets -11001. Signed (USER_DATA), weight 10.
            """,
        arguments: [
            .named(
                "symbols", parameter: "symbols", kind: .text, summary: "up to 5 symbols, comma-separated",
                typeHint: "symbols= takes symbols separated by commas, in quotes: symbols=\"LTCBTC,ETHBTC\""),
            .named(
                "recv", aliases: ["recvWindow"], parameter: "recvWindow", kind: .integer,
                summary: "how long the request stays valid, 1-60000 ms", typeHint: "recv= takes milliseconds, e.g. recv=5000")
        ],
        build: { arguments in
            let symbols = arguments.text("symbols").map { text in
                text.split(separator: ",", omittingEmptySubsequences: false).map { String($0) }
            }
            return IsolatedMarginAccount(symbols: symbols ?? [], recvWindow: arguments.int("recv"))
        }
    )
}
