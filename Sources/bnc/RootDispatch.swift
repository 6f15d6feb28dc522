import BinanceAPI

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What `bnc` does with no subcommand: run `-c` statements, read a script from a non-terminal
/// stdin, or start the interactive shell.
enum RootDispatch {
    static func run(options: GlobalOptions, command: String?) async -> Int32 {
        if let command {
            return await ExecutionSetup.run(command, file: "<command>", options: options)
        }
        guard isatty(0) == 1 else {
            let data = Data(FoundationText.readStandardInputToEnd())
            guard let text = String(data: data, encoding: .utf8) else {
                return Termination.usage("standard input is not UTF-8 text").report(format: options.output)
            }
            return await ExecutionSetup.run(text, file: "<stdin>", options: options)
        }
        return await InteractiveEntry.run(options: options)
    }
}
