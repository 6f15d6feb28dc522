/// The answer of `GET /sapi/v1/margin/isolated/account`: `{"assets": [ … ]}`, one entry per
/// isolated margin account (plus account totals when no `symbols` were sent).
public struct IsolatedMarginAccounts: ExchangeResponse, Hashable {
    /// One isolated margin account.
    public struct Account: Sendable, Hashable {
        /// The pair, as sent (text from outside: escape before showing).
        public var symbol: String
        /// Whether the account has been created.
        public var isolatedCreated: Bool?
        /// Whether the account is enabled (a disabled one must be enabled again before trading).
        public var enabled: Bool?
        /// Whether trading is allowed on it.
        public var tradeEnabled: Bool?
        /// `EXCESSIVE`, `NORMAL`, `MARGIN_CALL`, `PRE_LIQUIDATION` or `FORCE_LIQUIDATION`.
        public var marginLevelStatus: String?
    }

    /// The accounts, in the order sent.
    public var accounts: [Account]
    /// The body as received.
    public var json: JSONValue

    public init(json: JSONValue) throws(ResponseDecodingError) {
        let object = try json.requireObject()
        self.json = json
        guard case .array(let entries)? = object["assets"] else {
            throw ResponseDecodingError(field: "assets", reason: "is missing or not an array")
        }
        var accounts: [Account] = []
        accounts.reserveCapacity(entries.count)
        for (index, entry) in entries.enumerated() {
            let fields = try entry.requireObject("assets[\(index)]")
            do throws(ResponseDecodingError) {
                accounts.append(
                    Account(
                        symbol: try fields.requireString("symbol"), isolatedCreated: try fields.optionalBool("isolatedCreated"),
                        enabled: try fields.optionalBool("enabled"), tradeEnabled: try fields.optionalBool("tradeEnabled"),
                        marginLevelStatus: try fields.optionalString("marginLevelStatus")))
            } catch {
                throw ResponseDecodingError(field: "assets[\(index)].\(error.field)", reason: error.reason)
            }
        }
        self.accounts = accounts
    }

    /// The account of `symbol`, if the answer has one.
    public func account(_ symbol: String) -> Account? {
        accounts.first { $0.symbol == symbol }
    }
}
