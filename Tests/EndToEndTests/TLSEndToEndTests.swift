import Foundation
import Testing

/// The built `bnc` over real TLS against `bnc sim --tls-cert/--tls-key` with a CA made in the
/// test, directly and through a CONNECT proxy of the tests' own (issue 14). The system trust
/// store is never touched: trust comes from --ca-file or SSL_CERT_FILE.
@Suite(.serialized) struct TLSEndToEndTests {
    static func authority() throws -> TestCertificateAuthority { try TestCertificateAuthority.shared.get() }

    /// `bnc --endpoint URL --ca-file CA --no-log -c SCRIPT`.
    static func bnc(
        _ url: String, _ script: String, caFile: String?, environment: [String: String] = [:], extra: [String] = []
    ) throws -> TransportEndToEndTests.Run {
        var arguments = ["--endpoint", url, "--no-log"] + extra
        if let caFile { arguments += ["--ca-file", caFile] }
        return try runBNC(arguments + ["-c", script], environment: environment)
    }

    // MARK: - The exchange's answers over https

    @Test func aCancelOverHTTPSSucceeds() throws {
        let ca = try Self.authority()
        let sim = try TLSSimulator(certificate: ca.good, authority: ca)
        defer { sim.stop() }
        let run = try Self.bnc(sim.baseURL(), "cancel LTCBTC id=28\ncancel LTCBTC cid=myOrder2", caFile: ca.caFile)
        #expect(run.status == 0, "stderr: \(run.err)")
        #expect(TransportEndToEndTests.count("CANCELED", in: run.out) == 2)
        #expect(sim.log.contains("canceled LTCBTC cross #28 (myOrder1)"))
        #expect(sim.log.contains("canceled LTCBTC cross #29 (myOrder2)"))
    }

    @Test func SSLCertFileIsTrustedWhenNoCAFileIsGiven() throws {
        let ca = try Self.authority()
        let sim = try TLSSimulator(certificate: ca.good, authority: ca)
        defer { sim.stop() }
        let run = try Self.bnc(
            sim.baseURL(host: "localhost"), "cancel LTCBTC id=28", caFile: nil, environment: ["SSL_CERT_FILE": ca.caFile])
        #expect(run.status == 0, "stderr: \(run.err)")
        #expect(sim.log.contains("canceled LTCBTC cross #28"))
    }

    @Test func unknownOrderOverHTTPSIsMinus2011() throws {
        let ca = try Self.authority()
        let sim = try TLSSimulator(certificate: ca.good, authority: ca)
        defer { sim.stop() }
        let run = try Self.bnc(sim.baseURL(), "cancel BTCUSDT id=1003", caFile: ca.caFile)
        #expect(run.status == 1)
        #expect(run.err.contains("-2011") && run.err.contains("Unknown order sent."), "stderr: \(run.err)")
    }

    @Test func aBadSecretOverHTTPSIsMinus1022AndNeverPrinted() throws {
        let ca = try Self.authority()
        let sim = try TLSSimulator(certificate: ca.good, authority: ca)
        defer { sim.stop() }
        let run = try Self.bnc(
            sim.baseURL(), "cancel LTCBTC id=28", caFile: ca.caFile,
            environment: [
                "BINANCE_API_KEY": "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A",
                "BINANCE_API_SECRET": "wrongSecretWrongSecretWrongSecret"
            ])
        #expect(run.status == 1)
        #expect(run.err.contains("-1022"), "stderr: \(run.err)")
        #expect(!run.err.contains("wrongSecret") && !run.out.contains("wrongSecret"))
    }

