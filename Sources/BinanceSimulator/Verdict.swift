import BinanceAPI

/// What the simulated exchange decided about one request, for the request log.
///
/// It never holds a secret or a signature; the API key appears only masked.
public struct Verdict: Sendable, Hashable {
    /// The outcome class.
    public enum Outcome: String, Sendable, Hashable {
        /// Accepted and answered 2XX.
        case accepted
        /// Rejected with an exchange error code (4XX).
        case rejected
        /// Over the weight limit (429) or banned (418).
        case limited
        /// An injected 5XX or dropped connection.
        case fault
        /// No such route (404/405).
        case notFound = "not-found"
    }

    public var outcome: Outcome
    /// The HTTP status sent (0 for a dropped connection).
    public var status: Int
    /// The exchange error code, when rejected or limited.
    public var code: Int?
    /// One line: what was done or why it was refused.
    public var detail: String
    /// The masked API key of the caller, when one was sent.
    public var maskedKey: String?

    public init(outcome: Outcome, status: Int, code: Int? = nil, detail: String, maskedKey: String? = nil) {
        self.outcome = outcome
        self.status = status
        self.code = code
        self.detail = detail
        self.maskedKey = maskedKey
    }

    /// `DELETE /sapi/v1/margin/order key=vmPU…EhBA -> 400 -2011 Unknown order sent.`
    public func logLine(method: String, path: String, client: String) -> String {
        var line = "\(client) \(method) \(path)"
        if let maskedKey { line += " key=\(maskedKey)" }
        line += " -> "
        line += status == 0 ? "dropped" : String(status)
        if let code { line += " \(code)" }
        line += " \(outcome.rawValue): \(detail)"
        return line
    }
}
