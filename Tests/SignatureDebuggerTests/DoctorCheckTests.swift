import BinanceAPI
import Foundation
import Testing

@testable import SignatureDebugger

/// Each doctor check on its own, from values: the clock against recvWindow, the key's shape,
/// the endpoint, the weight, and the report's text and JSON.
@Suite struct DoctorCheckTests {
    static let key64 = String(repeating: "a1B2", count: 16)

    // MARK: clock

    static func sample(offset: Int64, roundTrip: Int64 = 20) -> ClockSample {
        ClockSample(sentAt: 1_000_000, receivedAt: 1_000_000 + roundTrip, serverTime: 1_000_000 + roundTrip / 2 + offset)
    }

    @Test func clockWithinTheWindowIsOK() {
        let check = ClockCheck.check(Self.sample(offset: 40), recvWindow: 5000)
        #expect(check.status == .ok)
        #expect(check.detail == "offset +40 ms (this machine is behind the exchange), round trip 20 ms, recvWindow 5000 ms")
        #expect(check.fix == nil)
    }

    @Test func clockAheadByMoreThanASecondIsAProblem() {
        let check = ClockCheck.check(Self.sample(offset: -1500), recvWindow: 5000)
        #expect(check.status == .problem)
        #expect(check.detail.hasPrefix("this machine is more than 1000 ms ahead of the exchange: offset -1500 ms"))
        #expect(check.fix?.contains("ahead of the server's time") == true)
    }

    @Test func clockBehindByMoreThanRecvWindowIsAProblem() {
        let check = ClockCheck.check(Self.sample(offset: 6000), recvWindow: 5000)
        #expect(check.status == .problem)
        #expect(check.detail.contains("older than recvWindow"))
        // A larger recvWindow accepts the same clock, with a warning for the thin margin.
        #expect(ClockCheck.check(Self.sample(offset: 6000), recvWindow: 10_000).status == .warning)
        #expect(ClockCheck.check(Self.sample(offset: 6000), recvWindow: 60_000).status == .ok)
    }

    @Test func clockAheadByMoreThanHalfASecondWarns() {
        #expect(ClockCheck.check(Self.sample(offset: -700), recvWindow: 5000).status == .warning)
    }

    @Test func clockADayAwayIsABrokenAnswer() {
        let check = ClockCheck.check(
            ClockSample(sentAt: 1_000_000_000_000, receivedAt: 1_000_000_000_010, serverTime: 0), recvWindow: 5000)
        #expect(check.status == .problem)
        #expect(check.detail.hasPrefix("the exchange's time is more than a day from this machine's"))
    }

    // MARK: key

    static func hmac(_ apiKey: String, _ secret: String, source: String = "environment") -> Credentials {
        Credentials(apiKey: apiKey, signer: RequestSigner(hmacSecret: secret), source: source)
    }

    @Test func aWellShapedKeyIsOKAndShownMasked() {
        let secret = String(repeating: "Zz09", count: 16)
        let check = DoctorKey(credentials: Self.hmac(Self.key64, secret), secretText: secret, isLive: true).check
        #expect(check.status == .ok)
        #expect(check.detail == "HMAC key a1B2…a1B2 from environment")
        #expect(!check.detail.contains(Self.key64))
        #expect(!check.detail.contains(secret))
    }

    @Test func theAPIKeyGivenAsTheSecretIsAProblem() {
        let check = DoctorKey(credentials: Self.hmac(Self.key64, Self.key64), secretText: Self.key64, isLive: true).check
        #expect(check.status == .problem)
        #expect(check.detail.contains("the secret is the API key itself"))
        #expect(!check.detail.contains(Self.key64))
    }

    @Test func aPEMInTheSecretIsAProblem() {
        let pem = "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIA==\n-----END PRIVATE KEY-----"
        let check = DoctorKey(credentials: Self.hmac(Self.key64, pem), secretText: pem, isLive: true).check
        #expect(check.status == .problem)
        #expect(check.detail.contains("holds a PEM key"))
        #expect(check.fix?.contains("BINANCE_PRIVATE_KEY_FILE") == true)
    }

    @Test func whitespaceInTheSecretIsAProblem() {
        let secret = String(repeating: "Zz09", count: 8) + " " + String(repeating: "Zz09", count: 8)
        let check = DoctorKey(credentials: Self.hmac(Self.key64, secret, source: "profile /p"), secretText: secret, isLive: true)
            .check
        #expect(check.status == .problem)
        #expect(check.detail.contains("contains whitespace"))
        #expect(check.detail.contains("from profile /p"))
    }

    @Test func aShortSecretOrKeyWarns() {
        let short = DoctorKey(credentials: Self.hmac(Self.key64, "abc123"), secretText: "abc123", isLive: true).check
        #expect(short.status == .warning)
        #expect(short.detail.contains("the secret is 6 characters"))
        let secret = String(repeating: "Zz09", count: 16)
        let badKey = DoctorKey(credentials: Self.hmac("short-key-1234", secret), secretText: secret, isLive: true).check
        #expect(badKey.status == .warning)
        #expect(badKey.detail.contains("-2014"))
    }

    @Test func noKeyForLiveIsAProblemAndTheDemoKeyIsOKOffLive() {
        #expect(DoctorKey.resolve(environment: [:], profile: ConnectionProfile(), isLive: true).check.status == .problem)
        let demo = DoctorKey.resolve(environment: [:], profile: ConnectionProfile(), isLive: false).check
        #expect(demo.status == .ok)
        #expect(demo.detail.contains("the documentation's demo key"))
    }