    /// 5XX answers over https, some after the cancel took effect: each unknown outcome is
    /// reconciled with a query, and every order ends canceled exactly once.
    @Test func serverErrorsOverHTTPSAreReconciled() throws {
        let ca = try Self.authority()
        let orders = 30
        let sim = try TLSSimulator(
            certificate: ca.good, authority: ca, ["--bulk", "FLTBTC=\(orders)", "--fail-rate", "0.3", "--seed", "7"])
        defer { sim.stop() }
        let run = try Self.bnc(sim.baseURL(), "for id in 1..\(orders) { cancel FLTBTC id=$id }", caFile: ca.caFile)
        #expect(run.status == 0, "stderr: \(run.err.suffix(2000))")
        let log = sim.log
        for id in 1...orders {
            #expect(TransportEndToEndTests.count("canceled FLTBTC cross #\(id) (", in: log) == 1, "order \(id)")
        }
        let failedDeletes = log.split(separator: "\n").filter { $0.contains("DELETE") && $0.contains("-> 5") }.count
        #expect(failedDeletes >= 3, "the fault plan should have hit some cancels: \(log.suffix(1500))")
        #expect(TransportEndToEndTests.count("the outcome is unknown", in: run.err) == failedDeletes)
        #expect(log.contains("GET /sapi/v1/margin/order"), "each unknown outcome is checked with a query")
    }

    /// The simulator closes every connection after reading a signed request, unanswered: over
    /// TLS the request was written (the handshake done), so the outcome is unknown, never "not sent".
    @Test func aConnectionLostAfterTheRequestOverHTTPSIsAnUnknownOutcome() throws {
        let ca = try Self.authority()
        let sim = try TLSSimulator(certificate: ca.good, authority: ca, ["--drop-rate", "1"])
        defer { sim.stop() }
        let run = try Self.bnc(sim.baseURL(), "cancel LTCBTC id=28", caFile: ca.caFile)
        #expect(run.status != 0)
        #expect(run.err.contains("outcome unknown") || run.err.contains("the outcome is unknown"), "stderr: \(run.err)")
        #expect(!run.err.contains("not sent"), "stderr: \(run.err)")
        #expect(sim.log.contains("DELETE /sapi/v1/margin/order"), "the simulator should have read the cancel: \(sim.log)")
    }

    // MARK: - Certificates that must be refused, each with its own message, nothing sent

    static func refused(_ certificate: KeyPath<TestCertificateAuthority, String>, host: String = "127.0.0.1") throws
        -> (run: TransportEndToEndTests.Run, simulatorLog: String)
    {
        let ca = try Self.authority()
        let sim = try TLSSimulator(certificate: ca[keyPath: certificate], authority: ca)
        defer { sim.stop() }
        let run = try Self.bnc(sim.baseURL(host: host), "cancel LTCBTC id=28", caFile: ca.caFile)
        Thread.sleep(forTimeInterval: 0.2)
        return (run, sim.log)
    }

    @Test func anUntrustedCertificateIsRefusedAndNothingIsSent() throws {
        let (run, log) = try Self.refused(\.untrusted)
        #expect(run.status != 0)
        #expect(run.err.contains("not sent: TLS with 127.0.0.1:"), "stderr: \(run.err)")
        #expect(run.err.contains("not signed by a trusted CA"), "stderr: \(run.err)")
        #expect(run.err.contains("0 requests performed"), "stderr: \(run.err)")
        #expect(!log.contains("/sapi/"), "the simulator saw a request: \(log)")
    }

    @Test func aCertificateForAnotherHostIsRefusedAndNothingIsSent() throws {
        let (run, log) = try Self.refused(\.wrongHost, host: "localhost")
        #expect(run.status != 0)
        #expect(run.err.contains("wrong host name: the server's certificate is not valid for localhost"), "stderr: \(run.err)")
        #expect(!run.err.contains("trusted CA") && !run.err.contains("expired"))
        #expect(!log.contains("/sapi/"), "the simulator saw a request: \(log)")
    }

    @Test func anExpiredCertificateIsRefusedAndNothingIsSent() throws {
        let (run, log) = try Self.refused(\.expired)
        #expect(run.status != 0)
        #expect(run.err.contains("expired on 2020-01-02 00:00:00 UTC"), "stderr: \(run.err)")
        #expect(!run.err.contains("trusted CA") && !run.err.contains("wrong host name"))
        #expect(!log.contains("/sapi/"), "the simulator saw a request: \(log)")
    }

