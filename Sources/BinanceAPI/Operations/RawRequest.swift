/// `request METHOD PATH [name=value …] [signed] [weight=N]`: a request to an endpoint bnc has
/// no typed operation for, with its method, path, parameters and weight chosen at run time.
///
/// Its ``endpoint`` is built per instance from what was given, so the builder, the client and
/// the dry run treat it like any other operation: the same canonical encoding (parameters in
/// the order given, not sorted), signing (`recvWindow` when none is given, then `timestamp`),
/// pacing (`weight` reserved against the IP limit of the path's family, `/api` or `/sapi`,
/// before sending, corrected by the answer's used-weight headers), session log and dry run. A
/// GET is a read (sent again after an unknown outcome); any other method is a write: after a
/// 5XX or a timeout its outcome is unknown and it is never sent again, since bnc knows no read
/// that would confirm it.
///
/// `signed` makes it USER_DATA (`timestamp` and `signature`). Unsigned, it is keyed: the
/// `X-MBX-APIKEY` header goes with it whenever a key is configured, because some unsigned
/// `/sapi` endpoints want the key and a public one ignores it.
public struct RawRequest: ExchangeOperation, Hashable {
    public typealias Response = RawResponse

    /// The methods the exchange's REST API uses, as they must be written.
    public static let methods = HTTPMethod.allCases.map(\.rawValue)
    /// The weights `weight=` accepts: the exchange documents none above a few hundred.
    public static let weightRange: ClosedRange<Int64> = 1...1000
    /// The longest path accepted (the exchange's are under 60 characters).
    public static let maximumPathLength = 256
    /// The longest parameter name accepted.
    public static let maximumNameLength = 64

    /// The method as written, e.g. `DELETE` (checked by ``validate()``).
    public var method: String
    /// The path as written, e.g. `/sapi/v1/margin/order`.
    public var path: String
    /// The parameters in the order written, without `timestamp` and `signature`.
    public var parameters: [QueryParameter]
    /// Whether to sign the request (USER_DATA) rather than send it keyed only.
    public var signed: Bool
    /// The weight to reserve before sending: the endpoint's documented weight.
    public var weight: Int64

    public init(method: String, path: String, parameters: [QueryParameter] = [], signed: Bool = false, weight: Int64 = 1) {
        self.method = method
        self.path = path
        self.parameters = parameters
        self.signed = signed
        self.weight = weight
    }

    /// The endpoint as given. Its parameter names are the ones given (and `recvWindow`, which
    /// the builder may add), so `bnc explain` and the dry run read the order that is sent.
    public var endpoint: EndpointDescription {
        let method = HTTPMethod(rawValue: method)
        var names = parameters.map(\.name)
        if signed, !names.contains("recvWindow") { names.append("recvWindow") }
        return EndpointDescription(
            method ?? .get, path, weight: RequestWeight(Int(clamping: weight), .ip),
            security: signed ? .userData : .userStream, title: "request",
            effect: method == .get ? .read : .write, parameters: names)
    }

    /// The `recvWindow` given among the parameters (the builder adds the profile's otherwise).
    public var recvWindow: Int? {
        parameters.first { $0.name == "recvWindow" }.flatMap { Int($0.value) }
    }

    public func validate() throws(ValidationError) {
        guard Self.methods.contains(method) else {
            let upper = method.uppercased()
            throw .rejectedArgument(
                name: "method",
                reason:
                    "method '\(TerminalText.escaped(String(method.prefix(40))))' is not one of \(Self.methods.joined(separator: ", "))",
                hint: Self.methods.contains(upper) ? "methods are upper case: \(upper)" : nil)
        }
        try Self.checkPath(path)
        guard Self.weightRange.contains(weight) else {
            throw .valueOutOfRange(name: "weight", value: String(weight), range: Self.weightRange)
        }
        var seen: Set<String> = []
        for parameter in parameters {
            try Self.checkName(parameter.name)
            guard seen.insert(parameter.name).inserted else {
                throw .rejectedArgument(
                    name: parameter.name, reason: "parameter '\(parameter.name)' is given more than once",
                    hint: "give each parameter once (a list goes in one value, e.g. symbols=[\"A\",\"B\"])")
            }
            guard !parameter.value.isEmpty else { throw .emptyValue(parameter.name) }
        }
        if let given = parameters.first(where: { $0.name == "recvWindow" }) {
            guard let value = Int(given.value) else {
                throw .rejectedArgument(
                    name: "recvWindow",
                    reason: "recvWindow '\(TerminalText.escaped(String(given.value.prefix(40))))' is not a whole number of ms",
                    hint: "recvWindow=5000")
            }
            try ParameterRules.recvWindow(value)
        }
    }

    /// Whether ``validate()`` takes `path` (completion offers only such paths).
    public static func isExchangePath(_ path: String) -> Bool {
        (try? checkPath(path)) != nil
    }

    /// A path under `/api/` or `/sapi/`: segments of letters, digits, `_ . -`, none `.` or
    /// `..` (which would climb out of the prefix), no query or fragment, at most 256 characters.
    static func checkPath(_ path: String) throws(ValidationError) {
        func reject(_ reason: String, _ hint: String? = nil) -> ValidationError {
            .rejectedArgument(
                name: "path", reason: "path '\(TerminalText.escaped(String(path.prefix(80))))' \(reason)", hint: hint)
        }
        guard path.hasPrefix("/api/") || path.hasPrefix("/sapi/") else {
            throw reject("is not an exchange path", "paths start with /api/ or /sapi/, e.g. /sapi/v1/account/apiRestrictions")
        }
        if let bad = path.unicodeScalars.first(where: { "?#".unicodeScalars.contains($0) }) {
            throw reject("holds '\(bad)'", "give parameters as name=value after the path, not in it")
        }
        guard path.utf8.count <= maximumPathLength else { throw reject("is longer than \(maximumPathLength) characters") }
        let segments = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        for segment in segments {
            guard !segment.isEmpty, segment != ".", segment != "..",
                segment.utf8.allSatisfy({ isNameByte($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") })
            else {
                throw reject(
                    "has a segment other than letters, digits, _ . - (no spaces, control characters, '//', '.' or '..')")
            }
        }
    }

    /// A parameter name: 1-64 of `A-Z a-z 0-9 _`, and not one the signer adds.
    static func checkName(_ name: String) throws(ValidationError) {
        if name == "timestamp" || name == "signature" {
            throw .rejectedArgument(
                name: name, reason: "'\(name)' is added by bnc when the request is signed",
                hint: "leave it out and add `signed`")
        }
        guard (1...maximumNameLength).contains(name.utf8.count), name.utf8.allSatisfy(isNameByte) else {
            throw .rejectedArgument(
                name: name,
                reason:
                    "parameter name '\(TerminalText.escaped(String(name.prefix(80))))' is not 1-\(maximumNameLength) letters, digits or _",
                hint: nil)
        }
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "_"):
            return true
        default:
            return false
        }
    }
}
