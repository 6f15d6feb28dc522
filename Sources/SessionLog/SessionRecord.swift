import BinanceAPI

/// One line of a session log.
public enum SessionRecord: Sendable, Hashable {
    case header(SessionHeader)
    case statement(StatementRecord)
    case request(RequestRecord)
    case response(ResponseRecord)
    /// A request that got no response (`"kind":"error"`).
    case failure(FailureRecord)
    case interrupt(InterruptRecord)
    case end(EndRecord)

    /// The value of the record's `kind` field.
    public var kind: String {
        switch self {
        case .header: return "header"
        case .statement: return "statement"
        case .request: return "request"
        case .response: return "response"
        case .failure: return "error"
        case .interrupt: return "interrupt"
        case .end: return "end"
        }
    }

    /// The record as one line of JSON, without the newline.
    public var line: String { json.serialized }
}

/// Why a line is not a valid record.
public struct SessionRecordError: Error, Sendable, Hashable, CustomStringConvertible {
    public var reason: String

    public init(_ reason: String) { self.reason = reason }

    init(_ error: ResponseDecodingError) {
        reason = error.field.isEmpty ? error.reason : "field '\(error.field)' \(error.reason)"
    }

    public var description: String { reason }
}
