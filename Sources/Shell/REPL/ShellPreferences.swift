import BinanceAPI
import Script

/// The values of the ``UserSetting``s for this shell: from the profile at start, changed by
/// `set NAME VALUE`. Unset names have their default.
package struct ShellPreferences: Sendable, Equatable {
    private var values: [String: String]

    /// Preferences from `values` (the profile's settings); names or values that are not a
    /// setting's are ignored here (the profile parser has refused them already).
    package init(_ values: [String: String] = [:]) {
        self.values = values.filter { UserSetting.named($0.key)?.problem(with: $0.value) == nil }
    }

    /// The value of setting `name` (its default when not set).
    package func value(_ name: String) -> String {
        values[name] ?? UserSetting.named(name)?.defaultValue ?? ""
    }

    /// Sets `name` to `value`; returns why not (unknown name, value not one it takes), changing nothing.
    package mutating func set(_ name: String, _ value: String) -> String? {
        guard let setting = UserSetting.named(name) else {
            let names = UserSetting.all.map(\.name)
            let close = Suggestion.closest(to: name, among: names)
            return "unknown setting '\(name)'"
                + (close.map { "; did you mean '\($0)'?" } ?? "; settings: " + names.joined(separator: ", "))
        }
        if let problem = setting.problem(with: value) { return problem }
        values[name] = value
        return nil
    }

    /// `set` alone: every setting, its value and what it does.
    package var listing: String {
        let width = (UserSetting.all.map(\.name.count).max() ?? 0) + 1
        return UserSetting.all.map { setting in
            let value = value(setting.name)
            let name = setting.name + String(repeating: " ", count: width - setting.name.count)
            let shown = value + String(repeating: " ", count: max(0, 8 - value.count))
            return "\(name)\(shown)(\(setting.values.joined(separator: "|"))) \(setting.summary)"
        }.joined(separator: "\n")
    }

    package var columns: RenderOptions.Columns { value("columns") == "all" ? .all : .default }
    package var time: RenderOptions.TimeZoneChoice { value("time") == "utc" ? .utc : .local }
    package var pager: Bool { value("pager") == "on" }
    package var hints: Bool { value("hints") == "on" }
    package var confirm: Bool { value("confirm") == "on" }
    package var weight: Bool { value("weight") == "on" }
}
