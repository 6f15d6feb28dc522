import BinanceAPI
import Dispatch
import Script

/// One input through the whole language: lexer, parser and checker, then — when it checks
/// clean — the interpreter with the dry-run host, a statement limit and no sleeping.
enum FuzzScript {
    static func run(_ bytes: UnsafeRawBufferPointer) throws(FuzzViolation) {
        let text = String(decoding: bytes, as: UTF8.self)
        let session = ScriptSession(
            host: DryRunHost(credentials: DemoCredentials.hmac, clock: ExchangeClock(fixed: 1), baseURL: "http://fuzz"),
            output: Discard(), limits: ExecutionLimits(maximumStatements: 200, maximumSleep: 0),
            variables: ["sym": .string("LTCBTC"), "id": .integer(28)])
        _ = session.isInputComplete(text)
        let diagnostics = session.check(text, file: "fuzz.bnc")
        for diagnostic in diagnostics {
            // Every diagnostic must render and point inside the input.
            try require(
                diagnostic.location.line >= 1 && diagnostic.location.column >= 1 && diagnostic.rendered.hasPrefix("fuzz.bnc:"),
                "malformed diagnostic \(shown(diagnostic.rendered))")
        }
        guard diagnostics.isEmpty else { return }
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var rejected: String?
        Task {
            let outcome = await session.run(text, file: "fuzz.bnc")
            if outcome.status == .rejected {
                rejected = "a script that checks clean was rejected at run time"
            }
            done.signal()
        }
        done.wait()
        if let rejected { throw FuzzViolation(rejected) }
    }

    struct Discard: ScriptOutputSink {
        func emit(_ output: ScriptOutput) {}
    }
}
