/// `GET /sapi/v1/margin/isolated/allPairs` — every isolated-margin trading pair (USER_DATA,
/// signed). Weight 10 (IP).
public struct IsolatedMarginAllPairs: DocumentedOperation, Hashable {
    public typealias Response = SymbolList

    public static let endpoint = EndpointDescription(
        .get, "/sapi/v1/margin/isolated/allPairs", weight: RequestWeight(10, .ip), security: .userData,
        title: "isolated margin pairs", effect: .read,
        parameters: ["symbol", "recvWindow"])

    /// How long after `timestamp` the request stays valid, 1...60000 ms.
    public var recvWindow: Int?

    public init(recvWindow: Int? = nil) {
        self.recvWindow = recvWindow
    }

    public func validate() throws(ValidationError) {
        if let recvWindow { try ParameterRules.recvWindow(recvWindow) }
    }

    public var parameters: [QueryParameter] {
        recvWindow.map { [QueryParameter("recvWindow", String($0))] } ?? []
    }
}
