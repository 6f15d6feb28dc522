import BinanceAPI

/// A run-time failure: its diagnostic and what failed (``RunFailure``), which is also the
/// record `on error NAME` binds.
struct ScriptError: Error {
    var diagnostic: Diagnostic
    var failure: RunFailure

    /// The record bound by `on error e`: `kind`, `code`, `msg`, `name`, `hint`, `status`, `outcomeUnknown`, `line`.
    var value: Value { failure.record(line: diagnostic.location.line) }

    /// An error of the script itself (bad field, wrong type, `fail`), or of how it was called
    /// (`usage`) or of a command's arguments (`validation`).
    static func script(_ diagnostic: Diagnostic, kind: RunFailure.Kind = .script) -> ScriptError {
        ScriptError(diagnostic: diagnostic, failure: RunFailure(kind: kind, message: diagnostic.message, hint: diagnostic.hint))
    }

    /// A failed operation.
    static func client(_ error: ClientError, at range: SourceRange, in source: SourceFile) -> ScriptError {
        ScriptError(diagnostic: Diagnostic(error.message, at: range, in: source, hint: error.hint), failure: RunFailure(error))
    }
}
