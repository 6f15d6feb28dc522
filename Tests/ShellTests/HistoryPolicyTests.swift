import BinanceAPI
import Foundation
import Testing

@testable import Shell

@Suite("History policy: what may be written to the history file")
struct HistoryPolicyTests {
    let policy = HistoryPolicy(secretValues: ["NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j", "short"])

    @Test("ordinary statements are recorded")
    func ordinaryStatements() {
        #expect(policy.decide("cancel LTCBTC id=28 isolated", previous: nil) == .record)
        #expect(policy.decide("for id in 28..30 {\n  cancel LTCBTC id=$id\n}", previous: nil) == .record)
        #expect(policy.decide("print $r.status", previous: "cancel LTCBTC id=28") == .record)
    }

    @Test("a leading space keeps a statement out (ignorespace)")
    func leadingSpace() {
        #expect(policy.decide(" cancel LTCBTC id=28", previous: nil) == .skip(.leadingSpace))
        #expect(policy.decide("\tcancel LTCBTC id=28", previous: nil) == .skip(.leadingSpace))
    }

    @Test("blank input and consecutive duplicates are not recorded")
    func blankAndDuplicates() {
        #expect(policy.decide("", previous: nil) == .skip(.empty))
        #expect(policy.decide("  \n ", previous: nil) == .skip(.empty))
        #expect(policy.decide("cancel LTCBTC id=28", previous: "cancel LTCBTC id=28") == .skip(.duplicate))
        #expect(policy.decide("cancel LTCBTC id=28", previous: "cancel LTCBTC id=29") == .record)
    }

    @Test("the configured secret value is never recorded, wherever it appears")
    func configuredSecret() {
        let line = "print \"NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j\""
        #expect(policy.decide(line, previous: nil) == .skip(.secret(reason: "contains the configured secret")))
    }

    @Test("configured values too short to be secrets do not hide ordinary words")
    func shortConfiguredValuesIgnored() {
        #expect(policy.decide("print \"short\"", previous: nil) == .record)
    }

    @Test(
        "statements naming a secret are kept out, by argument kind",
        arguments: [
            "set secret=abc",
            "let apiSecret = \"abc\"",
            "print $api_secret",
            "let k = env(BINANCE_API_SECRET)",
            "key privateKey=/home/me/key.pem",
            "login passphrase=hunter2",
            "export BINANCE_PRIVATE_KEY_FILE=/tmp/k"
        ])
    func secretNames(line: String) {
        guard case .skip(.secret) = policy.decide(line, previous: nil) else {
            Issue.record("'\(line)' would be written to history")
            return
        }
    }

    @Test("private key material is kept out")
    func privateKeyMaterial() {
        #expect(
            policy.decide("let k = \"-----BEGIN PRIVATE KEY-----\nMC4CAQ\n-----END PRIVATE KEY-----\"", previous: nil)
                == .skip(.secret(reason: "contains private key material")))
    }

    @Test("raw key material (long mixed-case alphanumerics, base64) is kept out")
    func keyLookalikes() {
        #expect(
            policy.decide("let k = vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A", previous: nil)
                == .skip(.secret(reason: "looks like key material")))
        #expect(
            policy.decide("let k = MC4CAQAwBQYDK2VwBCIEIC5ZmJfnbHAgmOWHfKhEySbXSbz4jNwfnfC1FPdzp3hb", previous: nil)
                == .skip(.secret(reason: "looks like key material")))
    }

    @Test("signatures and hashes (lowercase hex) are not mistaken for keys")
    func signaturesAreNotKeys() {
        let line = "print c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71"
        #expect(policy.decide(line, previous: nil) == .record)
    }
}

/// The history knows the secrets the process read from the profile, not only the environment's
/// (issue 13, item 9): every key read is remembered by BinanceAPI's SecretText.
@Suite struct HistoryProfileSecretTests {
    @Test func aSecretReadFromAProfileIsKeptOut() throws {
        let secret = "Zq\(UUID().uuidString.replacingOccurrences(of: "-", with: ""))"
        let path = NSTemporaryDirectory() + "bnc-config-\(UUID().uuidString)"
        FileManager.default.createFile(
            atPath: path, contents: Data("apiKey = k12345678\napiSecret = \(secret)\n".utf8),
            attributes: [.posixPermissions: 0o600])
        defer { try? FileManager.default.removeItem(atPath: path) }
        let policy = HistoryPolicy()
        #expect(policy.decide("print \"\(secret)\"", previous: nil) == .record)
        _ = try ConnectionProfile.load(path: path).credentials()
        #expect(policy.decide("print \"\(secret)\"", previous: nil) == .skip(.secret(reason: "contains the configured secret")))
    }
}
