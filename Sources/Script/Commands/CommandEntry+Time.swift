import BinanceAPI

extension CommandEntry {
    /// `time` → ``ServerTime``.
    public static let time = CommandEntry(
        name: "time",
        operation: ServerTime.self,
        summary: "Show the exchange's clock (GET /api/v3/time).",
        syntax: "time",
        example: "time",
        description: """
            Asks the exchange for its time, in ms since the epoch: compare it with this machine's clock \
            when requests get -1021 (timestamp outside recvWindow). Unsigned; needs no key.
            """,
        arguments: [],
        build: { _ in ServerTime() }
    )
}
