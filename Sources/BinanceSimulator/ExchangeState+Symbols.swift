extension ExchangeState {
    /// The lists of symbols the simulator serves.
    enum SymbolListKind {
        /// `GET /sapi/v1/margin/allPairs` (each pair with an `id`).
        case crossPairs
        /// `GET /sapi/v1/margin/isolated/allPairs`.
        case isolatedPairs
        /// `GET /api/v3/exchangeInfo` (an object with a `symbols` array).
        case exchangeInfo
    }

    /// `GET /api/v3/time`: the server clock.
    func serverTime(_ call: SimulatorRoute.Call) -> Success {
        var json = JSONText(capacity: 32)
        json.number("serverTime", call.serverTime)
        return Success(body: json.close(), detail: "server time \(call.serverTime)")
    }

    /// `GET /sapi/v1/system/status`: always normal.
    func systemStatus() -> Success {
        Success(body: "{\"status\":0,\"msg\":\"normal\"}", detail: "system status normal")
    }

    /// The symbol lists, from the seed's symbols (sorted, so answers are reproducible): the
    /// margin pairs as arrays of pairs, exchangeInfo as an object with a `symbols` array.
    func symbolList(_ endpoint: SymbolListKind) -> Success {
        let sorted = symbols.sorted()
        let pairs = sorted.enumerated().map { index, symbol in
            let (base, quote) = Self.split(symbol)
            // The pages' field order (alphabetical there): base, id (cross only), the three
            // flags, quote, symbol (Tests/Fidelity holds it).
            let account = endpoint == .crossPairs ? "\"id\":\(index + 1)," : ""
            return "{\"base\":\(Self.quoted(base)),\(account)\"isBuyAllowed\":true,\"isMarginTrade\":true,"
                + "\"isSellAllowed\":true,\"quote\":\(Self.quoted(quote)),\"symbol\":\(Self.quoted(symbol))}"
        }
        let body: String
        switch endpoint {
        case .exchangeInfo:
            // `orderTypes`: the types the simulator places (stop and take-profit types are -1116
            // here), so a client that checks the list first (ccxt) asks for what it can get.
            let entries = sorted.map { symbol in
                let (base, quote) = Self.split(symbol)
                return "{\"symbol\":\(Self.quoted(symbol)),\"status\":\"TRADING\",\"baseAsset\":\(Self.quoted(base)),"
                    + "\"quoteAsset\":\(Self.quoted(quote)),\"orderTypes\":[\"LIMIT\",\"LIMIT_MAKER\",\"MARKET\"],"
                    + "\"isMarginTradingAllowed\":true}"
            }
            body = "{\"timezone\":\"UTC\",\"rateLimits\":[],\"symbols\":[" + entries.joined(separator: ",") + "]}"
        default:
            body = "[" + pairs.joined(separator: ",") + "]"
        }
        return Success(body: body, detail: "\(sorted.count) symbols")
    }

    /// `LTCBTC` → (`LTC`, `BTC`) by the quote assets the demo uses.
    static func split(_ symbol: String) -> (base: String, quote: String) {
        for quote in ["USDT", "BTC", "ETH", "BNB"] where symbol.hasSuffix(quote) && symbol.count > quote.count {
            return (String(symbol.dropLast(quote.count)), quote)
        }
        return (symbol, "")
    }

    /// A JSON string (symbols are checked words, but a seed may hold anything).
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case _ where scalar.value < 0x20: result += "\\u00" + String(scalar.value, radix: 16).leftPadded(2)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