    @Test func withoutTheCAFileTheTestCAIsUnknown() throws {
        let ca = try Self.authority()
        let sim = try TLSSimulator(certificate: ca.good, authority: ca)
        defer { sim.stop() }
        // An empty bundle of another CA: the trust store is the given file only, never more.
        let run = try Self.bnc(sim.baseURL(), "cancel LTCBTC id=28", caFile: ca.directory + "/other.pem")
        #expect(run.status != 0)
        #expect(run.err.contains("not signed by a trusted CA"), "stderr: \(run.err)")
        #expect(!sim.log.contains("/sapi/"))
    }

    @Test func anUnreadableCAFileIsAClearErrorAndNothingIsSent() throws {
        let ca = try Self.authority()
        let sim = try TLSSimulator(certificate: ca.good, authority: ca)
        defer { sim.stop() }
        let run = try Self.bnc(sim.baseURL(), "cancel LTCBTC id=28", caFile: ca.directory + "/missing.pem")
        #expect(run.status != 0)
        #expect(run.err.contains("the CA bundle \(ca.directory)/missing.pem (--ca-file) cannot be used"), "stderr: \(run.err)")
        #expect(!sim.log.contains("/sapi/"))
    }

    // MARK: - Through a proxy

    @Test func aConnectProxyCarriesTheCancelsOverOneTunnelWithItsCredentials() throws {
        let ca = try Self.authority()
        let sim = try TLSSimulator(certificate: ca.good, authority: ca)
        defer { sim.stop() }
        let proxy = try TestConnectProxy(["--auth", "alice:s3cret-proxy"])
        defer { proxy.stop() }
        let run = try Self.bnc(
            sim.baseURL(host: "localhost"), "cancel LTCBTC id=28\ncancel LTCBTC id=29", caFile: ca.caFile,
            environment: ["HTTPS_PROXY": "http://alice:s3cret-proxy@127.0.0.1:\(proxy.port)"])
        #expect(run.status == 0, "stderr: \(run.err)")
        #expect(sim.log.contains("canceled LTCBTC cross #28") && sim.log.contains("canceled LTCBTC cross #29"))
        // Keep-alive through the tunnel: one CONNECT (one TLS handshake) for both cancels.
        let requests = proxy.requests
        #expect(requests.map(\.line) == ["CONNECT localhost:\(sim.port) HTTP/1.1"])
        #expect(requests.first?.authorization == "Basic " + Data("alice:s3cret-proxy".utf8).base64EncodedString())
        #expect(!run.out.contains("s3cret") && !run.err.contains("s3cret"), "the proxy password was printed")
    }

