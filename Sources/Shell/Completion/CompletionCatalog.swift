/// What the completer knows about the language: the commands with their arguments, the
/// language's own keywords, and the shell's commands. Built from the script layer's command
/// catalog (see `CompletionCatalog+Script.swift`), so a new command completes with no change here.
package struct CompletionCatalog: Sendable, Equatable {
    /// One argument of a command.
    package struct Argument: Sendable, Equatable {
        /// The name as typed: `id`, `isolated`, `orderId`.
        package var name: String
        /// Whether it is written `name=value` (true) or as a bare flag (false).
        package var takesValue: Bool
        /// Names that, once one is given, mean this one is given too: its own aliases and the
        /// alternatives of `(id=N | cid=TEXT)` with theirs (after `id=`, no `cid=`, `orderId=`
        /// or `origClientOrderId=`).
        package var excludedBy: Set<String>

        package init(name: String, takesValue: Bool, excludedBy: Set<String> = []) {
            self.name = name
            self.takesValue = takesValue
            self.excludedBy = excludedBy.union([name])
        }

        /// The text completion inserts: `id=` or `isolated`.
        var completionText: String { takesValue ? name + "=" : name }
    }

    /// One command of the language.
    package struct Command: Sendable, Equatable {
        /// The command word: `cancel`.
        package var name: String
        /// Positional operands in order, by what they hold: `["symbol"]` for `cancel`.
        package var positionals: [String]
        /// Named arguments and flags, including long aliases.
        package var arguments: [Argument]
        /// For a command whose endpoint is written in the statement (`request METHOD PATH`): the
        /// endpoints bnc knows, whose paths are offered as its second operand (every method of
        /// the REST API as its first). Empty for every other command.
        package var endpoints: [Endpoint]

        package init(name: String, positionals: [String] = [], arguments: [Argument] = [], endpoints: [Endpoint] = []) {
            self.name = name
            self.positionals = positionals
            self.arguments = arguments
            self.endpoints = endpoints
        }
    }

    /// A method and path that `request METHOD PATH` may be given.
    package struct Endpoint: Sendable, Equatable {
        /// As it must be written: `GET`, `DELETE`.
        package var method: String
        /// `/sapi/v1/margin/order`.
        package var path: String

        package init(method: String, path: String) {
            self.method = method
            self.path = path
        }
    }

    /// The commands that send requests or print (`cancel`, `print`, …).
    package var commands: [Command]
    /// Statement keywords of the language (`let`, `for`, `if`, `repeat`, …).
    package var keywords: [String]
    /// Commands the shell handles itself (`help`, `vars`, `exit`, …).
    package var shellCommands: [String]

    package init(commands: [Command], keywords: [String], shellCommands: [String] = ShellCommand.names) {
        self.commands = commands
        self.keywords = keywords
        self.shellCommands = shellCommands
    }

    /// The command named `name`, if any.
    package func command(named name: String) -> Command? {
        commands.first { $0.name == name }
    }

    /// Every word that may start a statement, sorted and without repeats.
    package var statementWords: [String] {
        Array(Set(commands.map(\.name) + keywords + shellCommands)).sorted()
    }
}
