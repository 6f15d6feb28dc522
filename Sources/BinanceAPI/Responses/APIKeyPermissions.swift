/// The answer of `GET /sapi/v1/account/apiRestrictions`: the calling key's permissions.
///
/// The four fields bnc acts on are required (an answer without them is not this endpoint's);
/// the others are kept when sent and left nil otherwise, since the exchange adds fields over time.
public struct APIKeyPermissions: ExchangeResponse, Hashable {
    /// Whether the key may be used only from its whitelisted IPs.
    public var ipRestrict: Bool
    /// Whether the key may read account data (every USER_DATA endpoint needs it).
    public var enableReading: Bool
    /// Whether the key may place and cancel spot and margin orders.
    public var enableSpotAndMarginTrading: Bool
    /// Whether the key may use margin ("Margin Loan, Repay & Transfer" on the API management page).
    public var enableMargin: Bool
    /// When the key was created, ms since the epoch.
    public var createTime: Int64?
    public var enableWithdrawals: Bool?
    public var enableInternalTransfer: Bool?
    public var enableFutures: Bool?
    public var permitsUniversalTransfer: Bool?
    public var enableVanillaOptions: Bool?
    public var enableFixApiTrade: Bool?
    public var enableFixReadOnly: Bool?
    public var enablePortfolioMarginTrading: Bool?
    /// The body as received.
    public var json: JSONValue

    public init(json: JSONValue) throws(ResponseDecodingError) {
        let object = try json.requireObject()
        self.json = json
        ipRestrict = try Self.require(object, "ipRestrict")
        enableReading = try Self.require(object, "enableReading")
        enableSpotAndMarginTrading = try Self.require(object, "enableSpotAndMarginTrading")
        enableMargin = try Self.require(object, "enableMargin")
        createTime = try object.optionalInteger("createTime")
        enableWithdrawals = try object.optionalBool("enableWithdrawals")
        enableInternalTransfer = try object.optionalBool("enableInternalTransfer")
        enableFutures = try object.optionalBool("enableFutures")
        permitsUniversalTransfer = try object.optionalBool("permitsUniversalTransfer")
        enableVanillaOptions = try object.optionalBool("enableVanillaOptions")
        enableFixApiTrade = try object.optionalBool("enableFixApiTrade")
        enableFixReadOnly = try object.optionalBool("enableFixReadOnly")
        enablePortfolioMarginTrading = try object.optionalBool("enablePortfolioMarginTrading")
    }

    private static func require(_ object: JSONObject, _ key: String) throws(ResponseDecodingError) -> Bool {
        guard let flag = try object.optionalBool(key) else { throw ResponseDecodingError(field: key, reason: "is missing") }
        return flag
    }
}
