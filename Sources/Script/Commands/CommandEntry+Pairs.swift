import BinanceAPI

extension CommandEntry {
    /// `pairs` → ``MarginAllPairs``.
    package static let pairs = CommandEntry(
        name: "pairs",
        operation: MarginAllPairs.self,
        summary: "List the cross-margin trading pairs (GET /sapi/v1/margin/allPairs).",
        syntax: "pairs",
        example: "let ps = pairs",
        description: """
            Lists every pair the cross-margin account trades: symbol, base, quote and whether margin \
            trading, buying and selling are allowed. The shell completes symbols from this list \
            (kept 24 hours in $XDG_CACHE_HOME/bnc/). Needs the API key, no signature.
            """,
        arguments: [],
        build: { _ in MarginAllPairs() }
    )
}
