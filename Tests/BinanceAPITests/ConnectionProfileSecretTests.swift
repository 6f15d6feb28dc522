import Foundation
import Testing

@testable import BinanceAPI

/// Profile line rules and secret handling (issue 13, item 1): lines end at `\n`, `\r\n` or
/// `\r`, a BOM is ignored, values are trimmed, no message shows a secret, and every file that
/// holds or names key material is its owner's alone.
@Suite struct ConnectionProfileSecretTests {
    static let secret = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j"
    static let apiKey = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A"

    func write(_ text: String, mode: Int) -> String {
        write(Data(text.utf8), mode: mode)
    }

    func write(_ data: Data, mode: Int) -> String {
        let path = NSTemporaryDirectory() + "bnc-config-\(UUID().uuidString)"
        FileManager.default.createFile(atPath: path, contents: data, attributes: [.posixPermissions: mode])
        return path
    }

    @Test(arguments: ["\n", "\r\n", "\r"])
    func everyLineEndSplitsLines(end: String) throws {
        let text = ["# profile", "endpoint = http://127.0.0.1:9", "apiKey = \(Self.apiKey)", "apiSecret = \(Self.secret)", ""]
            .joined(separator: end)
        let profile = try ConnectionProfile.parse(text, path: "config")
        #expect(profile.endpoint == "http://127.0.0.1:9")
        #expect(profile.apiKey == Self.apiKey)
        #expect(profile.signingKey == .secret(Self.secret))
    }

