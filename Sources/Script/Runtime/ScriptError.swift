import BinanceAPI

/// A run-time failure: its diagnostic, the error value `on error NAME` binds, and the exit code
/// it gives when nothing catches it.
struct ScriptError: Error {
    var diagnostic: Diagnostic
    /// The record bound by `on error e`: `kind`, `code`, `msg`, `name`, `hint`, `status`, `outcomeUnknown`, `line`.
    var value: Value
    var exitCode: Int32

    /// An error of the script itself (bad field, wrong type, `fail`).
    static func script(_ diagnostic: Diagnostic, kind: String = "script", exitCode: Int32 = 1) -> ScriptError {
        ScriptError(
            diagnostic: diagnostic,
            value: errorRecord(
                kind: kind, code: nil, message: diagnostic.message, name: nil, hint: diagnostic.hint, status: nil,
                outcomeUnknown: false, line: diagnostic.location.line),
            exitCode: exitCode)
    }

    /// A failed operation.
    static func client(_ error: ClientError, at range: SourceRange, in source: SourceFile) -> ScriptError {
        let diagnostic = Diagnostic(error.message, at: range, in: source, hint: error.hint)
        var kind = "exchange"
        var code: Int?
        var name: String?
        var status: Int?
        // One rule decides it (BinanceAPI's OutcomeRule, through ClientError).
        let outcomeUnknown = error.outcomeUnknown
        var message = error.message
        switch error {
        case .request(let requestError):
            if case .validation = requestError { kind = "validation" } else { kind = "credentials" }
        case .exchange(let exchangeError, _):
            code = exchangeError.code
            name = exchangeError.name
            message = exchangeError.message
            status = exchangeError.httpStatus
        case .transport:
            kind = "transport"
        case .decoding:
            kind = "decoding"
        case .httpStatus(let httpStatus, _, _):
            kind = "http"
            status = httpStatus
        case .notRecorded:
            kind = "not-recorded"
        default:
            // Later outcomes (ban, unresolved, moot): named by the client's own message.
            kind = "client"
        }
        return ScriptError(
            diagnostic: diagnostic,
            value: errorRecord(
                kind: kind, code: code, message: message, name: name, hint: error.hint, status: status,
                outcomeUnknown: outcomeUnknown, line: range.start.line),
            exitCode: error.isUsageError ? 2 : 1)
    }

    static func errorRecord(
        kind: String, code: Int?, message: String, name: String?, hint: String?, status: Int?, outcomeUnknown: Bool,
        line: Int
    ) -> Value {
        .record(
            Record([
                ("kind", .string(kind)),
                ("code", code.map { .integer(Int64($0)) } ?? .null),
                ("msg", .string(message)),
                ("name", name.map(Value.string) ?? .null),
                ("hint", hint.map(Value.string) ?? .null),
                ("status", status.map { .integer(Int64($0)) } ?? .null),
                ("outcomeUnknown", .bool(outcomeUnknown)),
                ("line", .integer(Int64(line)))
            ]))
    }
}
