/// A command the shell handles itself instead of passing it to the language.
package enum ShellCommand: Equatable, Sendable {
    /// `help` (overview) or `help WORD` (syntax, arguments and an example of one command).
    case help(topic: String?)
    /// `vars`: the variables of the session and their values.
    case vars
    /// `dry on` / `dry off` switch the dry run; `dry` alone says which is in effect.
    case dry(Bool?)
    /// `history` or `history N`: the recorded statements, newest last.
    case history(last: Int?)
    /// `clear`: clears the screen.
    case clear
    /// `run FILE`: runs a `.bnc` script in this session (its variables stay defined).
    case run(path: String)
    /// `exit` or `quit` (Ctrl-D does the same).
    case exit
    /// `set` lists the settings; `set NAME VALUE` changes one (the profile takes the same names).
    case set(name: String?, value: String?)
    /// `weight`: the request weight used in the current window, of its limit.
    case weight
    /// `why`: what the last statement's exchange error means, its causes and how to tell them apart.
    case why
    /// `doctor [SYMBOL …]`: the checks of `bnc doctor` over this session's client.
    case doctor(symbols: [String])

    /// Every shell command word, sorted.
    package static let names = [
        "clear", "doctor", "dry", "exit", "help", "history", "quit", "run", "set", "vars", "weight", "why"
    ]

    /// The outcome of reading a line as a shell command.
    package enum Parse: Equatable, Sendable {
        /// The line is a shell command.
        case command(ShellCommand)
        /// The line starts with a shell command word but is used wrongly; nothing is run.
        case usage(String)
    }

    /// The shell command `input` holds, or nil when its first word is not one (the input then
    /// goes to the language).
    package static func parse(_ input: String) -> Parse? {
        let words = input.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).map(String.init)
        guard let first = words.first, names.contains(first) else { return nil }
        let rest = Array(words.dropFirst())
        switch first {
        case "help":
            if rest.count > 1 { return .usage("usage: help [COMMAND]") }
            return .command(.help(topic: rest.first))
        case "vars":
            return rest.isEmpty ? .command(.vars) : .usage("usage: vars")
        case "dry":
            switch rest {
            case []: return .command(.dry(nil))
            case ["on"]: return .command(.dry(true))
            case ["off"]: return .command(.dry(false))
            default: return .usage("usage: dry on|off")
            }
        case "history":
            if rest.isEmpty { return .command(.history(last: nil)) }
            if rest.count == 1, let count = Int(rest[0]), count > 0 { return .command(.history(last: count)) }
            return .usage("usage: history [N]   (N: how many of the newest entries, at least 1)")
        case "clear":
            return rest.isEmpty ? .command(.clear) : .usage("usage: clear")
        case "run":
            return rest.count == 1 ? .command(.run(path: rest[0])) : .usage("usage: run FILE")
        case "set":
            switch rest.count {
            case 0: return .command(.set(name: nil, value: nil))
            case 2: return .command(.set(name: rest[0], value: rest[1]))
            default: return .usage("usage: set [NAME VALUE]   (`set` lists the settings)")
            }
        case "weight":
            return rest.isEmpty ? .command(.weight) : .usage("usage: weight")
        case "doctor":
            return .command(.doctor(symbols: rest))
        case "why":
            return rest.isEmpty ? .command(.why) : .usage("usage: why   (`bnc explain CODE` explains any code)")
        default:
            return rest.isEmpty ? .command(.exit) : .usage("usage: \(first)")
        }
    }
}
