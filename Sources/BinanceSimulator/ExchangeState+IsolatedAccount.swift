extension ExchangeState {
    /// `GET /sapi/v1/margin/isolated/account`: the account's isolated margin accounts — each
    /// symbol with a seeded isolated wallet or isolated orders on its book (what
    /// ``isolatedAccountExists(account:symbol:)`` accepts) — sorted; `symbols` (at most 5,
    /// comma-separated) keeps only those named. A listed symbol without an isolated account is
    /// left out, as the exchange leaves it out; an unlisted one is -1121, more than 5 or an empty
    /// name -1130.
    ///
    /// The balances are the isolated wallet's: `locked` what its open orders hold, `free` the
    /// rest, a balance below zero (fills beyond it) `borrowed`. Values in BTC use the simulated
    /// prices (an asset without a BTC pair counts zero). `marginLevel` is assets over
    /// liabilities in BTC, 999 with none — as the exchange reports an account that owes nothing —
    /// and so also when what is owed has no BTC price to value it by.
    func isolatedAccounts(_ call: SimulatorRoute.Call) throws(ExchangeReject) -> Success {
        var wanted: [String]?
        if let text = call.parameters.value("symbols") {
            let names = text.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard names.count <= 5, !names.contains(where: \.isEmpty) else { throw .invalidValue("symbols") }
            for name in names where !symbols.contains(name) { throw .invalidSymbol }
            wanted = names
        }
        let account = call.account
        var existing = Set(book(account).shelves.keys.filter(\.isolated).map(\.symbol))
        for case .isolated(let symbol) in (market.balances[account] ?? [:]).keys { existing.insert(symbol) }
        let shown = (wanted.map { Set($0) } ?? existing).intersection(existing).sorted()
        var totalAsset = SimDecimal.zero
        var totalLiability = SimDecimal.zero
        let entries = shown.map { symbol -> String in
            let rules = market.rules(of: symbol)
            let wallet = MarketState.Wallet.isolated(symbol)
            var assetInBTC = SimDecimal.zero
            var liabilityInBTC = SimDecimal.zero
            let assets = [("baseAsset", rules.baseAsset), ("quoteAsset", rules.quoteAsset)].map { name, asset in
                let balance = market.balance(account: account, wallet: wallet, asset: asset)
                let held = max(.zero, min(balance, reservedBalance(account: account, wallet: wallet, asset: asset)))
                let owned = max(.zero, balance)
                let borrowed = max(.zero, SimDecimal.zero.subtracting(balance) ?? .zero)
                let netInBTC = valueInBTC(balance, of: asset)
                assetInBTC = assetInBTC.adding(valueInBTC(owned, of: asset)) ?? assetInBTC
                liabilityInBTC = liabilityInBTC.adding(valueInBTC(borrowed, of: asset)) ?? liabilityInBTC
                var json = JSONText(capacity: 256)
                json.string("asset", asset)
                json.bool("borrowEnabled", true)
                json.string("borrowed", borrowed.description)
                json.string("free", (owned.subtracting(held) ?? .zero).description)
                json.string("interest", "0.00000000")
                json.string("locked", held.description)
                json.string("netAsset", balance.description)
                json.string("netAssetOfBtc", netInBTC.description)
                json.bool("repayEnabled", true)
                json.string("totalAsset", owned.description)
                return "\"\(name)\":" + json.close()
            }
            totalAsset = totalAsset.adding(assetInBTC) ?? totalAsset
            totalLiability = totalLiability.adding(liabilityInBTC) ?? totalLiability
            let level = liabilityInBTC == .zero ? nil : assetInBTC.divided(by: liabilityInBTC)
            var json = JSONText(capacity: 256)
            json.string("symbol", symbol)
            json.bool("isolatedCreated", true)
            json.bool("enabled", true)
            json.string("marginLevel", (level ?? SimDecimal(units: 999 * SimDecimal.unit)).description)
            json.string("marginLevelStatus", Self.marginLevelStatus(level))
            json.string("marginRatio", "5.00000000")
            // The page's three price fields: the index is the symbol's simulated price; no
            // liquidation is simulated, so there is no liquidation price or rate (zero).
            json.string("indexPrice", (market.prices[symbol] ?? .zero).description)
            json.string("liquidatePrice", "0.00000000")
            json.string("liquidateRate", "0.00000000")
            json.bool("tradeEnabled", true)
            let tail = json.close()
            return "{" + assets.joined(separator: ",") + "," + tail.dropFirst()
        }
        var body = "{\"assets\":[" + entries.joined(separator: ",") + "]"
        if wanted == nil {
            let net = totalAsset.subtracting(totalLiability) ?? .zero
            body +=
                ",\"totalAssetOfBtc\":\"\(totalAsset)\",\"totalLiabilityOfBtc\":\"\(totalLiability)\",\"totalNetAssetOfBtc\":\"\(net)\""
        }
        return Success(body: body + "}", detail: "\(shown.count) isolated accounts")
    }

    /// `amount` of `asset` in BTC at the simulated prices: through `ASSETBTC` or `BTCASSET`;
    /// zero when neither is priced or the product does not fit.
    func valueInBTC(_ amount: SimDecimal, of asset: String) -> SimDecimal {
        if asset == "BTC" { return amount }
        if let price = market.prices[asset + "BTC"], let value = amount.multiplied(by: price) { return value }
        if let price = market.prices["BTC" + asset], let value = amount.divided(by: price) { return value }
        return .zero
    }

    /// The exchange's words for a margin level (assets over liabilities; nil: nothing owed).
    /// Its thresholds are not documented per pair; these are its usual ones.
    static func marginLevelStatus(_ level: SimDecimal?) -> String {
        guard let level else { return "EXCESSIVE" }
        func at(_ text: String) -> SimDecimal { SimDecimal(text) ?? .zero }
        if level >= at("2") { return "EXCESSIVE" }
        if level >= at("1.5") { return "NORMAL" }
        if level >= at("1.25") { return "MARGIN_CALL" }
        if level >= at("1.1") { return "PRE_LIQUIDATION" }
        return "FORCE_LIQUIDATION"
    }
}
