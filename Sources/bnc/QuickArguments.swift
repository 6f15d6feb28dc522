/// The common invocation `bnc [--dry-run] [--timestamp MS] [--output FORMAT] [--endpoint E]
/// [--ca-file FILE] [--log FILE | --no-log] -c STATEMENTS`, recognised without swift-argument-parser.
///
/// Why: ArgumentParser builds the root command's argument sets by reflection on every start, and
/// each first `as?` cast behind it scans the static binary's protocol-conformance tables — about
/// a quarter of `bnc --dry-run -c '…'`'s start-up (docs/performance.md, "Cold start"). Anything
/// this does not recognise exactly — another option, `--name=value`, a subcommand, `--help`, a
/// repeated option, a value that would fail validation — returns nil, and ArgumentParser parses
/// the whole command line as before, with its messages.
struct QuickArguments {
    var options: GlobalOptions
    var command: String

    /// The arguments after the program name.
    static func parse<Arguments: Collection>(_ arguments: Arguments) -> QuickArguments? where Arguments.Element == String {
        var dryRun = false
        var noLog = false
        var timestamp: Int64?
        var output: OutputFormat?
        var endpoint: String?
        var log: String?
        var caFile: String?
        var command: String?
        var iterator = arguments.makeIterator()
        while let argument = iterator.next() {
            switch argument {
            case "--dry-run":
                guard !dryRun else { return nil }
                dryRun = true
            case "--no-log":
                guard !noLog else { return nil }
                noLog = true
            case "--timestamp":
                guard timestamp == nil, let value = iterator.next(), let number = Int64(value), number > 0 else { return nil }
                timestamp = number
            case "--output":
                guard output == nil, let value = iterator.next(), let format = OutputFormat(rawValue: value) else { return nil }
                output = format
            case "--endpoint":
                guard endpoint == nil, let value = iterator.next(), EndpointChoice(value) != nil else { return nil }
                endpoint = value
            case "--log":
                guard log == nil, let value = iterator.next(), !value.hasPrefix("-") else { return nil }
                log = value
            case "--ca-file":
                guard caFile == nil, let value = iterator.next(), !value.hasPrefix("-") else { return nil }
                caFile = value
            case "-c":
                // A value starting with '-' is ambiguous to ArgumentParser too; let it decide.
                guard command == nil, let value = iterator.next(), !value.hasPrefix("-") else { return nil }
                command = value
            default:
                return nil
            }
        }
        guard let command else { return nil }
        // Plain values: no ArgumentParser type is made on this path. --yes takes the full parser's path.
        let options = GlobalOptions(
            dryRun: dryRun, timestamp: timestamp, output: output ?? .text, log: log, noLog: noLog, endpoint: endpoint,
            yes: false, caFile: caFile)
        return QuickArguments(options: options, command: command)
    }
}
