extension ExchangeState {
    /// `GET /sapi/v1/account/apiRestrictions`: the configured ``KeyPermissions`` in the
    /// exchange's fields and order. Permissions bnc's simulator does not model (withdrawals,
    /// futures, options, FIX) are reported off, as a key made for margin trading would have them.
    func apiRestrictions(_ call: SimulatorRoute.Call) -> Success {
        let permissions = configuration.keyPermissions
        var json = JSONText(capacity: 400)
        json.bool("ipRestrict", permissions.ipRestricted)
        json.number("createTime", ExchangeSeed.demoEpoch)
        json.bool("enableReading", permissions.reading)
        json.bool("enableWithdrawals", false)
        json.bool("enableInternalTransfer", false)
        json.bool("enableMargin", permissions.margin)
        json.bool("enableFutures", false)
        json.bool("permitsUniversalTransfer", false)
        json.bool("enableVanillaOptions", false)
        json.bool("enableFixApiTrade", false)
        json.bool("enableFixReadOnly", false)
        json.bool("enableSpotAndMarginTrading", permissions.spotAndMarginTrading)
        json.bool("enablePortfolioMarginTrading", false)
        return Success(body: json.close(), detail: "key permissions: \(permissions.summary)")
    }
}
