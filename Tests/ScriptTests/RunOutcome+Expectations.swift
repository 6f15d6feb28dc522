import Script

/// How the tests say what bnc's exit-code map makes of an outcome, without the library knowing
/// exit codes: a usage refusal (bnc exits 2, nothing sent) or a run-time stop (bnc exits 1).
extension RunOutcome {
    /// The check rejected it, or a statement failed as written or called (usage, validation, credentials).
    var isUsageRefusal: Bool { status == .rejected || failure?.isUsageError == true }

    /// A run-time failure other than a usage one, or an interrupt.
    var isRuntimeStop: Bool { status == .interrupted || failure.map { !$0.isUsageError } == true }
}
