import Foundation
import BinanceAPI
import Script

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The interactive shell's entry point, called when standard input is a terminal and no `-c`
/// was given. The Shell engineer replaces this body with the libedit REPL; until then it is a
/// plain line reader over the same ScriptSession (multi-line blocks, variables kept).
enum InteractiveEntry {
    static func run(options: GlobalOptions) async -> Int32 {
        let session: ScriptSession
        do {
            session = try ExecutionSetup.session(options: options)
        } catch {
            Console.error(error.message, hint: error.hint)
            return 2
        }
        guard let input = fdopen(0, "r") else { return 1 }
        var pending = ""
        var lastCode: Int32 = 0
        while true {
            Console.write(fd: 1, pending.isEmpty ? "bnc> " : "...> ")
            var buffer: UnsafeMutablePointer<CChar>?
            var capacity = 0
            let count = getline(&buffer, &capacity, input)
            defer { free(buffer) }
            guard count >= 0, let buffer else {
                Console.write(fd: 1, "\n")
                return lastCode
            }
            pending += String(cString: buffer)
            guard session.isInputComplete(pending) else { continue }
            let text = pending
            pending = ""
            if text.trimmingCharacters(in: .whitespacesAndNewlines) == "exit" { return lastCode }
            session.interrupt.reset()
            let outcome = await session.run(text, file: "<input>")
            ExecutionSetup.report(outcome)
            lastCode = outcome.exitCode
        }
    }
}
