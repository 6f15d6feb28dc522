/// `GET /sapi/v1/margin/allPairs` — every cross-margin trading pair (MARKET_DATA: the API key
/// header, no signature). Weight 1 (IP). Its only parameter, `symbol`, is not used by bnc.
public struct MarginAllPairs: ExchangeOperation, Hashable {
    public typealias Response = SymbolList

    public static let method = HTTPMethod.get
    public static let path = "/sapi/v1/margin/allPairs"
    public static let weight = RequestWeight(1, .ip)
    /// MARKET_DATA: like USER_STREAM, the key header and no signature.
    public static let security = SecurityType.userStream
    public static let title = "cross margin pairs"

    public init() {}

    public func validate() throws(ValidationError) {}

    public var parameters: [QueryParameter] { [] }
}
