import Foundation
import Testing

@testable import BinanceAPI

@Suite struct CredentialsTests {
    @Test func noVariablesMeansNoCredentials() throws {
        #expect(try Credentials.fromEnvironment([:]) == nil)
    }

    @Test func hmacFromEnvironment() throws {
        let credentials = try #require(
            try Credentials.fromEnvironment([
                "BINANCE_API_KEY": DemoCredentials.apiKey, "BINANCE_API_SECRET": DemoCredentials.secret
            ]))
        #expect(credentials.signer.keyType == .hmac)
        #expect(credentials.maskedAPIKey == "vmPU…Eh8A")
    }

    @Test func incompleteOrAmbiguousEnvironmentsAreErrors() {
        #expect(throws: CredentialsError.missingSigningKey) { try Credentials.fromEnvironment(["BINANCE_API_KEY": "k"]) }
        #expect(throws: CredentialsError.missingAPIKey) { try Credentials.fromEnvironment(["BINANCE_API_SECRET": "s"]) }
        #expect(throws: CredentialsError.ambiguousSigningKey) {
            try Credentials.fromEnvironment([
                "BINANCE_API_KEY": "k", "BINANCE_API_SECRET": "s", "BINANCE_PRIVATE_KEY_FILE": "/x"
            ])
        }
        #expect(throws: CredentialsError.whitespaceIn("BINANCE_API_SECRET")) {
            try Credentials.fromEnvironment(["BINANCE_API_KEY": "key", "BINANCE_API_SECRET": "secret\n"])
        }
    }

    @Test func descriptionsNeverContainTheSecret() throws {
        let credentials = DemoCredentials.hmac
        #expect(!String(describing: credentials).contains(DemoCredentials.secret))
        #expect(!String(reflecting: credentials).contains(DemoCredentials.secret))
        #expect(!String(describing: credentials.signer).contains(DemoCredentials.secret))
        #expect(!String(describing: credentials).contains(DemoCredentials.apiKey))
    }

    @Test func shortKeysAreFullyMasked() {
        #expect(Credentials.mask("abc") == "****")
        #expect(!Credentials.mask("abcdefghijkl").contains("abcd"))
    }

    @Test func unreadableKeyFileIsReported() {
        #expect(throws: CredentialsError.self) {
            try Credentials.fromEnvironment(["BINANCE_API_KEY": "k", "BINANCE_PRIVATE_KEY_FILE": "/nonexistent/key.pem"])
        }
    }

    /// The key file named by the environment gets the profile's checks: owner-only, a regular
    /// file, bounded (it was read whole, whatever its mode or size).
    @Test func aKeyFileFromTheEnvironmentMustBeOwnerOnlyAndBounded() throws {
        let path = NSTemporaryDirectory() + "bnc-key-\(UUID().uuidString).pem"
        defer { try? FileManager.default.removeItem(atPath: path) }
        FileManager.default.createFile(
            atPath: path, contents: Data("-----BEGIN PRIVATE KEY-----\n".utf8), attributes: [.posixPermissions: 0o644])
        #expect {
            try Credentials.fromEnvironment(["BINANCE_API_KEY": "k", "BINANCE_PRIVATE_KEY_FILE": path])
        } throws: { error in
            (error as? CredentialsError)?.message.contains("chmod 600") == true
        }
        #expect {
            try Credentials.fromEnvironment(["BINANCE_API_KEY": "k", "BINANCE_PRIVATE_KEY_FILE": "/dev/zero"])
        } throws: { error in
            (error as? CredentialsError)?.message.contains("not a regular file") == true
        }
    }
}
