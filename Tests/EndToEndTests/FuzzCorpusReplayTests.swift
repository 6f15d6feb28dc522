import Foundation
import Testing

/// Replays every input of every fuzz corpus (`Fuzz/corpus/<target>/`, docs/fuzzing.md) through
/// the normal debug build of `bnc-fuzz`: each one must pass its target's invariants, as it did
/// when the fuzzer kept it. A crash or a broken invariant fails the test with the input's name.
/// libFuzzer's sanitizer build is not needed here: the corpus is what the long runs found.
@Suite struct FuzzCorpusReplayTests {
    static let targets = ["script", "http", "json", "fields", "log", "profile", "curl", "state"]

    /// `bnc-fuzz` beside the `bnc` under test (`BNC_BIN`), else in this package's debug build.
    static var binary: String {
        if let path = ProcessInfo.processInfo.environment["BNC_BIN"], !path.isEmpty {
            return URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("bnc-fuzz").path
        }
        return LanguageRun.packageRoot.appendingPathComponent(".build/debug/bnc-fuzz").path
    }

    static func corpus(_ target: String) -> URL {
        LanguageRun.packageRoot.appendingPathComponent("Fuzz/corpus/\(target)")
    }

    /// The corpus directories are exactly the targets, so a new target cannot go unreplayed.
    @Test func everyTargetHasACorpus() throws {
        let root = LanguageRun.packageRoot.appendingPathComponent("Fuzz/corpus")
        let directories = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { !$0.hasPrefix(".") }
        #expect(Set(directories) == Set(Self.targets))
        for target in Self.targets {
            let files = try FileManager.default.contentsOfDirectory(atPath: Self.corpus(target).path)
            #expect(files.count >= 10, "Fuzz/corpus/\(target) holds \(files.count) inputs")
        }
    }

    @Test(arguments: targets) func corpusReplaysClean(_ target: String) throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.corpus(target).path).filter { !$0.hasPrefix(".") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binary)
        process.arguments = [target, Self.corpus(target).path]
        process.environment = ["PATH": "/usr/bin:/bin", "TMPDIR": FileManager.default.temporaryDirectory.path]
        let run = try LanguageRun.capture(process)
        #expect(run.status == 0, "bnc-fuzz \(target): \(run.stderr)")
        #expect(run.stdout == "\(target): \(files.count) inputs ok\n", "\(run.stdout)\(run.stderr)")
    }

    /// The replayer refuses what it cannot replay instead of passing it by.
    @Test func unknownTargetOrMissingInputIsAnError() throws {
        for arguments in [["nosuch", Self.corpus("json").path], ["json", "/nonexistent/input"], ["json"]] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: Self.binary)
            process.arguments = arguments
            let run = try LanguageRun.capture(process)
            #expect(run.status == 2, "\(arguments): \(run.stdout)\(run.stderr)")
        }
    }
}
