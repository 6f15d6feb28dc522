/// One exchange error code as bnc explains it: the exchange's name and message, every cause
/// bnc knows of, how to tell those causes apart, and what to do about each.
///
/// The table (``ExchangeErrorCatalog/entries``) is the one source for the hint beside an
/// exchange error, `bnc explain CODE`, the shell's `why`, and the table in docs/endpoints.md
/// (a test fails when that table and this one disagree).
public struct ExchangeErrorEntry: Sendable, Hashable {
    /// One reason the exchange gives this code.
    public struct Cause: Sendable, Hashable {
        /// What went wrong.
        public var cause: String
        /// How to tell this cause from the entry's other causes.
        public var tell: String
        /// What to do when this is the cause.
        public var fix: String

        public init(_ cause: String, tell: String, fix: String) {
            self.cause = cause
            self.tell = tell
            self.fix = fix
        }
    }

    /// The exchange's numeric code, e.g. -2015.
    public var code: Int
    /// The exchange's upper-case name, e.g. `REJECTED_MBX_KEY`.
    public var name: String
    /// The exchange's message or messages for the code.
    public var meaning: String
    /// Every known cause, most frequent first.
    public var causes: [Cause]
    /// The short hint shown beside the error when it happens; nil when the error's own note
    /// says enough (the outcome rule explains -1006 and -1007, for instance).
    public var hint: String?
    /// Where the entry is not the exchange's own text: what was inferred, and from what.
    /// Nil when code, name and meaning are all on the exchange's error-code page.
    public var inferred: String?

    public init(
        _ code: Int, _ name: String, meaning: String, causes: [Cause], hint: String? = nil, inferred: String? = nil
    ) {
        self.code = code
        self.name = name
        self.meaning = meaning
        self.causes = causes
        self.hint = hint
        self.inferred = inferred
    }
}

/// The exchange error codes bnc explains, looked up by code.
public enum ExchangeErrorCatalog {
    /// Every entry, ordered by code as the exchange's page lists them (-1000 first, then -1001 …).
    public static let entries: [ExchangeErrorEntry] = (general + requestIssues + orderAndKey + margin)
        .sorted { $0.code > $1.code }

    private static let byCode: [Int: ExchangeErrorEntry] = Dictionary(
        entries.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })

    /// The entry for `code`, or nil when bnc does not know it.
    public static func entry(for code: Int) -> ExchangeErrorEntry? { byCode[code] }

    /// Reads a code as a user types it: `-2015`, `2015` (the minus is implied: every exchange
    /// error code is negative), with surrounding spaces. Nil for anything else, or a number that
    /// does not fit.
    public static func parseCode(_ text: String) -> Int? {
        var digits = Substring(text).drop(while: { $0 == " " || $0 == "\t" })
        while let last = digits.last, last == " " || last == "\t" || last == "\n" { digits = digits.dropLast() }
        if digits.first == "-" { digits = digits.dropFirst() }
        guard !digits.isEmpty, digits.count <= 9, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(digits)
        else { return nil }
        return -value
    }
}
