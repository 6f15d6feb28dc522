import Foundation
import Testing

@testable import BinanceAPI

@Suite struct ConnectionProfileTests {
    func write(_ text: String, mode: Int) throws -> String {
        let path = NSTemporaryDirectory() + "bnc-config-\(UUID().uuidString)"
        FileManager.default.createFile(atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: mode])
        return path
    }

    @Test func parsesEverySetting() throws {
        let profile = try ConnectionProfile.parse(
            """
            # bnc profile
            endpoint = http://127.0.0.1:8080
            apiKey = vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A
            privateKeyFile = /home/me/ed25519.pem   # registered with the key above
            recvWindow = 7000
            weightLimit = 2000
            weightWindow = 500ms
            connectTimeout = 3
            readTimeout = 20
            """, path: "config")
        #expect(profile.endpoint == "http://127.0.0.1:8080")
        #expect(profile.signingKey == .privateKeyFile("/home/me/ed25519.pem"))
        #expect(profile.recvWindow == 7000 && profile.weightLimit == 2000 && profile.weightWindow == 500)
        #expect(profile.connectTimeout == .seconds(3) && profile.readTimeout == .seconds(20))
        #expect(profile.rateLimits == RateLimitState.Configuration(sapiLimit: 2000, window: 500))
    }

    /// Values in quotes, as TOML and shell files write them, are the values inside: `"live"`
    /// was refused as an endpoint and a quoted secret signed with its quotes.
    @Test func quotedValuesAreTheTextInside() throws {
        let profile = try ConnectionProfile.parse(
            """
            endpoint = "http://127.0.0.1:8080"
            apiKey = 'vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A'
            apiSecret = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j"
            recvWindow = "7000"
            time = 'utc'
            """, path: "config")
        #expect(profile.endpoint == "http://127.0.0.1:8080")
        #expect(profile.apiKey == "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A")
        #expect(profile.signingKey == .secret("NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j"))
        #expect(profile.recvWindow == 7000)
        #expect(profile.settings["time"] == "utc")
        #expect(ConnectionProfile.unquoted(#""a"#) == #""a"#)
        #expect(ConnectionProfile.unquoted(#""a'"#) == #""a'"#)
        #expect(ConnectionProfile.unquoted(#"""#) == #"""#)
        #expect(throws: ProfileError.self) { try ConnectionProfile.parse(#"endpoint = """#, path: "config") }
    }

    @Test(arguments: [
        ("recvWindow = 60001", "config:1: 'recvWindow' must be a whole number in 1...60000"),
        ("endpoint", "config:1: expected name = value"),
        ("endpoint = ", "config:1: 'endpoint' has no value"),
        ("weightWindow = soon", "config:1: 'weightWindow' must be like 60s, 1m or 500ms"),
        ("endpoint = live\nendpoint = sim", "config:2: 'endpoint' is set twice"),
        ("apiSecret = x", "config: a signing key is set but apiKey is not"),
        ("apiKey = k\napiSecret = x\nsecretFile = /s", "config:3: only one of apiSecret, secretFile, privateKeyFile may be set"),
        ("colour = red", "config:1: unknown setting 'colour'")
    ])
    func badLinesAreNamed(text: String, message: String) {
        #expect {
            try ConnectionProfile.parse(text, path: "config")
        } throws: { error in
            (error as? ProfileError)?.message == message
        }
    }

    @Test func aSecretReadableByOthersIsRefused() throws {
        let path = try write("apiKey = k\napiSecret = topsecret\n", mode: 0o644)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect {
            try ConnectionProfile.load(path: path)
        } throws: { error in
            guard let error = error as? ProfileError, case .secretReadableByOthers = error else { return false }
            return !error.message.contains("topsecret") && error.hint?.contains("chmod 600") == true
        }
    }

    @Test func aPrivateSecretIsUsed() throws {
        let path = try write("apiKey = \(DemoCredentials.apiKey)\napiSecret = \(DemoCredentials.secret)\n", mode: 0o600)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let credentials = try #require(try ConnectionProfile.load(path: path).credentials())
        #expect(credentials.signer.sign("a=1").text == DemoCredentials.hmac.signer.sign("a=1").text)
    }

    @Test func aSecretFileMustBePrivateToo() throws {
        let secret = try write(DemoCredentials.secret + "\n", mode: 0o640)
        let path = try write("apiKey = k\nsecretFile = \(secret)\n", mode: 0o644)
        defer {
            try? FileManager.default.removeItem(atPath: path)
            try? FileManager.default.removeItem(atPath: secret)
        }
        #expect(throws: ProfileError.self) { try ConnectionProfile.load(path: path) }
    }

    @Test func anAbsentFileIsAnEmptyProfile() throws {
        #expect(try ConnectionProfile.load(path: "/nonexistent/bnc/config") == ConnectionProfile())
    }

    @Test func theDefaultPathFollowsXDG() {
        #expect(ConnectionProfile.defaultPath(["XDG_CONFIG_HOME": "/x", "HOME": "/h"]) == "/x/bnc/config")
        #expect(ConnectionProfile.defaultPath(["XDG_CONFIG_HOME": "relative", "HOME": "/h"]) == "/h/.config/bnc/config")
        #expect(ConnectionProfile.defaultPath([:]) == nil)
    }
}
