import Foundation
import Testing

/// `bnc explain CODE` end to end: the exact text for -2015, -11001 and -1104 (golden files under
/// `__Snapshots__/ExplainCodeGoldenTests`, rewritten with `RECORD_SNAPSHOTS=1`), the JSON
/// object, exit 2 for an unknown code, and the request form left as it was.
@Suite struct ExplainCodeGoldenTests {
    @Test(arguments: ["-2015", "-11001", "-1104"])
    func explainsTheCode(_ code: String) throws {
        let run = try ExplainTool.bnc(["explain", code])
        #expect(run.status == 0)
        #expect(run.stderr == "")
        try Self.assertGolden(run.stdout, named: "explain\(code)")
    }

    /// The code after `--`, and without its minus, gives the same text.
    @Test func acceptsTheTerminatorAndAMissingMinus() throws {
        let plain = try ExplainTool.bnc(["explain", "-2015"])
        let terminated = try ExplainTool.bnc(["explain", "--", "-2015"])
        let unsigned = try ExplainTool.bnc(["explain", "2015"])
        #expect(terminated.status == 0 && unsigned.status == 0)
        #expect(terminated.stdout == plain.stdout)
        #expect(unsigned.stdout == plain.stdout)
    }

    @Test func jsonIsOneObject() throws {
        let run = try ExplainTool.bnc(["explain", "-1104", "--output", "json"])
        #expect(run.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(object["code"] as? Int == -1104)
        #expect(object["name"] as? String == "UNREAD_PARAMETERS")
        let causes = try #require(object["causes"] as? [[String: Any]])
        #expect(causes.count >= 2)
        #expect(causes.allSatisfy { $0["cause"] is String && $0["tell"] is String && $0["fix"] is String })
    }

    @Test func unknownCodeExitsTwoWithAMessage() throws {
        let run = try ExplainTool.bnc(["explain", "-9999"])
        #expect(run.status == 2)
        #expect(run.stdout == "")
        #expect(run.stderr.contains("-9999 is not an exchange error code bnc knows"))
        let option = try ExplainTool.bnc(["explain", "--frobnicate"])
        #expect(option.status == 2)
        #expect(option.stderr.contains("unknown option '--frobnicate'"))
    }

    /// A request is still explained as a request (exit 1: the signature is wrong).
    @Test func aRequestIsStillARequest() throws {
        let run = try ExplainTool.bnc(["explain", "symbol=LTCBTC&orderId=28&timestamp=1499827319559&signature=abc"])
        #expect(run.status == 1)
        #expect(run.stdout.contains("Request"))
        #expect(!run.stdout.contains("REJECTED_MBX_KEY"))
    }

    static func assertGolden(_ text: String, named name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws
    {
        let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("__Snapshots__").appendingPathComponent("ExplainCodeGoldenTests")
        let file = directory.appendingPathComponent(name + ".txt")
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try text.write(to: file, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: file, encoding: .utf8) else {
            Issue.record("no golden file \(file.path); record it with RECORD_SNAPSHOTS=1", sourceLocation: sourceLocation)
            return
        }
        #expect(text == expected, "golden \(name) differs", sourceLocation: sourceLocation)
    }
}
