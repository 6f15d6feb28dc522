/// The settings a person chooses for how bnc looks and asks, in one shape: `set NAME VALUE` in
/// the shell and `NAME = VALUE` in the profile (``ConnectionProfile/settings``) take the same
/// names and values, and this table is the only list of them.
public struct UserSetting: Sendable, Hashable {
    /// The name: `time`.
    public var name: String
    /// The values it takes, the default first: `["local", "utc"]`.
    public var values: [String]
    /// What it changes, for `set` and `help set`.
    public var summary: String

    /// The default value.
    public var defaultValue: String { values[0] }

    /// Every setting, in the order `set` lists them.
    public static let all: [UserSetting] = [
        UserSetting(name: "time", values: ["local", "utc"], summary: "times in text output in this machine's zone or in UTC"),
        UserSetting(name: "columns", values: ["default", "all"], summary: "an order's compact columns, or every field"),
        UserSetting(name: "pager", values: ["on", "off"], summary: "results taller than the screen go through $PAGER (less -S)"),
        UserSetting(name: "hints", values: ["on", "off"], summary: "the rest of a command's syntax shown while typing"),
        UserSetting(name: "confirm", values: ["on", "off"], summary: "ask before a statement cancels more than one live order"),
        UserSetting(name: "weight", values: ["off", "on"], summary: "the used request weight in the prompt: bnc(live 120/12000)>")
    ]

    /// The setting called `name`.
    public static func named(_ name: String) -> UserSetting? {
        all.first { $0.name == name }
    }

    /// Why `value` is not one of the setting's values, or nil when it is.
    public func problem(with value: String) -> String? {
        values.contains(value) ? nil : "'\(name)' takes \(values.joined(separator: " or "))"
    }
}
