import BinanceAPI

/// What `bnc` does with no subcommand: run `-c` statements, read a script from a non-terminal
/// stdin, or start the interactive shell.
enum RootDispatch {
    static func run(options: GlobalOptions, command: String?) async -> Int32 {
        Console.error("running statements is not wired in yet")
        return 2
    }
}
