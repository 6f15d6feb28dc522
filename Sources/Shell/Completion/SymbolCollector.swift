/// Picks the trading symbols out of statements the user ran, so that later statements can
/// complete them: the symbol operand of a command (`cancel LTCBTC …`), `symbol=…`, and quoted
/// symbol-shaped strings (`let sym = "LTCBTC"`).
package struct SymbolCollector: Sendable {
    /// Commands whose first operand is a symbol.
    package var symbolCommands: Set<String>

    package init(symbolCommands: Set<String>) {
        self.symbolCommands = symbolCommands
    }

    /// The symbols in `text`, in order of appearance, without repeats.
    package func symbols(in text: String) -> [String] {
        var found: [String] = []
        func add(_ candidate: Substring) {
            let symbol = candidate.uppercased()
            if Self.isSymbolShaped(symbol) && !found.contains(symbol) { found.append(symbol) }
        }
        for statement in text.split(whereSeparator: { "{};\n".contains($0) }) {
            let tokens = statement.split(whereSeparator: { $0 == " " || $0 == "\t" })
            var index = 0
            if tokens.first == "let", tokens.count > 3, tokens[2] == "=" { index = 3 }
            if index < tokens.count, symbolCommands.contains(String(tokens[index])), index + 1 < tokens.count {
                let operand = tokens[index + 1]
                if !operand.contains("="), !operand.hasPrefix("$") { add(operand) }
            }
            for token in tokens {
                if token.hasPrefix("symbol=") { add(token.dropFirst("symbol=".count)) }
                if token.count > 2, token.first == "\"", token.last == "\"" { add(token.dropFirst().dropLast()) }
            }
        }
        return found
    }

    /// Upper-case letters and digits, 5 to 20 of them, at least three letters (BNBBTC, 1000SATSUSDT).
    static func isSymbolShaped(_ text: String) -> Bool {
        guard (5...20).contains(text.count) else { return false }
        var letters = 0
        for scalar in text.unicodeScalars {
            switch scalar {
            case "A"..."Z": letters += 1
            case "0"..."9": continue
            default: return false
            }
        }
        return letters >= 3
    }
}
