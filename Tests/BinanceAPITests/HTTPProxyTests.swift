import Foundation
import Testing

@testable import BinanceAPI

/// Proxy URLs, the choice between profile and environment, and curl's NO_PROXY rules (issue 14).
struct HTTPProxyTests {
    @Test func aProxyURLGivesHostPortAndBasicCredentialsThatAreNeverShown() throws {
        let proxy = try HTTPProxy(url: "http://alice:s%3Acret@proxy.example:3128/", origin: "HTTPS_PROXY")
        #expect(proxy.host == "proxy.example" && proxy.port == 3128)
        #expect(proxy.authorization == "Basic " + Data("alice:s:cret".utf8).base64EncodedString())
        #expect(proxy.display == "proxy.example:3128")
        #expect("\(proxy)" == "proxy.example:3128")
        #expect(!"\(proxy)".contains("alice") && !proxy.display.contains("cret"))
    }

    @Test func aBareHostIsHTTPOnCurlsDefaultPortAndIPv6KeepsBrackets() throws {
        let bare = try HTTPProxy(url: "proxy.example", origin: "x")
        #expect(bare.port == 1080 && bare.authorization == nil)
        let six = try HTTPProxy(url: "http://[::1]:8080", origin: "x")
        #expect(six.host == "::1" && six.port == 8080 && six.display == "[::1]:8080")
    }

    @Test(arguments: [
        "https://proxy:443", "socks5://proxy:1080", "http://proxy:0", "http://proxy:99999", "http://:80", "http://[::1"
    ])
    func unusableProxyURLsAreRefused(url: String) {
        #expect(throws: HTTPProxyError.self) { try HTTPProxy(url: url, origin: "HTTPS_PROXY") }
    }

