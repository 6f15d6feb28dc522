import Foundation
import Testing

/// Profiles as people save them (issue 13, item 1): a CRLF profile is read line by line, its
/// secret never reaches standard error, the session log or the history, and a profile or key
/// file others can open is refused before anything is sent.
@Suite struct ProfileSecretTests {
    static let secret = LiveConfirmationTests.demoKey["BINANCE_API_SECRET"]!
    static let apiKey = LiveConfirmationTests.demoKey["BINANCE_API_KEY"]!

    /// A profile directory with `config` holding `text` at `mode`.
    static func profile(_ text: String, mode: Int) throws -> String {
        let directory = try TransportEndToEndTests.profile(text)
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: directory + "/bnc/config")
        return directory
    }

    static func contents(_ path: String) -> String {
        (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    }

    @Test func aCRLFProfileOpenToOthersIsRefusedWithoutShowingTheSecret() throws {
        let server = try HostileServer([.answer(body: HostileServerTests.canceled)])
        defer { server.stop() }
        let config = try Self.profile(
            "endpoint = \(server.baseURL)\r\napiKey = \(Self.apiKey)\r\napiSecret = \(Self.secret)\r\n", mode: 0o644)
        defer { try? FileManager.default.removeItem(atPath: config) }
        let log = config + "/session.jsonl"
        let run = try LanguageRun.bnc(["--log", log, "-c", "cancel LTCBTC id=28"], environment: ["XDG_CONFIG_HOME": config])
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains("holds apiSecret but group or others have access to it (mode 644)"), "\(run.stderr)")
        #expect(!run.stderr.contains(Self.secret))
        #expect(!Self.contents(log).contains(Self.secret))
        #expect(server.requests.isEmpty)
    }

    @Test func aPrivateCRLFProfileIsUsedAndItsLogHoldsTheEndpointOnly() throws {
        let server = try HostileServer([.answer(body: HostileServerTests.canceled)])
        defer { server.stop() }
        // A secret that does not look like key material: only knowing the profile's value hides it.
        let secret = "correct-horse-battery-staple-42"
        let config = try Self.profile(
            "\u{FEFF}# saved on Windows\r\nendpoint = \(server.baseURL)\r\napiKey = \(Self.apiKey)\r\napiSecret = \(secret)\r\n",
            mode: 0o600)
        defer { try? FileManager.default.removeItem(atPath: config) }
        let log = config + "/session.jsonl"
        let run = try LanguageRun.bnc(
            ["--log", log, "-c", "cancel LTCBTC id=28\nprint \"\(secret)\""], environment: ["XDG_CONFIG_HOME": config])
        #expect(run.status == 0, "\(run.stderr)")
        let request = try #require(server.requests(to: "/sapi/v1/margin/order").first)
        #expect(request.headers["x-mbx-apikey"] == Self.apiKey)
        let text = Self.contents(log)
        #expect(text.contains(#""endpoint":"\#(server.baseURL)""#), "\(text)")
        // The profile's secret, typed into a statement, is not recorded either.
        #expect(!text.contains(secret))
        // (cut to the statement's own width: `print "…"` is 39 characters)
        #expect(text.contains(##""source":"# statement not recorded: it contains t""##))
    }

    @Test(arguments: [
        "endpoint = live apiSecret = \(secret)",
        "apiKey = k\napiSecret \(secret) = x",
        "endpoint = http://127.0.0.1:9 \(secret)\r\napiKey = k",
        "\(secret) = 1"
    ])
    func aMalformedLineNeverShowsTheSecret(text: String) throws {
        let config = try Self.profile(text, mode: 0o600)
        defer { try? FileManager.default.removeItem(atPath: config) }
        let run = try LanguageRun.bnc(["--no-log", "-c", "cancel LTCBTC id=28"], environment: ["XDG_CONFIG_HOME": config])
        #expect(run.status == 2, "\(run.stderr)")
        #expect(run.stderr.contains("/bnc/config:"), "\(run.stderr)")
        #expect(!run.stderr.contains(String(Self.secret.prefix(12))), "\(run.stderr)")
    }

    @Test func aKeyFileOpenToOthersIsRefused() throws {
        let config = try Self.profile("", mode: 0o600)
        defer { try? FileManager.default.removeItem(atPath: config) }
        let secretFile = config + "/secret"
        FileManager.default.createFile(
            atPath: secretFile, contents: Data((Self.secret + "\n").utf8), attributes: [.posixPermissions: 0o644])
        for setting in ["secretFile", "privateKeyFile"] {
            try "apiKey = \(Self.apiKey)\r\n\(setting) = \(secretFile)\r\n".write(
                toFile: config + "/bnc/config", atomically: false, encoding: .utf8)
            let run = try LanguageRun.bnc(["--no-log", "-c", "cancel LTCBTC id=28"], environment: ["XDG_CONFIG_HOME": config])
            #expect(run.status == 2, "\(setting): \(run.stderr)")
            #expect(run.stderr.contains("\(secretFile) holds"), "\(run.stderr)")
            #expect(run.stderr.contains("hint: run: chmod 600 \(secretFile)"))
            #expect(!run.stderr.contains(Self.secret))
        }
    }
}
