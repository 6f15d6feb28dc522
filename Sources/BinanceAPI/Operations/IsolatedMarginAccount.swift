/// `GET /sapi/v1/margin/isolated/account` — the isolated margin accounts (USER_DATA, signed).
/// Weight 10 (IP).
///
/// With `symbols` (at most 5, sent comma-separated) only those symbols' accounts are returned;
/// without it, every isolated account. A symbol without an isolated account is simply absent
/// from the answer: an isolated order on it gets -11001.
public struct IsolatedMarginAccount: DocumentedOperation, Hashable {
    public typealias Response = IsolatedMarginAccounts

    public static let endpoint = EndpointDescription(
        .get, "/sapi/v1/margin/isolated/account", weight: RequestWeight(10, .ip), security: .userData,
        title: "isolated margin accounts", effect: .read, parameters: ["symbols", "recvWindow"])

    /// The most symbols one request may name.
    public static let maximumSymbols = 5

    /// The symbols to ask about, in order; empty for every isolated account.
    public var symbols: [String]
    /// How long after `timestamp` the request stays valid, 1...60000 ms.
    public var recvWindow: Int?

    public init(symbols: [String] = [], recvWindow: Int? = nil) {
        self.symbols = symbols
        self.recvWindow = recvWindow
    }

    public func validate() throws(ValidationError) {
        guard symbols.count <= Self.maximumSymbols else {
            throw .valueOutOfRange(
                name: "the number of symbols", value: String(symbols.count), range: 1...Int64(Self.maximumSymbols))
        }
        // `symbols=LTCBTC,` would send an empty name: the exchange's -1130, caught here.
        if symbols.contains(where: \.isEmpty) { throw .emptyValue("symbols") }
        for symbol in symbols { try ParameterRules.symbol(symbol) }
        if let recvWindow { try ParameterRules.recvWindow(recvWindow) }
    }

    public var parameters: [QueryParameter] {
        var result: [QueryParameter] = []
        if !symbols.isEmpty { result.append(QueryParameter("symbols", symbols.joined(separator: ","))) }
        if let recvWindow { result.append(QueryParameter("recvWindow", String(recvWindow))) }
        return result
    }
}