    @Test func anEnvironmentThatDoesNotLoadIsAProblemNamingWhy() {
        let check = DoctorKey.resolve(environment: ["BINANCE_API_KEY": Self.key64], profile: ConnectionProfile(), isLive: false)
            .check
        #expect(check.status == .problem)
        #expect(check.detail.contains("no signing key"))
        let spaced = DoctorKey.resolve(
            environment: ["BINANCE_API_KEY": Self.key64, "BINANCE_API_SECRET": "abc def"], profile: ConnectionProfile(),
            isLive: false
        ).check
        #expect(spaced.status == .problem)
        #expect(spaced.detail.contains("whitespace"))
    }

    @Test func aPublicKeyFileIsNamedAsTheWrongKind() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("doctor-\(UUID().uuidString).pem").path
        let pem =
            "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAKi0rNJ8Cq7bxnTq3hLq2VfGYG5Yt1aWq3Vw0Xo8yJbo=\n-----END PUBLIC KEY-----\n"
        #expect(FileManager.default.createFile(atPath: path, contents: Data(pem.utf8), attributes: [.posixPermissions: 0o600]))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let check = DoctorKey.resolve(
            environment: ["BINANCE_API_KEY": Self.key64, "BINANCE_PRIVATE_KEY_FILE": path], profile: ConnectionProfile(),
            isLive: false
        ).check
        #expect(check.status == .problem)
        #expect(check.fix?.contains("PUBLIC key") == true)
        #expect(PEMKind.wrongKind("-----BEGIN ENCRYPTED PRIVATE KEY-----\nx\n")?.contains("openssl pkey") == true)
        #expect(PEMKind.wrongKind("-----BEGIN PRIVATE KEY-----\nx\n") == nil)
        #expect(PEMKind.wrongKind("not a pem")?.contains("no PEM block") == true)
    }

    // MARK: endpoint

    @Test func endpointLinesSayWhereRequestsGo() throws {
        #expect(DoctorEndpoint(baseURL: "http://sim.bnc.invalid", isEmbedded: true).check().status == .ok)
        let live = DoctorEndpoint(baseURL: "https://api.binance.com", isEmbedded: false, trust: .system).check()
        #expect(live.status == .ok)
        #expect(live.detail == "https://api.binance.com, the live exchange, TLS, trusting the system trust store")
        let proxied = DoctorEndpoint(
            baseURL: "https://api.binance.com", isEmbedded: false, trust: .system,
            proxy: try HTTPProxy(url: "http://10.0.0.1:3128", origin: "HTTPS_PROXY")
        ).check()
        #expect(proxied.detail.hasSuffix("through the proxy 10.0.0.1:3128 (HTTPS_PROXY)"))
        #expect(DoctorEndpoint(baseURL: "http://127.0.0.1:8080", isEmbedded: false).check().status == .ok)
        #expect(DoctorEndpoint(baseURL: "http://10.1.2.3:8080", isEmbedded: false).check().status == .warning)
        #expect(DoctorEndpoint(baseURL: "https://testnet.binance.vision", isEmbedded: false).check().detail.contains("no /sapi"))
        #expect(DoctorEndpoint(baseURL: "https://api.binance.us", isEmbedded: false).check().status == .warning)
        let down = DoctorEndpoint(baseURL: "http://127.0.0.1:9", isEmbedded: false).check(unreachable: "not sent: refused")
        #expect(down.status == .problem)
        #expect(down.detail.hasSuffix("no answer to GET /api/v3/time: not sent: refused"))
    }

    // MARK: weight

    @Test func weightUsedAndLeftPerLimit() {
        var state = RateLimitState()
        #expect(WeightCheck.check(state, now: 1000).status == .ok)
        let heavy = TransportResponse(status: 200, headers: [HTTPHeader("X-SAPI-USED-IP-WEIGHT-1M", "11000")], body: [])
        state.didReceive(heavy, family: .sapi, weight: 10, now: 1000, wallNow: 1000)
        let check = WeightCheck.check(state, now: 1001)
        #expect(check.status == .warning)
        #expect(
            check.detail
                == "sapi 11000 used, 1000 left of 12000; sapiUID 0 used, 180000 left of 180000; api 0 used, 6000 left of 6000 in the 1m window"
        )
    }

    // MARK: report

    @Test func reportTextJSONAndExitCode() {
        let report = DoctorReport(checks: [
            DoctorCheck("clock", .ok, "offset 0 ms"),
            DoctorCheck("key", .problem, "bad\u{1B}[31m", fix: "do this")
        ])
        #expect(report.exitCode == 1)
        #expect(
            report.text == """
                ok       clock  offset 0 ms
                problem  key    bad\\x1B[31m
                         fix: do this
                2 checks: 1 ok, 0 warnings, 1 problem
                """)
        #expect(
            report.jsonLines == [
                #"{"check":"clock","status":"ok","detail":"offset 0 ms","fix":null}"#,
                #"{"check":"key","status":"problem","detail":"bad\u001b[31m","fix":"do this"}"#,
                #"{"summary":{"ok":1,"warning":0,"problem":1},"exitCode":1}"#
            ])
        #expect(DoctorReport(checks: [DoctorCheck("clock", .warning, "x", fix: "y")]).exitCode == 0)
    }
}
