import BNCTestSupport
import BinanceAPI
import Foundation
import Testing

@testable import SignatureDebugger

/// docs/signatures.md's worked examples are data: every `signature-example` is re-signed with
/// bnc's signers and with openssl, every `explain-example` is run through the explainer.
@Suite struct SignaturesDocTests {
    struct Block {
        var info: String
        var lines: [String]

        func field(_ name: String) -> String? {
            lines.first { $0.hasPrefix(name + ": ") }.map { String($0.dropFirst(name.count + 2)) }
        }
    }

    static let documentPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../docs/signatures.md").standardized.path

    /// The fenced blocks of the document with their info strings.
    static func blocks() throws -> [Block] {
        let text = try String(contentsOfFile: documentPath, encoding: .utf8)
        var blocks: [Block] = []
        var current: Block?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("```") {
                if let block = current {
                    blocks.append(block)
                    current = nil
                } else {
                    current = Block(info: String(line.dropFirst(3)), lines: [])
                }
            } else {
                current?.lines.append(line)
            }
        }
        return blocks
    }

    static func pems() throws -> [String: String] {
        var result: [String: String] = [:]
        for block in try blocks() where block.info.hasPrefix("pem ") {
            result[String(block.info.dropFirst(4))] = block.lines.joined(separator: "\n") + "\n"
        }
        return result
    }

    @Test func everySignatureExampleSignsAsDocumented() throws {
        let pems = try Self.pems()
        let examples = try Self.blocks().filter { $0.info == "signature-example" }
        #expect(examples.count >= 5)
        var keyTypes: Set<KeyType> = []
        for example in examples {
            let key = try #require(example.field("key"))
            let payload = try #require(example.field("payload"))
            let documented = try #require(example.field("signature"))
            let signer: RequestSigner
            if key == "demo-hmac" {
                signer = RequestSigner(hmacSecret: DemoCredentials.secret)
                #expect(try OpenSSL.hmac(payload, secret: DemoCredentials.secret) == documented, "openssl, \(key)")
            } else {
                let pem = try #require(pems[key], "no pem block named \(key)")
                signer = try RequestSigner(pem: pem)
                let path = NSTemporaryDirectory() + "bnc-doc-\(UUID().uuidString).pem"
                try pem.write(toFile: path, atomically: true, encoding: .utf8)
                defer { try? FileManager.default.removeItem(atPath: path) }
                let independent =
                    signer.keyType == .rsa
                    ? try OpenSSL.rsaSign(payload, keyPath: path) : try OpenSSL.ed25519Sign(payload, keyPath: path)
                #expect(independent == documented, "openssl, \(key)")
            }
            let signature = signer.sign(payload)
            keyTypes.insert(signature.keyType)
            #expect(signature.text == documented, "\(key): \(payload)")
            if let urlValue = example.field("url-value") { #expect(signature.urlValue == urlValue) }
        }
        #expect(keyTypes == Set(KeyType.allCases))
    }

    @Test func theDocumentedHMACExampleIsOnThePage() throws {
        let examples = try Self.blocks().filter { $0.info == "signature-example" }
        #expect(examples.contains { $0.field("signature") == "c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71" })
    }

    @Test func everyExplainExampleNamesItsFinding() throws {
        let examples = try Self.blocks().filter { $0.info == "explain-example" }
        #expect(examples.count >= 6)
        for example in examples {
            let request = try #require(example.field("request"))
            let finding = try #require(example.field("finding"))
            let explanation = try SignatureExplainer(key: .demo).explain(request, at: .given(1_499_827_320_000))
            if finding == "valid" {
                #expect(explanation.isValid, "\(request)")
            } else {
                #expect(explanation.findings.first { $0.confirmed }?.code.rawValue == finding, "\(request)")
            }
        }
    }

    @Test func everyFindingCodeInTheTableExists() throws {
        let text = try String(contentsOfFile: Self.documentPath, encoding: .utf8)
        let rows = text.split(separator: "\n").filter { $0.hasPrefix("| `") }
        #expect(rows.count >= 10)
        for row in rows {
            let code = row.split(separator: "`")[1]
            #expect(FindingCode(rawValue: String(code)) != nil, "\(code)")
        }
    }
}
