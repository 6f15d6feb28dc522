import ArgumentParser
import BinanceAPI
import Script

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// `bnc run FILE.bnc [--set name=value ...]`: checks the whole script, then runs it.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Check a .bnc script, then run it.",
        discussion: """
            The whole script is checked first: if any line has an error, nothing is sent. Scripts read their \
            parameters as $name; give them with --set name=value. A first line '#!/usr/bin/env -S bnc run' \
            makes a script executable.
            """
    )

    @OptionGroup var globalOptions: GlobalOptionArguments
    var options: GlobalOptions { globalOptions.values }

    @Argument(help: ArgumentHelp("The script to run ('-' for standard input).", valueName: "file"))
    var file: String

    @Option(name: .customLong("set"), help: ArgumentHelp("Define a script variable.", valueName: "name=value"))
    var assignments: [String] = []

    func run() async throws {
        let code = await Self.run(file: file, options: options, assignments: assignments)
        if code != 0 { throw ExitCode(code) }
    }

    static func run(file: String, options: GlobalOptions, assignments: [String]) async -> Int32 {
        let variables: [String: Script.Value]
        let text: String
        do {
            variables = try ScriptVariables.parse(assignments)
        } catch {
            return Termination.usage(error).report(format: options.output)
        }
        do {
            text = try ScriptFile.read(file)
        } catch {
            return error.report(format: options.output)
        }
        return await ExecutionSetup.run(text, file: file, options: options, variables: variables)
    }
}

/// Reads a script file, or says why it cannot be read (a usage error: nothing was sent).
enum ScriptFile {
    static func read(_ path: String) throws(Termination) -> String {
        if path == "-" {
            let data = Data(FoundationText.readStandardInputToEnd())
            guard let text = String(data: data, encoding: .utf8) else {
                throw .usage("standard input is not UTF-8 text")
            }
            return text
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            let isDirectory = FoundationText.isDirectory(atPath: path)
            throw .usage(
                isDirectory.map { $0 ? "\(path) is a directory" : "cannot read \(path)" } ?? "no such file: \(path)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .usage("\(path) is not UTF-8 text")
        }
        return text
    }
}
