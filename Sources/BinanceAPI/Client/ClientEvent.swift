/// Something the client did on its own while performing an operation — waited, resynced,
/// checked an outcome — that the user should be told about.
public struct ClientEvent: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, Codable {
        /// Waited for the weight budget before sending (or, as a wait notice, is about to:
        /// ``ExchangeClient/configureWaitNotice(_:)``).
        case paced
        /// The exchange answered 429; waited `Retry-After` (or, as a wait notice, is about to).
        case rateLimited
        /// -1021: the clock offset was resynced from server time.
        case clockResynced
        /// No usable answer (5XX, timeout, connection lost): the outcome was unknown.
        case outcomeUnknown
        /// An outcome check's conclusion.
        case checked
        /// A read was sent again.
        case retried
    }

    public var kind: Kind
    /// One line for the user.
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }
}
