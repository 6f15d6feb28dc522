/// `GET /sapi/v1/margin/allPairs` — every cross-margin trading pair (MARKET_DATA: the API key
/// header, no signature). Weight 1 (IP). Its only parameter, `symbol`, is not used by bnc.
public struct MarginAllPairs: DocumentedOperation, Hashable {
    public typealias Response = SymbolList

    /// MARKET_DATA: like USER_STREAM, the key header and no signature.
    public static let endpoint = EndpointDescription(
        .get, "/sapi/v1/margin/allPairs", weight: RequestWeight(1, .ip), security: .userStream, title: "cross margin pairs",
        effect: .read,
        parameters: ["symbol"])

    public init() {}

    public func validate() throws(ValidationError) {}

    public var parameters: [QueryParameter] { [] }
}