    @Test func aProxyRefusingCredentialsOrTheTunnelSaysSoAndNothingIsSent() throws {
        let ca = try Self.authority()
        let sim = try TLSSimulator(certificate: ca.good, authority: ca)
        defer { sim.stop() }
        let guarded = try TestConnectProxy(["--auth", "alice:right"])
        defer { guarded.stop() }
        let wrong = try Self.bnc(
            sim.baseURL(host: "localhost"), "cancel LTCBTC id=28", caFile: ca.caFile,
            environment: ["HTTPS_PROXY": "http://alice:wrong-pass@127.0.0.1:\(guarded.port)"])
        #expect(
            wrong.err.contains("the proxy 127.0.0.1:\(guarded.port) (HTTPS_PROXY) did not accept the credentials"), "\(wrong.err)"
        )
        #expect(!wrong.err.contains("wrong-pass"))
        let forbidding = try TestConnectProxy(["--answer", "403"])
        defer { forbidding.stop() }
        let forbidden = try Self.bnc(
            sim.baseURL(host: "localhost"), "cancel LTCBTC id=28", caFile: ca.caFile,
            environment: ["HTTPS_PROXY": "http://127.0.0.1:\(forbidding.port)"])
        #expect(forbidden.err.contains("does not allow the tunnel (403"), "\(forbidden.err)")
        let refused = try Self.bnc(
            sim.baseURL(host: "localhost"), "cancel LTCBTC id=28", caFile: ca.caFile,
            environment: ["HTTPS_PROXY": "http://127.0.0.1:1"])
        #expect(
            refused.err.contains("not sent: cannot connect to the proxy 127.0.0.1:1 (HTTPS_PROXY): connection refused"),
            "\(refused.err)")
        for run in [wrong, forbidden, refused] { #expect(run.status != 0 && run.err.contains("0 requests performed")) }
        #expect(!sim.log.contains("/sapi/"), "the exchange saw a request: \(sim.log)")
    }

    @Test func noProxyBypassesTheProxyAndTheProfileProxyWins() throws {
        let ca = try Self.authority()
        let sim = try TLSSimulator(certificate: ca.good, authority: ca)
        defer { sim.stop() }
        let proxy = try TestConnectProxy()
        defer { proxy.stop() }
        let bypassed = try Self.bnc(
            sim.baseURL(host: "localhost"), "cancel LTCBTC id=28", caFile: ca.caFile,
            environment: ["HTTPS_PROXY": "http://127.0.0.1:\(proxy.port)", "NO_PROXY": "example.org,.localhost"])
        #expect(bypassed.status == 0, "stderr: \(bypassed.err)")
        #expect(proxy.requests.isEmpty, "NO_PROXY should bypass the proxy")
        // The profile's proxy wins over a dead HTTPS_PROXY.
        let config = try TransportEndToEndTests.profile("proxy = http://127.0.0.1:\(proxy.port)\n")
        defer { try? FileManager.default.removeItem(atPath: config) }
        let viaProfile = try Self.bnc(
            sim.baseURL(host: "localhost"), "cancel LTCBTC id=29", caFile: ca.caFile,
            environment: ["HTTPS_PROXY": "http://127.0.0.1:1", "XDG_CONFIG_HOME": config])
        #expect(viaProfile.status == 0, "stderr: \(viaProfile.err)")
        #expect(proxy.requests.map(\.line) == ["CONNECT localhost:\(sim.port) HTTP/1.1"])
    }

    @Test func dryRunAndSessionLogShowTheProxyHostAndPortOnly() throws {
        let ca = try Self.authority()
        let sim = try TLSSimulator(certificate: ca.good, authority: ca)
        defer { sim.stop() }
        let proxy = try TestConnectProxy()
        defer { proxy.stop() }
        let environment = ["HTTPS_PROXY": "http://bob:hunter2-secret@127.0.0.1:\(proxy.port)"]
        let dry = try runBNC(
            ["--endpoint", sim.baseURL(host: "localhost"), "--dry-run", "-c", "cancel LTCBTC id=28"], environment: environment)
        #expect(dry.status == 0, "stderr: \(dry.err)")
        #expect(dry.err.contains("requests would go through the proxy 127.0.0.1:\(proxy.port) (HTTPS_PROXY)"), "\(dry.err)")
        #expect(!dry.err.contains("hunter2") && !dry.out.contains("hunter2") && !dry.err.contains("bob"))
        let log = NSTemporaryDirectory() + "bnc-proxy-log-\(getpid()).jsonl"
        defer { try? FileManager.default.removeItem(atPath: log) }
        let sent = try runBNC(
            ["--endpoint", sim.baseURL(host: "localhost"), "--ca-file", ca.caFile, "--log", log, "-c", "cancel LTCBTC id=28"],
            environment: environment)
        #expect(sent.status == 0, "stderr: \(sent.err)")
        let text = try String(contentsOfFile: log, encoding: .utf8)
        let header = String(text.prefix { $0 != "\n" })
        #expect(header.contains("\"proxy\":\"127.0.0.1:\(proxy.port)\""), "header: \(header)")
        #expect(!text.contains("hunter2") && !text.contains("bob:"), "the proxy credentials reached the log")
    }
}
