import BinanceAPI

extension CommandEntry {
    /// `sim order|price|step …` → ``SimulatorControl``: drives bnc's simulator. The checker
    /// refuses it unless the session's endpoint is the embedded simulator or a `bnc sim` on this
    /// machine, so it can never reach an exchange.
    package static let sim = CommandEntry(
        name: "sim",
        operation: SimulatorControl.self,
        summary: "Drive bnc's simulator: place an order, set a price, step the market (simulator only).",
        syntax: "sim order SYMBOL side=BUY|SELL price=P qty=Q [isolated|spot] [cid=TEXT] | sim price SYMBOL P | sim step [N]",
        example: "sim price LTCBTC 0.0014",
        description: """
            Runs only against bnc's simulator (no endpoint, or a `bnc sim` on 127.0.0.1); anywhere \
            else it is an error before anything runs. `sim order` places a LIMIT GTC margin order on \
            the key's account, checked like a placed one (filters, balance). `sim price SYMBOL P` sets \
            the price: every open LIMIT order it crosses (a BUY at or above P, a SELL at or below) \
            fills by up to the symbol's fill quantity per move, so a large order fills over several \
            moves. `sim step N` moves the market N steps (the random walk of `bnc sim --walk`, or \
            another fill at the same price). The result lists the fills. See docs/simulator.md.
            """,
        arguments: [
            .positional(
                "action", parameter: "action", kind: .text, summary: "order, price or step",
                typeHint: "sim order …, sim price SYMBOL P, or sim step [N]"),
            .positional(
                "target", parameter: "symbol", kind: .text, required: false,
                summary: "the symbol (order, price) or the number of steps (step)"),
            .positional(
                "value", parameter: "value", kind: .decimal, required: false, summary: "the price (sim price SYMBOL P)",
                typeHint: "a price, e.g. 0.0014"),
            .named("side", parameter: "side", kind: .text, summary: "BUY or SELL (sim order)"),
            .named("price", parameter: "price", kind: .decimal, summary: "the limit price (sim order)"),
            .named("qty", aliases: ["quantity"], parameter: "quantity", kind: .decimal, summary: "the quantity (sim order)"),
            .named(
                "cid", aliases: ["newClientOrderId"], parameter: "newClientOrderId", kind: .text,
                summary: "the order's client id (sim order); generated when left out"),
            .flag("isolated", aliases: ["isIsolated"], parameter: "isIsolated", summary: "the isolated account of SYMBOL"),
            .flag("spot", parameter: "spot", summary: "a spot order, on the spot book")
        ],
        build: { arguments in
            let word = arguments.text("action") ?? ""
            let target = arguments.text("target")
            switch SimulatorControl.Action(rawValue: word) {
            case .price:
                return SimulatorControl(action: .price, symbol: target, price: arguments.decimal("value"))
            case .step:
                // A count that is not a number goes as 0, which validation refuses with the range.
                return SimulatorControl(action: .step, count: target.map { Int64($0) ?? 0 })
            case .order:
                return SimulatorControl(
                    action: .order, symbol: target, isIsolated: arguments.flag("isolated"), side: arguments.text("side"),
                    quantity: arguments.decimal("qty"), price: arguments.decimal("price"),
                    clientOrderId: arguments.text("cid"), spot: arguments.flag("spot"))
            case nil:
                return SimulatorControl(action: .step, unknownAction: word)
            }
        }
    )
}
