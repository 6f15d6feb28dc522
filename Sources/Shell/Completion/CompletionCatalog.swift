/// What the completer knows about the language: the commands with their arguments, the
/// language's own keywords, and the shell's commands. Built from the script layer's command
/// catalog (see `CompletionCatalog+Script.swift`), so a new command completes with no change here.
public struct CompletionCatalog: Sendable, Equatable {
    /// One argument of a command.
    public struct Argument: Sendable, Equatable {
        /// The name as typed: `id`, `isolated`, `orderId`.
        public var name: String
        /// Whether it is written `name=value` (true) or as a bare flag (false).
        public var takesValue: Bool
        /// Names that, once one is given, mean this one is given too: its own aliases and the
        /// alternatives of `(id=N | cid=TEXT)` with theirs (after `id=`, no `cid=`, `orderId=`
        /// or `origClientOrderId=`).
        public var excludedBy: Set<String>

        public init(name: String, takesValue: Bool, excludedBy: Set<String> = []) {
            self.name = name
            self.takesValue = takesValue
            self.excludedBy = excludedBy.union([name])
        }

        /// The text completion inserts: `id=` or `isolated`.
        var completionText: String { takesValue ? name + "=" : name }
    }

    /// One command of the language.
    public struct Command: Sendable, Equatable {
        /// The command word: `cancel`.
        public var name: String
        /// Positional operands in order, by what they hold: `["symbol"]` for `cancel`.
        public var positionals: [String]
        /// Named arguments and flags, including long aliases.
        public var arguments: [Argument]

        public init(name: String, positionals: [String] = [], arguments: [Argument] = []) {
            self.name = name
            self.positionals = positionals
            self.arguments = arguments
        }
    }

    /// The commands that send requests or print (`cancel`, `print`, …).
    public var commands: [Command]
    /// Statement keywords of the language (`let`, `for`, `if`, `repeat`, …).
    public var keywords: [String]
    /// Commands the shell handles itself (`help`, `vars`, `exit`, …).
    public var shellCommands: [String]

    public init(commands: [Command], keywords: [String], shellCommands: [String] = ShellCommand.names) {
        self.commands = commands
        self.keywords = keywords
        self.shellCommands = shellCommands
    }

    /// The command named `name`, if any.
    public func command(named name: String) -> Command? {
        commands.first { $0.name == name }
    }

    /// Every word that may start a statement, sorted and without repeats.
    public var statementWords: [String] {
        Array(Set(commands.map(\.name) + keywords + shellCommands)).sorted()
    }
}