    @Test func mixedLineEndsCountLinesOnce() {
        // \r\n is one line end, not two: the error is on line 3.
        #expect {
            try ConnectionProfile.parse("apiKey = k\r\n\rcolour = red\n", path: "config")
        } throws: { error in
            (error as? ProfileError)?.message == "config:3: unknown setting 'colour'"
        }
    }

    @Test func aByteOrderMarkIsIgnoredAndValuesAreTrimmed() throws {
        let profile = try ConnectionProfile.parse("\u{FEFF}endpoint =\t sim \t\r\nrecvWindow=  7000\r\n", path: "config")
        #expect(profile.endpoint == "sim")
        #expect(profile.recvWindow == 7000)
    }

    @Test func aCRLFProfileWithASecretOpenToOthersIsRefused() throws {
        // Read as one line before: the mode check was skipped and the secret reached messages.
        let path = write("endpoint = live\r\napiKey = \(Self.apiKey)\r\napiSecret = \(Self.secret)\r\n", mode: 0o644)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect {
            try ConnectionProfile.load(path: path)
        } throws: { error in
            guard let error = error as? ProfileError, case .secretReadableByOthers(_, "apiSecret", 0o644) = error else {
                return false
            }
            return !error.message.contains(Self.secret)
        }
    }

    @Test func aProxyPasswordMakesTheProfileASecretAndStaysOutOfHistory() throws {
        let open = write("proxy = http://alice:pr0xyPw#1@proxy.example:3128\n", mode: 0o644)
        defer { try? FileManager.default.removeItem(atPath: open) }
        #expect {
            try ConnectionProfile.load(path: open)
        } throws: { error in
            guard let error = error as? ProfileError, case .secretReadableByOthers(_, "proxy credentials", _) = error else {
                return false
            }
            return !error.message.contains("pr0xyPw")
        }
        let closed = write("proxy = http://alice:pr0xyPw#1@proxy.example:3128  # the office proxy\n", mode: 0o600)
        defer { try? FileManager.default.removeItem(atPath: closed) }
        let profile = try ConnectionProfile.load(path: closed)
        // '#' inside the value is the password's, the one after a space starts the comment.
        #expect(profile.proxy == "http://alice:pr0xyPw#1@proxy.example:3128")
        let proxy = try HTTPProxy(url: try #require(profile.proxy), origin: "proxy")
        #expect(proxy.display == "proxy.example:3128")
        #expect(SecretText.remembered().contains("pr0xyPw#1"))
    }

    @Test func aProxyPasswordMayHoldASlash() throws {
        let proxy = try HTTPProxy(url: "http://alice:p/ss@proxy.example:3128/", origin: "proxy")
        #expect(proxy.display == "proxy.example:3128")
        #expect(proxy.hasCredentials)
    }

    @Test func aPrivateCRLFProfileLoadsItsKey() throws {
        let path = write(
            "endpoint = live\r\napiKey = \(DemoCredentials.apiKey)\r\napiSecret = \(DemoCredentials.secret)\r\n", mode: 0o600)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let profile = try ConnectionProfile.load(path: path)
        #expect(profile.endpoint == "live")
        let credentials = try #require(try profile.credentials())
        #expect(credentials.signer.sign("a=1").text == DemoCredentials.hmac.signer.sign("a=1").text)
    }

    /// Lines an error is reported for, each holding the secret somewhere: no message shows it.
    @Test(arguments: [
        "apiSecret \(secret) = x",
        "apiSecret: \(secret)",
        "endpoint = live apiSecret = \(secret)",
        "endpoint = https://api.binance.com \(secret)",
        "\(secret) = 1",
        "recvWindow = \(secret)",
        "apiSecret = \(secret)\napiSecret = \(secret)",
        "apiKey = k\napiSecret = \(secret)\nsecretFile = \(secret)",
        "apiSecret = \(secret)\nweightWindow = \(secret)",
        "apiSecret = \(secret)\nfoo\(secret) = 1"
    ])
    func noProfileErrorShowsTheSecret(text: String) {
        #expect {
            try ConnectionProfile.parse(text, path: "config")
        } throws: { error in
            guard let error = error as? ProfileError else { return false }
            return !error.message.contains(Self.secret) && !(error.hint ?? "").contains(Self.secret)
                && !error.message.contains(String(Self.secret.prefix(12)))
        }
    }

    @Test func anInvalidEndpointIsNamedByItsLine() {
        #expect {
            try ConnectionProfile.parse("endpoint = ftp://x", path: "config")
        } throws: { error in
            (error as? ProfileError)?.message == "config:1: 'endpoint' must be sim, live, testnet, or an http(s):// base URL"
        }
    }

    @Test func aPrivateKeyFileOpenToOthersIsRefused() throws {
        let key = write("-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIA==\n-----END PRIVATE KEY-----\n", mode: 0o644)
        let path = write("apiKey = k\nprivateKeyFile = \(key)\n", mode: 0o600)
        defer {
            try? FileManager.default.removeItem(atPath: path)
            try? FileManager.default.removeItem(atPath: key)
        }
        #expect {
            try ConnectionProfile.load(path: path)
        } throws: { error in
            guard let error = error as? ProfileError, case .secretReadableByOthers(key, _, 0o644) = error else { return false }
            return error.hint?.contains("chmod 600 \(key)") == true
        }
    }

    @Test(arguments: [0o644, 0o640, 0o604, 0o620, 0o602])
    func aProfileNamingAKeyFileMustBeItsOwnersAlone(mode: Int) throws {
        let key = write(DemoCredentials.secret + "\n", mode: 0o600)
        for setting in ["secretFile", "privateKeyFile"] {
            let path = write("apiKey = k\n\(setting) = \(key)\n", mode: mode)
            defer { try? FileManager.default.removeItem(atPath: path) }
            #expect {
                try ConnectionProfile.load(path: path)
            } throws: { error in
                guard let error = error as? ProfileError, case .secretReadableByOthers(path, _, let found) = error else {
                    return false
                }
                return found == mode_t(mode) && error.message.contains(setting)
            }
        }
        try? FileManager.default.removeItem(atPath: key)
    }

    @Test func aKeyFileThatOpensToOthersAfterLoadingIsRefusedWhenRead() throws {
        let secret = write(DemoCredentials.secret + "\n", mode: 0o600)
        let path = write("apiKey = \(DemoCredentials.apiKey)\nsecretFile = \(secret)\n", mode: 0o600)
        defer {
            try? FileManager.default.removeItem(atPath: path)
            try? FileManager.default.removeItem(atPath: secret)
        }
        let profile = try ConnectionProfile.load(path: path)
        #expect(try profile.credentials()?.signer.sign("a=1").text == DemoCredentials.hmac.signer.sign("a=1").text)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: secret)
        #expect(throws: ProfileError.self) { try profile.credentials() }
    }

    @Test func aProfileWithoutKeysMayBeReadByOthers() throws {
        let path = write("endpoint = sim\r\nrecvWindow = 7000\r\n", mode: 0o644)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try ConnectionProfile.load(path: path).recvWindow == 7000)
    }

    @Test func aHugeOrSpecialFileIsNotRead() throws {
        let path = write(Data(repeating: UInt8(ascii: "#"), count: 200_000), mode: 0o600)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect {
            try ConnectionProfile.load(path: path)
        } throws: { error in
            (error as? ProfileError)?.message.contains("larger than 64 KiB") == true
        }
        #expect {
            try ConnectionProfile.load(path: NSTemporaryDirectory())
        } throws: { error in
            (error as? ProfileError)?.message.contains("not a regular file") == true
        }
    }
}

/// The profile's secret is known to the history and log filters as soon as the profile is
/// loaded, even when another key (the environment's) signs.
@Suite struct ProfileSecretRememberedTests {
    @Test func loadingAProfileRemembersItsSecret() throws {
        let secret = "horse-\(UUID().uuidString.lowercased())"
        let path = NSTemporaryDirectory() + "bnc-config-\(UUID().uuidString)"
        FileManager.default.createFile(
            atPath: path, contents: Data("apiKey = k\r\napiSecret = \(secret)\r\n".utf8), attributes: [.posixPermissions: 0o600])
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(SecretText().reason(in: "print \"\(secret)\"") == nil)
        _ = try ConnectionProfile.load(path: path)
        #expect(SecretText().reason(in: "print \"\(secret)\"") == "contains the configured secret")
    }
}
