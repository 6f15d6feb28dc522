import BinanceAPI
import Foundation
import Script
import Testing

@testable import SessionLog

/// A statement holding a secret is kept out of the session log as it is kept out of the
/// history (issue 13, item 9): its text is replaced by a comment of the same extent, so the
/// nesting of the statements after it is unchanged.
@Suite struct StatementRedactionTests {
    func record(_ events: [StatementEvent]) throws -> (text: String, statements: [StatementRecord]) {
        let path = temporaryDirectory() + "/log.jsonl"
        let writer = try SessionLogWriter(path: path, header: demoHeader)
        for event in events { writer.statementWillRun(event) }
        writer.close(exitCode: 0)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let statements = try records(path).compactMap { record -> StatementRecord? in
            if case .statement(let statement) = record { return statement }
            return nil
        }
        return (text, statements)
    }

    @Test func aSecretLiteralOrNameIsNotRecorded() throws {
        let literal = "Kq7" + String(repeating: UUID().uuidString.replacingOccurrences(of: "-", with: ""), count: 2) + "aB3xYz9"
        let (text, statements) = try record([
            StatementEvent(text: "let apiSecret = \"abc12345\"", file: "t.bnc", line: 1, column: 1),
            StatementEvent(text: "print \"\(literal)\"", file: "t.bnc", line: 2, column: 1),
            StatementEvent(text: "cancel LTCBTC id=28", file: "t.bnc", line: 3, column: 1)
        ])
        #expect(!text.contains("abc12345"))
        #expect(!text.contains(literal))
        // Each as wide as the statement it stands for: cut short, or padded with spaces.
        #expect(statements[0].source == "# statement not recorded: ")
        #expect(statements[1].source.hasPrefix("# statement not recorded: it looks like key material  "))
        #expect(statements[1].source.count == "print \"\(literal)\"".count)
        #expect(statements[2].source == "cancel LTCBTC id=28")
    }

    @Test func aValueTheProcessReadIsNotRecorded() throws {
        let value = "profile-secret-\(UUID().uuidString)"
        SecretText.remember([value])
        let (text, _) = try record([StatementEvent(text: "print \"\(value)\"", file: "t.bnc", line: 1, column: 1)])
        #expect(!text.contains(value))
        #expect(text.contains("statement not recorded"))
    }

    @Test func statementsInARedactedBlockKeepTheirDepth() throws {
        let block = "for id in [1] {\n  let secret = \"xyz\"\n  cancel LTCBTC id=$id\n}"
        let (_, statements) = try record([
            StatementEvent(text: block, file: "t.bnc", line: 1, column: 1),
            StatementEvent(text: "let secret = \"xyz\"", file: "t.bnc", line: 2, column: 3),
            StatementEvent(text: "cancel LTCBTC id=$id", file: "t.bnc", line: 3, column: 3),
            StatementEvent(text: "print 1", file: "t.bnc", line: 5, column: 1)
        ])
        #expect(statements.map(\.depth) == [0, 1, 1, 0])
        #expect(statements[0].source == "# statement not recorded: it names a secret (secret)\n#\n#\n#")
        #expect(!statements.contains { $0.source.contains("xyz") })
    }
}
