extension ExchangeState {
    /// The symbol lists, from the seed's symbols (sorted, so answers are reproducible): the
    /// margin pairs as arrays of pairs, exchangeInfo as an object with a `symbols` array.
    func symbolList(_ endpoint: Endpoint) -> Success {
        let sorted = symbols.sorted()
        let pairs = sorted.enumerated().map { index, symbol in
            let (base, quote) = Self.split(symbol)
            let account = endpoint == .crossPairs ? "\"id\":\(index + 1)," : ""
            return "{\(account)\"symbol\":\(Self.quoted(symbol)),\"base\":\(Self.quoted(base)),\"quote\":\(Self.quoted(quote)),"
                + "\"isMarginTrade\":true,\"isBuyAllowed\":true,\"isSellAllowed\":true}"
        }
        let body: String
        switch endpoint {
        case .exchangeInfo:
            let entries = sorted.map { symbol in
                let (base, quote) = Self.split(symbol)
                return "{\"symbol\":\(Self.quoted(symbol)),\"status\":\"TRADING\",\"baseAsset\":\(Self.quoted(base)),"
                    + "\"quoteAsset\":\(Self.quoted(quote)),\"isMarginTradingAllowed\":true}"
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
