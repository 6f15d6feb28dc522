import Script

/// The text of `help` and `help COMMAND`, generated from the language's command table so a new
/// command documents itself.
package enum HelpText {
    /// What the shell's own commands do, for the overview.
    static let shellCommands: [(String, String)] = [
        ("help [COMMAND]", "this overview, or a command's syntax, arguments and example"),
        ("vars", "the variables of this session and their values"),
        ("dry on|off", "print requests (query, signature, URL) instead of sending them"),
        ("history [N]", "the statements entered, newest last"),
        ("clear", "clear the screen"),
        ("run FILE", "check and run a .bnc script in this session"),
        ("set [NAME VALUE]", "list or change a setting: time, columns, pager, hints, confirm, weight"),
        ("weight", "the request weight used in this minute's window, of its limit"),
        ("doctor [SYMBOL …]", "check the endpoint, clock, key, symbols and weight (as bnc doctor)"),
        ("why", "what the last statement's exchange error means: its causes and how to tell them apart"),
        ("exit, quit", "leave the shell (Ctrl-D too)")
    ]

    /// `help`: the commands, the statements, the shell's commands and the keys.
    package static func overview(_ catalog: CommandCatalog) -> String {
        var lines = ["Commands (send requests):"]
        let width = max(16, (catalog.entries.map { $0.name.count }.max() ?? 0) + 2)
        for entry in catalog.entries {
            lines.append("  " + pad(entry.name, width) + entry.summary)
        }
        lines.append("")
        lines.append("Statements: " + CommandCatalog.statementKeywords.joined(separator: ", ") + "  (see docs/language.md)")
        lines.append("")
        lines.append("Shell commands:")
        for (usage, summary) in shellCommands {
            lines.append("  " + pad(usage, 18) + summary)
        }
        lines.append("")
        lines.append("Keys: TAB completes, Up/Down and Ctrl-R search history, Ctrl-C clears the line or stops a loop,")
        lines.append("      Ctrl-D leaves. `help COMMAND` shows a command's arguments and an example.")
        return lines.joined(separator: "\n")
    }

    /// `help NAME`: syntax, every argument with what it takes, the endpoint and an example; nil
    /// when `name` is not a command.
    package static func command(_ name: String, in catalog: CommandCatalog) -> String? {
        guard let entry = catalog.entry(named: name) else { return nil }
        var lines = ["\(entry.name): \(entry.summary)", "", "  " + entry.syntax, ""]
        lines.append("Arguments:")
        let rows = entry.arguments.map { argument -> (String, String) in
            var names = argument.usage
            if !argument.aliases.isEmpty {
                names +=
                    " (" + argument.aliases.map { argument.kind == .flag ? "\($0)=TRUE" : "\($0)=" }.joined(separator: ", ") + ")"
            }
            var summary = argument.summary
            if argument.isRequired { summary += "; required" }
            return (names, summary)
        }
        let width = (rows.map { $0.0.count }.max() ?? 0) + 2
        for (names, summary) in rows {
            lines.append("  " + pad(names, width) + summary)
        }
        lines.append("")
        lines.append(entry.description)
        lines.append("")
        lines.append("Sends: \(entry.endpoint) (\(entry.operationTitle))")
        for variant in entry.accountVariants {
            lines.append("  with \(variant.word): \(variant.endpoint.line) (\(variant.endpoint.title))")
        }
        lines.append("Example: \(entry.example)")
        return lines.joined(separator: "\n")
    }

    /// A line for a shell command (`help dry`), or nil when `name` is none.
    package static func shellCommand(_ name: String) -> String? {
        let key = name == "quit" ? "exit" : name
        guard let (usage, summary) = shellCommands.first(where: { $0.0.hasPrefix(key) }) else { return nil }
        return "\(usage): \(summary) (a shell command)"
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + "  " : text + String(repeating: " ", count: width - text.count)
    }
}
