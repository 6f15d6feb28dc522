/// What kind of value an argument takes; drives conversion, type errors and completion.
package enum ArgumentKind: String, Sendable, Hashable {
    /// A trading pair, e.g. `LTCBTC` (text; the operation validates its shape).
    case symbol
    /// A whole number (`Int64`).
    case integer
    /// An exact decimal (price, quantity).
    case decimal
    /// Any text.
    case text
    /// `true`/`false` (also `TRUE`/`FALSE`, as the exchange writes them).
    case bool
    /// A flag: present by its bare name (`isolated`), or given a boolean (`isIsolated=TRUE`).
    case flag

    /// How the kind is written in syntax lines and messages.
    package var placeholder: String {
        switch self {
        case .symbol: return "SYMBOL"
        case .integer: return "N"
        case .decimal: return "DECIMAL"
        case .text: return "TEXT"
        case .bool: return "TRUE|FALSE"
        case .flag: return ""
        }
    }

    /// "an integer", "a decimal", ... for "expects X" messages.
    var article: String {
        switch self {
        case .symbol: return "a symbol"
        case .integer: return "an integer"
        case .decimal: return "a decimal number"
        case .text: return "text"
        case .bool, .flag: return "TRUE or FALSE"
        }
    }
}

/// One argument of a command: its short name, its aliases (the exchange's parameter names), the
/// parameter it fills, and its kind.
package struct ArgumentSpec: Sendable, Hashable {
    /// The short name scripts use: `id`, `cid`, `recv`. For a positional argument, its label (`symbol`).
    package var name: String
    /// Other accepted names, usually the exchange's own (`orderId`).
    package var aliases: [String]
    /// The exchange parameter this argument fills (`orderId`); validation errors about that
    /// parameter point at this argument.
    package var parameter: String
    package var kind: ArgumentKind
    /// Positional arguments are given by value alone, in order (`cancel LTCBTC`).
    package var isPositional: Bool
    /// Whether the command cannot run without it.
    package var isRequired: Bool
    /// One line for `help` and completion.
    package var summary: String
    /// Shown as the hint when a value has the wrong type.
    package var typeHint: String?
    /// A flag that names the account the statement acts on (`isolated`, `spot`): a statement
    /// names at most one, and a word with an operation of its own (``CommandEntry/on(_:_:build:)``)
    /// chooses that operation.
    package var isAccountWord = false
    /// The account word this argument needs, or nil when every account takes it: `only=` is
    /// `spot`'s (the margin cancel has no `cancelRestrictions`), so without `spot` it is an error.
    package var account: String?

    /// A positional argument (given by value, in order).
    package static func positional(
        _ name: String, parameter: String, kind: ArgumentKind, required: Bool = true, summary: String,
        typeHint: String? = nil
    ) -> ArgumentSpec {
        ArgumentSpec(
            name: name, aliases: [parameter].filter { $0 != name }, parameter: parameter, kind: kind, isPositional: true,
            isRequired: required, summary: summary, typeHint: typeHint)
    }

    /// A `name=value` argument; `aliases` usually holds the exchange's parameter name.
    package static func named(
        _ name: String, aliases: [String] = [], parameter: String, kind: ArgumentKind, required: Bool = false,
        summary: String, typeHint: String? = nil, account: String? = nil
    ) -> ArgumentSpec {
        var spec = ArgumentSpec(
            name: name, aliases: aliases, parameter: parameter, kind: kind, isPositional: false, isRequired: required,
            summary: summary, typeHint: typeHint)
        spec.account = account
        return spec
    }

    /// A flag: its bare name turns it on; `name=TRUE|FALSE` (or an alias) sets it explicitly.
    /// `accountWord` marks a flag that names an account (`isolated`): one per statement.
    package static func flag(
        _ name: String, aliases: [String] = [], parameter: String, summary: String, accountWord: Bool = false
    ) -> ArgumentSpec {
        var spec = ArgumentSpec(
            name: name, aliases: aliases, parameter: parameter, kind: .flag, isPositional: false, isRequired: false,
            summary: summary, typeHint: nil)
        spec.isAccountWord = accountWord
        return spec
    }

    /// An account word that fills no parameter but chooses the operation (`spot`: the spot
    /// account's endpoint instead of the margin one); see ``CommandEntry/on(_:_:build:)``.
    package static func accountWord(_ name: String, summary: String) -> ArgumentSpec {
        flag(name, parameter: "", summary: summary, accountWord: true)
    }

    /// Every name the argument answers to.
    package var allNames: [String] { [name] + aliases }

    /// How the argument appears in a syntax line: `SYMBOL`, `id=N`, `isolated`.
    package var usage: String {
        if isPositional { return kind == .symbol ? "SYMBOL" : name.uppercased() }
        if kind == .flag { return name }
        return "\(name)=\(kind.placeholder)"
    }
}
