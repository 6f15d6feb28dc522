import BNCTestSupport
import Script
import Testing

@testable import Shell

/// `ColumnSet` finds the names it looks at in one pass (`Presence`); these compare its answers
/// with the `names.contains` formulation it replaced, on random field lists that mix the order
/// fields with other names, repeats, other cases, and strings canonically equivalent to ASCII
/// (the Kelvin sign is `K`, U+037E is `;`) or not (combining marks, other scripts).
@Suite struct ColumnSetPresenceTests {
    /// The implementation before the one-pass check, as it was.
    enum Reference {
        static func isOrder(_ names: [String]) -> Bool {
            names.contains("orderId") && names.contains("side") && names.contains("status")
        }

        static func recordFields(_ names: [String], columns: RenderOptions.Columns) -> [String] {
            guard columns == .default, isOrder(names) else { return names }
            var chosen = names.contains("symbol") ? ["symbol"] : []
            chosen += compact(names)
            if names.contains("isIsolated") { chosen.append("isIsolated") }
            return chosen
        }

        static func compact(_ names: [String]) -> [String] {
            ColumnSet.order.compactMap { column in
                switch column {
                case "clientOrderId" where names.contains("origClientOrderId"): return "origClientOrderId"
                case "time" where !names.contains("time") && names.contains("transactTime"): return "transactTime"
                default: return names.contains(column) ? column : nil
                }
            }
        }
    }

    static let known = [
        "orderId", "side", "status", "symbol", "isIsolated", "clientOrderId", "origClientOrderId", "type", "price",
        "origQty", "executedQty", "time", "transactTime", "cummulativeQuoteQty", "timeInForce", "updateTime",
        "isWorking", "stopPrice", "icebergQty", "accountId"
    ]
    static let odd = [
        "", "Side", "SIDE", "orderID", "order Id", "sid", "sidee", "time\u{301}", "s\u{0301}ide", "\u{212A}", "K",
        "\u{37E}", ";", "\u{1FEF}", "`", "ordérId", "订单", "status\u{0}", "price ", " price", "é", "e\u{301}"
    ]

    @Test func theOnePassAnswersAsContainsDid() {
        var generator = SplitMix64(seed: 0x00C0_1A5E_7000_0018)
        for _ in 0..<20_000 {
            var names: [String] = []
            for _ in 0..<generator.below(22) {
                names.append(generator.chance(80) ? generator.pick(Self.known) : generator.pick(Self.odd))
            }
            if generator.chance(30) { names += ["orderId", "side", "status"].shuffled(using: &generator) }
            names.shuffle(using: &generator)
            for columns in [RenderOptions.Columns.default, .all] {
                #expect(
                    ColumnSet.recordFields(names, columns: columns) == Reference.recordFields(names, columns: columns),
                    "\(names)")
            }
            #expect(ColumnSet.isOrder(names) == Reference.isOrder(names), "\(names)")
            #expect(ColumnSet.Presence(names).isOrder == Reference.isOrder(names))
        }
    }

    @Test func aCancelsAnswerShowsTheCompactFields() {
        let names = [
            "symbol", "isIsolated", "orderId", "origClientOrderId", "clientOrderId", "price", "origQty", "executedQty",
            "cummulativeQuoteQty", "status", "timeInForce", "type", "side"
        ]
        #expect(
            ColumnSet.recordFields(names, columns: .default) == [
                "symbol", "orderId", "origClientOrderId", "side", "type", "price", "origQty", "executedQty", "status",
                "isIsolated"
            ])
        #expect(ColumnSet.recordFields(names, columns: .all) == names)
        #expect(ColumnSet.recordFields(["orderId", "side"], columns: .default) == ["orderId", "side"])
    }
}
