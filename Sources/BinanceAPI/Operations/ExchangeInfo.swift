/// `GET /api/v3/exchangeInfo` — the exchange's trading rules and every spot symbol (NONE: no
/// key). Weight 20, counted against the `/api` limit. bnc reads the `symbols` array only.
public struct ExchangeInfo: DocumentedOperation, Hashable {
    public typealias Response = SymbolList

    public static let endpoint = EndpointDescription(
        .get, "/api/v3/exchangeInfo", weight: RequestWeight(20, .ip), security: .none, title: "exchange info", effect: .read,
        parameters: ["symbol", "symbols", "permissions", "showPermissionSets", "symbolStatus"])

    public init() {}

    public func validate() throws(ValidationError) {}

    public var parameters: [QueryParameter] { [] }
}