    @Test func theSchemePicksTheVariableAndTheProfileWins() throws {
        let environment = ["HTTPS_PROXY": "http://secure:1", "HTTP_PROXY": "http://plain:2"]
        #expect(
            try HTTPProxy.resolve(host: "api.binance.com", https: true, profileProxy: nil, environment: environment)?.host
                == "secure")
        #expect(
            try HTTPProxy.resolve(host: "127.0.0.1", https: false, profileProxy: nil, environment: environment)?.host == "plain")
        let profile = try HTTPProxy.resolve(
            host: "api.binance.com", https: true, profileProxy: "http://mine:3", environment: environment)
        #expect(profile?.host == "mine" && profile?.origin == "profile proxy")
        #expect(
            try HTTPProxy.resolve(host: "api.binance.com", https: true, profileProxy: "none", environment: environment) == nil)
        #expect(try HTTPProxy.resolve(host: "api.binance.com", https: true, profileProxy: nil, environment: [:]) == nil)
        // Lowercase first, as curl reads them.
        let both = ["https_proxy": "http://lower:1", "HTTPS_PROXY": "http://upper:1"]
        #expect(try HTTPProxy.resolve(host: "a.b", https: true, profileProxy: nil, environment: both)?.host == "lower")
    }

    @Test func noProxyFollowsCurl() {
        #expect(HTTPProxy.bypasses(host: "api.binance.com", noProxy: "binance.com"))
        #expect(HTTPProxy.bypasses(host: "api.binance.com", noProxy: ".binance.com"))
        #expect(HTTPProxy.bypasses(host: "binance.com", noProxy: ".binance.com"))
        #expect(HTTPProxy.bypasses(host: "API.Binance.COM", noProxy: " example.org , BINANCE.com "))
        #expect(HTTPProxy.bypasses(host: "anything", noProxy: "*"))
        #expect(!HTTPProxy.bypasses(host: "notbinance.com", noProxy: "binance.com"))
        #expect(!HTTPProxy.bypasses(host: "binance.com.evil.example", noProxy: "binance.com"))
        // Loopback is not special: only what is listed is bypassed.
        #expect(!HTTPProxy.bypasses(host: "127.0.0.1", noProxy: "example.org"))
        #expect(!HTTPProxy.bypasses(host: "localhost", noProxy: ""))
        #expect(HTTPProxy.bypasses(host: "127.0.0.1", noProxy: "localhost,127.0.0.1"))
        #expect(HTTPProxy.bypasses(host: "[::1]", noProxy: "::1"))
    }

    @Test func noProxyStarCountsOnlyAsTheWholeValue() {
        #expect(HTTPProxy.bypasses(host: "api.binance.com", noProxy: " * "))
        #expect(!HTTPProxy.bypasses(host: "api.binance.com", noProxy: "example.org,*"))
        #expect(!HTTPProxy.bypasses(host: "10.0.0.1", noProxy: "*,example.org"))
    }

    @Test func noProxyComparesIPAddressesExactlyOrByCIDR() {
        // Not a suffix: 0.1 does not cover 10.0.0.1.
        #expect(!HTTPProxy.bypasses(host: "10.0.0.1", noProxy: "0.1"))
        #expect(!HTTPProxy.bypasses(host: "10.0.0.1", noProxy: ".0.0.1"))
        #expect(HTTPProxy.bypasses(host: "10.0.0.1", noProxy: "10.0.0.1"))
        #expect(HTTPProxy.bypasses(host: "10.0.0.1", noProxy: "example.org, 10.0.0.0/8"))
        #expect(HTTPProxy.bypasses(host: "10.255.3.4", noProxy: "10.0.0.0/8"))
        #expect(!HTTPProxy.bypasses(host: "11.0.0.1", noProxy: "10.0.0.0/8"))
        #expect(HTTPProxy.bypasses(host: "192.168.1.77", noProxy: "192.168.1.64/26"))
        #expect(!HTTPProxy.bypasses(host: "192.168.1.128", noProxy: "192.168.1.64/26"))
        #expect(!HTTPProxy.bypasses(host: "10.0.0.1", noProxy: "10.0.0.0/33"))
        #expect(!HTTPProxy.bypasses(host: "10.0.0.1", noProxy: "10.0.0.0/x"))
        #expect(HTTPProxy.bypasses(host: "::1", noProxy: "::1/128"))
        #expect(HTTPProxy.bypasses(host: "[::1]", noProxy: "[::1]"))
        #expect(HTTPProxy.bypasses(host: "2001:db8::5", noProxy: "2001:DB8::/32"))
        #expect(!HTTPProxy.bypasses(host: "2001:db9::5", noProxy: "2001:db8::/32"))
        #expect(!HTTPProxy.bypasses(host: "::1", noProxy: "1"))
        #expect(!HTTPProxy.bypasses(host: "10.0.0.1", noProxy: "::/0"))
        // Names still match by suffix; a CIDR entry never matches a name.
        #expect(!HTTPProxy.bypasses(host: "api.binance.com", noProxy: "10.0.0.0/8"))
    }

    @Test func noProxyAppliesToTheProfileProxyToo() throws {
        let environment = ["NO_PROXY": "binance.com"]
        #expect(
            try HTTPProxy.resolve(host: "api.binance.com", https: true, profileProxy: "http://mine:3", environment: environment)
                == nil)
    }

    @Test func theProfileNamesAProxyAndACABundle() throws {
        let profile = try ConnectionProfile.parse(
            "caFile = /etc/bnc/ca.pem\nproxy = http://u:p@proxy.corp:3128\n", path: "config")
        #expect(profile.caFile == "/etc/bnc/ca.pem")
        #expect(profile.proxy == "http://u:p@proxy.corp:3128")
        #expect(
            try HTTPProxy.resolve(host: "api.binance.com", https: true, profileProxy: profile.proxy, environment: [:])?.display
                == "proxy.corp:3128")
        #expect(ProfileError.unknownKey(path: "config", line: 1, key: "x").hint?.contains("caFile, proxy") == true)
    }

    @Test func theConnectRequestCarriesTheTargetAndTheCredentials() {
        let text = HTTPTunnelHandler.request(target: "api.binance.com:443", authorization: "Basic eDp5")
        #expect(
            text == "CONNECT api.binance.com:443 HTTP/1.1\r\nHost: api.binance.com:443\r\nProxy-Authorization: Basic eDp5\r\n\r\n"
        )
    }

    @Test func aRefusedTunnelSaysWhatTheProxyDid() {
        #expect(
            HTTPTunnelFailure.refused(status: 407, reason: "Proxy Authentication Required").detail(sentCredentials: false)
                .hasPrefix("asks for credentials"))
        #expect(
            HTTPTunnelFailure.refused(status: 407, reason: "").detail(sentCredentials: true).hasPrefix(
                "did not accept the credentials"))
        #expect(
            HTTPTunnelFailure.refused(status: 403, reason: "Forbidden").detail(sentCredentials: false)
                == "does not allow the tunnel (403 Forbidden)")
        #expect(
            HTTPTunnelFailure.refused(status: 502, reason: "Bad Gateway").detail(sentCredentials: false).hasPrefix(
                "could not reach the exchange"))
    }
}

