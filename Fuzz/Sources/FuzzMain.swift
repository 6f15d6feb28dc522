import Foundation

#if FUZZING
    /// The target libFuzzer drives, chosen once by `BNC_FUZZ_TARGET` (Fuzz/run.sh sets it).
    nonisolated(unsafe) private var fuzzTarget: FuzzTarget?

    @_cdecl("LLVMFuzzerInitialize")
    public func fuzzInitialize(
        _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>
    ) -> CInt {
        let name = ProcessInfo.processInfo.environment["BNC_FUZZ_TARGET"] ?? ""
        guard let target = FuzzTarget.named(name) else {
            let names = FuzzTarget.all.map(\.name).joined(separator: ", ")
            FileHandle.standardError.write(Data("BNC_FUZZ_TARGET must name a target: \(names)\n".utf8))
            exit(2)
        }
        fuzzTarget = target
        return 0
    }

    @_cdecl("LLVMFuzzerTestOneInput")
    public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
        do {
            try fuzzTarget!.run(UnsafeRawBufferPointer(start: data, count: size))
        } catch {
            // A broken invariant is a crash to libFuzzer: it saves the input as crash-….
            fatalError("\(fuzzTarget!.name): \(error.description)")
        }
        return 0
    }
#else
    /// Replays saved inputs through one target: `bnc-fuzz TARGET FILE|DIR...`. A directory
    /// stands for every file in it (a corpus). Exit 0 when every input passed, 1 at the first
    /// broken invariant (a crash ends the process, as it would under libFuzzer).
    @main
    struct FuzzReplay {
        static func main() {
            let arguments = Array(CommandLine.arguments.dropFirst())
            guard let name = arguments.first, let target = FuzzTarget.named(name), arguments.count > 1 else {
                let targets = FuzzTarget.all.map { "  \($0.name.padded(8)) \($0.summary)" }.joined(separator: "\n")
                fail("usage: bnc-fuzz TARGET FILE|DIR...  (see docs/fuzzing.md)\ntargets:\n\(targets)", code: 2)
            }
            var count = 0
            for path in arguments.dropFirst() {
                for file in files(at: path) {
                    guard let data = FileManager.default.contents(atPath: file) else { fail("cannot read \(file)", code: 2) }
                    let violation = data.withUnsafeBytes { bytes -> FuzzViolation? in
                        do throws(FuzzViolation) {
                            try target.run(bytes)
                            return nil
                        } catch {
                            return error
                        }
                    }
                    if let violation { fail("\(file): \(target.name): \(violation)", code: 1) }
                    count += 1
                }
            }
            print("\(target.name): \(count) input\(count == 1 ? "" : "s") ok")
        }

        /// `path` itself, or the regular files directly inside it, sorted (a corpus directory).
        static func files(at path: String) -> [String] {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                fail("no such file: \(path)", code: 2)
            }
            guard isDirectory.boolValue else { return [path] }
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            return names.filter { !$0.hasPrefix(".") }.sorted().map { path + "/" + $0 }
        }

        static func fail(_ message: String, code: Int32) -> Never {
            FileHandle.standardError.write(Data((message + "\n").utf8))
            exit(code)
        }
    }

    extension String {
        fileprivate func padded(_ width: Int) -> String { self + String(repeating: " ", count: max(0, width - count)) }
    }
#endif
