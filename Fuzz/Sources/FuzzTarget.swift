/// One fuzz target: a parser of bytes from outside the process, driven with one input and
/// checked for invariants beyond "does not crash" (see docs/fuzzing.md).
///
/// A target returns normally when the input was handled as it must be — accepted or cleanly
/// refused — and throws ``FuzzViolation`` when an invariant broke. A crash (a trap, a failed
/// precondition, an out-of-bounds index) is a finding too; libFuzzer catches those itself.
struct FuzzTarget: Sendable {
    /// The name on the command line and of the corpus directory, `Fuzz/corpus/<name>/`.
    let name: String
    /// What it reads, for the usage text.
    let summary: String
    /// The longest input worth trying (libFuzzer's `-max_len`): past the parser's smaller
    /// limits, but short enough for many executions a second.
    let maximumLength: Int
    let run: @Sendable (UnsafeRawBufferPointer) throws(FuzzViolation) -> Void

    static let all: [FuzzTarget] = [
        FuzzTarget(
            name: "script", summary: "bnc language: lexer, parser, checker, dry-run interpreter", maximumLength: 4096,
            run: FuzzScript.run),
        FuzzTarget(
            name: "http", summary: "HTTP/1.1 response parser, whole and in pieces", maximumLength: 4096, run: FuzzHTTPResponse.run
        ),
        FuzzTarget(name: "json", summary: "JSON parser and serializer round trip", maximumLength: 8192, run: FuzzJSON.run),
        FuzzTarget(
            name: "fields", summary: "JSON field scanner against the full parser", maximumLength: 8192, run: FuzzJSONFields.run),
        FuzzTarget(
            name: "log", summary: "session log reader, record line decoder and log show renderer", maximumLength: 16384,
            run: FuzzSessionLog.run),
        FuzzTarget(name: "profile", summary: "profile file parser", maximumLength: 2048, run: FuzzProfile.run),
        FuzzTarget(
            name: "curl", summary: "bnc explain's URL, query and curl reader, and the explanation", maximumLength: 4096,
            run: FuzzCurl.run),
        FuzzTarget(
            name: "state", summary: "bnc sim --state file reader, its round trip and a market step", maximumLength: 32768,
            run: FuzzStateFile.run)
    ]

    static func named(_ name: String) -> FuzzTarget? { all.first { $0.name == name } }
}

/// An invariant a target checks did not hold for an input.
struct FuzzViolation: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Throws a violation unless `condition` holds; the message is built only on failure.
func require(_ condition: Bool, _ message: @autoclosure () -> String) throws(FuzzViolation) {
    if !condition { throw FuzzViolation(message()) }
}

/// A short, escaped rendering of bytes or text for violation messages.
func shown(_ text: String, limit: Int = 200) -> String {
    String(text.prefix(limit).debugDescription)
}
