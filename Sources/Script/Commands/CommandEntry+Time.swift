import BinanceAPI

extension CommandEntry {
    /// `time` → ``ServerTime``.
    package static let time = CommandEntry(
        name: "time",
        operation: ServerTime.self,
        summary: "Show the exchange's clock, this machine's offset to it and the round trip (GET /api/v3/time).",
        syntax: "time",
        example: "time",
        description: """
            Asks the exchange for its time and shows it with the offset of this machine's clock to it \
            (taking the answer as stamped mid-flight) and the round trip, which bounds that estimate: \
            what to look at when requests get -1021 (timestamp outside recvWindow). `let t = time` binds \
            the answer as sent ($t.serverTime, ms since the epoch). Unsigned; needs no key.
            """,
        arguments: [],
        build: { _ in ServerTime() }
    )
}
