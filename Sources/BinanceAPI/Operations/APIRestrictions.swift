/// `GET /sapi/v1/account/apiRestrictions` — what the calling API key may do (USER_DATA, signed).
/// Weight 1 (IP).
///
/// It separates -2015's causes: it answers only when the key is known and this machine's IP may
/// use it; then `enableMargin`, `enableSpotAndMarginTrading` and `ipRestrict` say which
/// permission is missing. The exchange does not list the whitelisted IPs here.
public struct APIRestrictions: DocumentedOperation, Hashable {
    public typealias Response = APIKeyPermissions

    public static let endpoint = EndpointDescription(
        .get, "/sapi/v1/account/apiRestrictions", weight: RequestWeight(1, .ip), security: .userData,
        title: "API key permissions", effect: .read, parameters: ["recvWindow"])

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
