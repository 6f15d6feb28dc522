import BinanceAPI

/// The command table: every command the language knows, for the compiler, `help`, completion
/// and `bnc explain` (``endpoints``).
///
/// ## Adding an exchange operation
/// A new endpoint is one operation file plus one command entry (docs/design.md, "A new endpoint"):
/// 1. `Sources/BinanceAPI/Operations/Name.swift`: a `DocumentedOperation` whose
///    `static let endpoint = EndpointDescription(...)` holds method, path, weight (and so its rate
///    limit), security, title, read or write, and the documented parameter names in the
///    exchange's order; `validate()`, `parameters` in that order, the `Response` type (in
///    `Responses/` when it is new), and for a write whose outcome a read can confirm, its
///    `OutcomeCheckable` conformance in the same file.
/// 2. `Sources/Script/Commands/CommandEntry+Name.swift` with
///    `extension CommandEntry { public static let name = CommandEntry(name:operation:summary:syntax:example:description:arguments:build:) }`
///    (copy `CommandEntry+Cancel.swift`): the arguments with their short names, the exchange's
///    parameter names as aliases and `parameter:` (so validation errors point at the right
///    argument), and the operation built from `ArgumentValues` in `build:`; then `.name` in
///    ``standard`` below.
/// One command word may reach one operation per account: the margin operation by default, and
/// another account's through an account word (`.on("spot", CancelSpotOrder.self) { … }` after
/// the entry, with `.accountWord("spot", …)` among its arguments and `account: "spot"` on the
/// arguments only that account takes).
/// Nothing else changes: parsing, type checks, "did you mean", validation diagnostics, dry run,
/// help, completion, the session log, replay and `bnc explain`'s documented order all read the
/// entry or the operation. (The simulator serves the endpoint once it has a route row.)
package struct CommandCatalog: Sendable {
    /// The entries, in the order `help` lists them.
    package let entries: [CommandEntry]

    package init(_ entries: [CommandEntry]) {
        self.entries = entries
    }

    /// The table bnc uses.
    package static let standard = CommandCatalog([
        .cancel,
        .order,
        .open,
        .orders,
        .cancelAll,
        .cancelList,
        .time,
        .pairs,
        .isolatedPairs,
        .restrictions,
        .isolatedAccount,
        .exchangeInfo,
        .request,
        .sim
    ])

    /// The entry named `name`.
    package func entry(named name: String) -> CommandEntry? {
        entries.first { $0.name == name }
    }

    /// The endpoints of every command, in table order (each once): what `bnc explain` compares a
    /// pasted request's parameter order with.
    package var endpoints: [EndpointDescription] {
        var seen: Set<EndpointDescription> = []
        // A run-time endpoint (`request`) documents no parameter order.
        return entries.filter { !$0.choosesEndpointAtRunTime }.flatMap(\.operationEndpoints).filter {
            seen.insert($0).inserted
        }
    }

    /// Command names, in table order.
    package var commandNames: [String] { entries.map(\.name) }

    /// The statement keywords (`let`, `for`, `if`, ...), for completion and help.
    package static var statementKeywords: [String] { Keywords.statements }

    /// Every word that may start a statement: keywords, then commands.
    package var statementStarters: [String] { Keywords.statements + commandNames }
}
