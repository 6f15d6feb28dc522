import BinanceAPI

extension CommandEntry {
    /// `exchange-info` → ``ExchangeInfo``.
    package static let exchangeInfo = CommandEntry(
        name: "exchange-info",
        operation: ExchangeInfo.self,
        summary: "Show the exchange's trading rules and spot symbols (GET /api/v3/exchangeInfo).",
        syntax: "exchange-info",
        example: "let info = exchange-info",
        description: """
            The exchange's rate limits and every spot symbol with its filters. Weight 20; unsigned, \
            needs no key. The shell completes symbols from its `symbols` list as well.
            """,
        arguments: [],
        build: { _ in ExchangeInfo() }
    )
}
