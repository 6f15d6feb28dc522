import BinanceAPI

/// One line of a session log.
package enum SessionRecord: Sendable, Hashable {
    case header(SessionHeader)
    case statement(StatementRecord)
    case request(RequestRecord)
    case response(ResponseRecord)
    /// A request that got no response (`"kind":"error"`).
    case failure(FailureRecord)
    case interrupt(InterruptRecord)
    case end(EndRecord)

    /// The value of the record's `kind` field.
    package var kind: String {
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
    package var line: String { json.serialized }
}

/// Why a line is not a valid record.
package struct SessionRecordError: Error, Sendable, Hashable, CustomStringConvertible {
    package var reason: String

    package init(_ reason: String) { self.reason = reason }

    init(_ error: ResponseDecodingError) {
        reason = error.field.isEmpty ? error.reason : "field '\(error.field)' \(error.reason)"
    }

    package var description: String { reason }
}
