import BinanceAPI

/// Why a run stopped at run time, typed: the fields `on error NAME` binds (`$e.kind`, `$e.code`,
/// …) and whether the failing statement sent anything. The library says what happened; the
/// caller (`bnc`) decides the exit code and how to print it.
package struct RunFailure: Sendable, Hashable {
    /// What failed; the raw value is `$e.kind`.
    package enum Kind: String, Sendable, Hashable {
        /// The script itself: a bad field, a wrong type, `fail "…"`.
        case script
        /// The script was called wrongly: a missing `param`, a `parallel` width out of range.
        case usage
        /// A command's arguments failed validation at run time; nothing was sent.
        case validation
        /// No usable key for a signed request; nothing was sent.
        case credentials
        /// The exchange answered with an error code.
        case exchange
        /// The request could not be sent or its answer not received.
        case transport
        /// The answer could not be read.
        case decoding
        /// An HTTP status without an exchange error body.
        case http
        /// The session log could not record the request ahead of its send; it was not sent.
        case notRecorded = "not-recorded"
        /// Other client outcomes (a ban, an unresolved check), named by the client's message.
        case client
        /// The run reached its step limit (`ExecutionLimits`); not catchable by `try`.
        case limit
    }

    package var kind: Kind
    /// The exchange's error code (-2011), for `exchange` failures.
    package var code: Int?
    /// The exchange's name for the code (`CANCEL_REJECTED`), for `exchange` failures.
    package var name: String?
    /// What went wrong; for an exchange error its message verbatim.
    package var message: String
    /// What the user can do about it.
    package var hint: String?
    /// The HTTP status of the answer, when there was one.
    package var httpStatus: Int?
    /// True when the request may have acted on the exchange (a 5XX, a timeout after sending…).
    package var outcomeUnknown: Bool

    package init(
        kind: Kind, code: Int? = nil, name: String? = nil, message: String, hint: String? = nil, httpStatus: Int? = nil,
        outcomeUnknown: Bool = false
    ) {
        self.kind = kind
        self.code = code
        self.name = name
        self.message = message
        self.hint = hint
        self.httpStatus = httpStatus
        self.outcomeUnknown = outcomeUnknown
    }

    /// True when the statement that failed sent nothing because it was wrong as written or
    /// called (usage, validation, credentials): bnc's "usage or validation error" (exit 2).
    package var isUsageError: Bool {
        switch kind {
        case .usage, .validation, .credentials: return true
        default: return false
        }
    }

    /// The failure of an operation, classified from the client's error.
    init(_ error: ClientError) {
        var kind = Kind.client
        var code: Int?
        var name: String?
        var status: Int?
        var message = error.message
        switch error {
        case .request(let requestError):
            if case .validation = requestError { kind = .validation } else { kind = .credentials }
        case .exchange(let exchangeError, _):
            kind = .exchange
            code = exchangeError.code
            name = exchangeError.name
            message = exchangeError.message
            status = exchangeError.httpStatus
        case .transport:
            kind = .transport
        case .decoding:
            kind = .decoding
        case .httpStatus(let httpStatus, _, _):
            kind = .http
            status = httpStatus
        case .notRecorded:
            kind = .notRecorded
        default:
            // Later outcomes (ban, unresolved, moot): named by the client's own message.
            kind = .client
        }
        // One rule decides outcomeUnknown (BinanceAPI's OutcomeRule, through ClientError).
        self.init(
            kind: kind, code: code, name: name, message: message, hint: error.hint, httpStatus: status,
            outcomeUnknown: error.outcomeUnknown)
    }

    /// The record `on error NAME` binds: `kind`, `code`, `msg`, `name`, `hint`, `status`,
    /// `outcomeUnknown`, `line`.
    func record(line: Int) -> Value {
        .record(
            Record([
                ("kind", .string(kind.rawValue)),
                ("code", code.map { .integer(Int64($0)) } ?? .null),
                ("msg", .string(message)),
                ("name", name.map(Value.string) ?? .null),
                ("hint", hint.map(Value.string) ?? .null),
                ("status", httpStatus.map { .integer(Int64($0)) } ?? .null),
                ("outcomeUnknown", .bool(outcomeUnknown)),
                ("line", .integer(Int64(line)))
            ]))
    }
}
