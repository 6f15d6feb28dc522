import BinanceAPI
import Dispatch
import Foundation
import Script

/// One fuzz input through the whole language: lexer, parser and checker, then — when it checks
/// clean — the interpreter with the dry-run host, a statement limit and no sleeping.
///
/// Built two ways (see docs/language.md, "Robustness and fuzzing"):
/// - normally, as `bnc-fuzz-script FILE...`: replays saved inputs (a crash reproducer);
/// - by `Fuzz/run.sh` with `--sanitize=fuzzer -DFUZZING`: the libFuzzer entry point below.
enum FuzzScript {
    static func run(_ bytes: UnsafeRawBufferPointer) {
        let text = String(decoding: bytes, as: UTF8.self)
        let session = ScriptSession(
            host: DryRunHost(credentials: DemoCredentials.hmac, clock: ExchangeClock(fixed: 1), baseURL: "http://fuzz"),
            output: Discard(), limits: ExecutionLimits(maximumStatements: 200, maximumSleep: 0),
            variables: ["sym": .string("LTCBTC"), "id": .integer(28)])
        _ = session.isInputComplete(text)
        let diagnostics = session.check(text, file: "fuzz.bnc")
        for diagnostic in diagnostics {
            // Every diagnostic must render and point inside the input.
            precondition(diagnostic.location.line >= 1 && diagnostic.location.column >= 1)
            precondition(diagnostic.rendered.hasPrefix("fuzz.bnc:"))
        }
        guard diagnostics.isEmpty else { return }
        let done = DispatchSemaphore(value: 0)
        Task {
            let outcome = await session.run(text, file: "fuzz.bnc")
            precondition(outcome.status != .rejected && [0, 1, 2].contains(outcome.exitCode))
            done.signal()
        }
        done.wait()
    }

    struct Discard: ScriptOutputSink {
        func emit(_ output: ScriptOutput) {}
    }
}

#if FUZZING
    @_cdecl("LLVMFuzzerTestOneInput")
    public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
        FuzzScript.run(UnsafeRawBufferPointer(start: data, count: size))
        return 0
    }
#else
    /// Replays inputs saved by the fuzzer: `bnc-fuzz-script Fuzz/artifacts/crash-...`.
    @main
    struct FuzzReplay {
        static func main() {
            let paths = CommandLine.arguments.dropFirst()
            guard !paths.isEmpty else {
                FileHandle.standardError.write(Data("usage: bnc-fuzz-script FILE...  (see docs/language.md)\n".utf8))
                exit(2)
            }
            for path in paths {
                guard let data = FileManager.default.contents(atPath: path) else {
                    FileHandle.standardError.write(Data("cannot read \(path)\n".utf8))
                    exit(2)
                }
                data.withUnsafeBytes { FuzzScript.run($0) }
                print("\(path): ok")
            }
        }
    }
#endif
