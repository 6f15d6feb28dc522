import Foundation
import Testing

/// docs/simulator.md's guide "Test your margin bot against bnc sim": every Python example marked
/// `<!-- guide-test args="…" expect="a | b" -->` is run as written with the venv's python
/// (python-binance, binance-connector, ccxt) against a fresh `bnc sim` started with `args`, and must exit 0 and print
/// each expected line.
@Suite(.serialized) struct SimulatorGuideTests {
    /// One marked example.
    struct Example {
        var line: Int
        var arguments: [String]
        var expected: [String]
        var code: String
    }

    static var guide: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/simulator.md")
    }

    /// The marked examples, in order: a marker line, then a ```python block right after it.
    static func examples() throws -> [Example] {
        let lines = try String(contentsOf: guide, encoding: .utf8).components(separatedBy: "\n")
        var found: [Example] = []
        for (index, line) in lines.enumerated() where line.hasPrefix("<!-- guide-test ") {
            let arguments = attribute("args", in: line).split(separator: " ").map(String.init)
            let expected = attribute("expect", in: line).components(separatedBy: " | ")
            guard index + 1 < lines.count, lines[index + 1] == "```python",
                let end = lines[(index + 2)...].firstIndex(of: "```")
            else {
                Issue.record("docs/simulator.md:\(index + 1): a guide-test marker without a ```python block after it")
                continue
            }
            let code = lines[(index + 2)..<end].joined(separator: "\n")
            found.append(Example(line: index + 1, arguments: arguments, expected: expected, code: code))
        }
        return found
    }

    /// `name="value"` from a marker line.
    static func attribute(_ name: String, in line: String) -> String {
        guard let start = line.range(of: "\(name)=\"") else { return "" }
        let rest = line[start.upperBound...]
        return String(rest[..<(rest.firstIndex(of: "\"") ?? rest.endIndex)])
    }

    @Test func theGuideHasItsExamples() throws {
        let examples = try Self.examples()
        // Place/query/cancel, fills, 5XX, WAF, clock skew, key permissions, binance-connector, ccxt.
        #expect(examples.count >= 8, "\(examples.map(\.line))")
        for example in examples {
            #expect(!example.expected.contains(""), "docs/simulator.md:\(example.line): expect=")
            #expect(example.code.contains("BNC_SIM"), "docs/simulator.md:\(example.line): the base URL")
        }
    }

    @Test func everyGuideExampleRunsAsWritten() throws {
        let python = TransportPythonClientTests.python
        #expect(FileManager.default.isExecutableFile(atPath: python), "run scripts/setup --test for the venv")
        for example in try Self.examples() {
            let sim = try SimulatorProcess(example.arguments)
            defer { sim.stop() }
            let result = try Self.run(python, example.code, base: sim.baseURL)
            let place = "docs/simulator.md:\(example.line) (bnc sim \(example.arguments.joined(separator: " ")))"
            #expect(result.status == 0, "\(place): \(result.err)")
            for line in example.expected {
                #expect(result.out.contains(line), "\(place): expected '\(line)' in:\n\(result.out)")
            }
        }
    }

    static func run(_ python: String, _ code: String, base: String) throws -> (status: Int32, out: String, err: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", code]
        var environment = ProcessInfo.processInfo.environment
        environment["BNC_SIM"] = base
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }
}
