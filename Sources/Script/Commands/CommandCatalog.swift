/// The command table: every command the language knows, for the compiler, `help` and completion.
///
/// ## Adding a command
/// A new exchange operation is one typed operation in BinanceAPI (conforming to
/// `ExchangeOperation`) plus one entry here:
/// 1. Write `Sources/Script/Commands/CommandEntry+Name.swift` with
///    `extension CommandEntry { public static let name = CommandEntry(name:operation:summary:syntax:example:description:arguments:build:) }`
///    (copy `CommandEntry+Cancel.swift`): list the arguments with their short names, the exchange's
///    parameter names as aliases and `parameter:` (so validation errors point at the right argument),
///    and build the operation from `ArgumentValues` in `build:`.
/// 2. Add `.name` to ``standard`` below.
/// Nothing else changes: parsing, type checks, "did you mean", validation diagnostics, dry run,
/// help and completion all read the entry.
public struct CommandCatalog: Sendable {
    /// The entries, in the order `help` lists them.
    public let entries: [CommandEntry]

    public init(_ entries: [CommandEntry]) {
        self.entries = entries
    }

    /// The table bnc uses.
    public static let standard = CommandCatalog([
        .cancel,
        .order,
        .open,
        .orders,
        .cancelAll,
        .time,
        .pairs,
        .isolatedPairs,
        .exchangeInfo
    ])

    /// The entry named `name`.
    public func entry(named name: String) -> CommandEntry? {
        entries.first { $0.name == name }
    }

    /// Command names, in table order.
    public var commandNames: [String] { entries.map(\.name) }

    /// The statement keywords (`let`, `for`, `if`, ...), for completion and help.
    public static var statementKeywords: [String] { Keywords.statements }

    /// Every word that may start a statement: keywords, then commands.
    public var statementStarters: [String] { Keywords.statements + commandNames }
}
