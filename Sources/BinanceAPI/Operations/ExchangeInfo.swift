/// `GET /api/v3/exchangeInfo` — the exchange's trading rules and every spot symbol (NONE: no
/// key). Weight 20, counted against the `/api` limit. bnc reads the `symbols` array only.
public struct ExchangeInfo: ExchangeOperation, Hashable {
    public typealias Response = SymbolList

    public static let method = HTTPMethod.get
    public static let path = "/api/v3/exchangeInfo"
    public static let weight = RequestWeight(20, .ip)
    public static let security = SecurityType.none
    public static let title = "exchange info"

    public init() {}

    public func validate() throws(ValidationError) {}

    public var parameters: [QueryParameter] { [] }
}
