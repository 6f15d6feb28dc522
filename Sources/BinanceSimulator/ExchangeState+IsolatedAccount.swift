extension ExchangeState {
    /// `GET /sapi/v1/margin/isolated/account`: the account's isolated margin accounts, each
    /// symbol it holds isolated orders on (the demo's and a seed's), sorted; `symbols` (at most
    /// 5, comma-separated) keeps only those named. A listed symbol without an isolated account is
    /// left out, as the exchange leaves it out; an unlisted one is -1121, more than 5 or an
    /// empty name -1130. Balances are not kept per isolated account here, so each asset reports
    /// zero: the entries say which accounts exist, which is what a client checks.
    func isolatedAccounts(_ call: SimulatorRoute.Call) throws(ExchangeReject) -> Success {
        var wanted: [String]?
        if let text = call.parameters.value("symbols") {
            let names = text.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard names.count <= 5, !names.contains(where: \.isEmpty) else { throw .invalidValue("symbols") }
            for name in names where !symbols.contains(name) { throw .invalidSymbol }
            wanted = names
        }
        let existing = Set(book(call.account).shelves.keys.filter(\.isolated).map(\.symbol))
        let shown = (wanted.map { Set($0) } ?? existing).intersection(existing).sorted()
        let entries = shown.map { symbol -> String in
            let (base, quote) = Self.split(symbol)
            let assets = [("baseAsset", base), ("quoteAsset", quote)].map { name, asset in
                var json = JSONText(capacity: 256)
                json.string("asset", asset)
                json.bool("borrowEnabled", true)
                for field in ["borrowed", "free", "interest", "locked", "netAsset", "netAssetOfBtc"] {
                    json.string(field, "0.00000000")
                }
                json.bool("repayEnabled", true)
                json.string("totalAsset", "0.00000000")
                return "\"\(name)\":" + json.close()
            }
            var json = JSONText(capacity: 256)
            json.string("symbol", symbol)
            json.bool("isolatedCreated", true)
            json.bool("enabled", true)
            json.string("marginLevel", "999.00000000")
            json.string("marginLevelStatus", "EXCESSIVE")
            json.string("marginRatio", "5.00000000")
            // The page's three price fields: the index is the symbol's simulated price; nothing is
            // ever borrowed here, so there is no liquidation price or rate (zero).
            json.string("indexPrice", (market.prices[symbol] ?? .zero).description)
            json.string("liquidatePrice", "0.00000000")
            json.string("liquidateRate", "0.00000000")
            json.bool("tradeEnabled", true)
            let tail = json.close()
            return "{" + assets.joined(separator: ",") + "," + tail.dropFirst()
        }
        var body = "{\"assets\":[" + entries.joined(separator: ",") + "]"
        if wanted == nil {
            body +=
                ",\"totalAssetOfBtc\":\"0.00000000\",\"totalLiabilityOfBtc\":\"0.00000000\",\"totalNetAssetOfBtc\":\"0.00000000\""
        }
        return Success(body: body + "}", detail: "\(shown.count) isolated accounts")
    }
}
