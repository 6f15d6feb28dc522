import BinanceAPI

extension CommandEntry {
    /// `isolated-pairs [recv=MS]` → ``IsolatedMarginAllPairs``.
    package static let isolatedPairs = CommandEntry(
        name: "isolated-pairs",
        operation: IsolatedMarginAllPairs.self,
        summary: "List the isolated-margin trading pairs (GET /sapi/v1/margin/isolated/allPairs).",
        syntax: "isolated-pairs [recv=MS]",
        example: "isolated-pairs",
        description: """
            Lists every pair that has an isolated-margin account: symbol, base, quote and what is \
            allowed. The shell completes symbols from this list too. Signed (USER_DATA).
            """,
        arguments: [
            .named(
                "recv", aliases: ["recvWindow"], parameter: "recvWindow", kind: .integer,
                summary: "how long the request stays valid, 1-60000 ms", typeHint: "recv= takes milliseconds, e.g. recv=5000")
        ],
        build: { arguments in IsolatedMarginAllPairs(recvWindow: arguments.int("recv")) }
    )
}