/// Which CA bundle https trusts, and the errors of one that cannot be used (issue 14).
struct TLSTrustTests {
    @Test func precedenceIsOptionThenProfileThenSSLCertFileThenSystem() {
        let environment = ["SSL_CERT_FILE": "/env.pem"]
        #expect(
            TLSTrust.resolve(option: "/opt.pem", profileFile: "/prof.pem", environment: environment).source
                == .file(path: "/opt.pem", setting: "--ca-file"))
        #expect(
            TLSTrust.resolve(option: nil, profileFile: "/prof.pem", environment: environment).source
                == .file(path: "/prof.pem", setting: "profile caFile"))
        #expect(
            TLSTrust.resolve(option: nil, profileFile: nil, environment: environment).source
                == .file(path: "/env.pem", setting: "SSL_CERT_FILE"))
        #expect(TLSTrust.resolve(option: nil, profileFile: nil, environment: [:]) == .system)
    }

    @Test func aMissingOrEmptyBundleIsAClearError() throws {
        #expect(throws: TLSTrustError.self) { try TLSTrust.certificates(path: "/nonexistent/ca.pem", setting: "--ca-file") }
        let path = NSTemporaryDirectory() + "bnc-empty-ca-\(getpid()).pem"
        FileManager.default.createFile(atPath: path, contents: Data("not a certificate\n".utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            _ = try TLSTrust.certificates(path: path, setting: "SSL_CERT_FILE")
            Issue.record("accepted a bundle without certificates")
        } catch {
            #expect(
                error.message.contains(path) && error.message.contains("SSL_CERT_FILE")
                    && error.message.contains("no PEM certificate"))
        }
    }

    @Test func aDeviceOrFIFOIsRefusedWithoutReadingIt() throws {
        // /dev/zero claims size 0 and never ends; a FIFO with no writer would block the read.
        for path in ["/dev/zero", "/dev/null"] {
            do {
                _ = try TLSTrust.certificates(path: path, setting: "SSL_CERT_FILE")
                Issue.record("accepted \(path)")
            } catch {
                #expect(error.message.contains("not a regular file"), "\(error.message)")
            }
        }
        let fifo = NSTemporaryDirectory() + "bnc-fifo-ca-\(getpid())"
        try #require(mkfifo(fifo, 0o600) == 0)
        defer { unlink(fifo) }
        do {
            _ = try TLSTrust.certificates(path: fifo, setting: "--ca-file")
            Issue.record("accepted a FIFO")
        } catch {
            #expect(error.message.contains("not a regular file"), "\(error.message)")
        }
    }

    @Test func anOversizedBundleIsRefused() throws {
        let path = NSTemporaryDirectory() + "bnc-big-ca-\(getpid()).pem"
        FileManager.default.createFile(atPath: path, contents: Data(count: TLSTrust.maxBundleBytes + 1))
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            _ = try TLSTrust.certificates(path: path, setting: "caFile")
            Issue.record("accepted an oversized bundle")
        } catch {
            #expect(error.message.contains("larger than 16 MiB"), "\(error.message)")
        }
        #expect(readBounded(path, limit: 10).isTooLarge)
        FileManager.default.createFile(atPath: path, contents: Data("0123456789".utf8))
        #expect((try? readBounded(path, limit: 10).get()) == Array("0123456789".utf8))
    }

    @Test func anHTTPSSendWithAnUnusableBundleSendsNothing() async throws {
        // The bundle is read lazily, at the first https connection, and fails before any socket.
        let transport = try HTTPTransport(
            baseURL: "https://127.0.0.1:1", trust: TLSTrust(.file(path: "/nonexistent/ca.pem", setting: "--ca-file")))
        let request = try HTTPKeepAliveTransportTests.cancel()
        do throws(TransportError) {
            _ = try await transport.send(request)
            Issue.record("sent")
        } catch {
            guard case .connectFailed(let detail) = error else {
                Issue.record("\(error)")
                return
            }
            #expect(detail.hasPrefix("the CA bundle /nonexistent/ca.pem (--ca-file) cannot be used"))
            #expect(!error.outcomeUnknown)
        }
    }
}

extension Result where Failure == BoundedReadFailure {
    fileprivate var isTooLarge: Bool {
        if case .failure(.tooLarge) = self { return true }
        return false
    }
}
