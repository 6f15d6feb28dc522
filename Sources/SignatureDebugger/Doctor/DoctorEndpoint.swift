import BinanceAPI

/// What the doctor reports about where requests go: the base URL, whether it is the embedded
/// simulator, the live exchange or another server, TLS and the roots it trusts, and the proxy —
/// read from the transport every command uses, so `--ca-file`, `caFile`, `SSL_CERT_FILE` and
/// the proxy settings show as they apply.
package struct DoctorEndpoint: Sendable, Hashable {
    package var baseURL: String
    /// The in-process simulator (no network).
    package var isEmbedded: Bool
    /// The roots an https connection trusts; nil for the embedded simulator.
    package var trust: TLSTrust?
    /// The proxy requests go through, if any.
    package var proxy: HTTPProxy?

    package init(baseURL: String, isEmbedded: Bool, trust: TLSTrust? = nil, proxy: HTTPProxy? = nil) {
        self.baseURL = baseURL
        self.isEmbedded = isEmbedded
        self.trust = trust
        self.proxy = proxy
    }

    /// The facts of `transport`: the HTTP transport's trust and proxy; the embedded simulator
    /// by its endpoint name, `sim`.
    package init(transport: any Transport) {
        let http = transport as? HTTPTransport
        self.init(
            baseURL: transport.baseURL, isEmbedded: http == nil && transport.endpointName == "sim", trust: http?.trust,
            proxy: http?.proxy)
    }

    /// The endpoint check; `unreachable` is why `GET /api/v3/time` got no answer, if it did not.
    package func check(unreachable: String? = nil) -> DoctorCheck {
        if isEmbedded {
            return DoctorCheck("endpoint", .ok, "the embedded simulator (in process, no network; --endpoint chooses another)")
        }
        let host = LiveEndpoint.host(of: baseURL) ?? ""
        let tls = baseURL.lowercased().hasPrefix("https://")
        var parts = [LiveEndpoint.redacted(baseURL)]
        if LiveEndpoint.isLive(baseURL: baseURL) { parts.append("the live exchange") }
        parts.append(tls ? "TLS, trusting \(trust?.description ?? TLSTrust.system.description)" : "plain http")
        if let proxy { parts.append("through the proxy \(proxy.display) (\(proxy.origin))") }
        let detail = parts.joined(separator: ", ")
        if let unreachable {
            return DoctorCheck(
                "endpoint", .problem, "\(detail): no answer to GET /api/v3/time: \(unreachable)",
                fix:
                    "check the URL, the network\(proxy == nil ? "" : ", the proxy")\(tls ? " and the trusted CAs (--ca-file)" : "")"
            )
        }
        if isSpotTestnet {
            return DoctorCheck(
                "endpoint", .warning, "\(detail): the spot testnet serves no /sapi endpoints (margin answers 404 there)",
                fix: "margin requests can be tried against the simulator (bnc sim), not the testnet")
        }
        if host == "binance.us" || host.hasSuffix(".binance.us") {
            return DoctorCheck(
                "endpoint", .warning, "\(detail): binance.us is another exchange, without the margin endpoints",
                fix: "a binance.com key gets -2015 on binance.us and the reverse; use the key of the exchange you call")
        }
        if !tls && !Self.isLoopback(host) {
            return DoctorCheck(
                "endpoint", .warning, "\(detail): the API key and signed requests cross the network unencrypted",
                fix: "use an https:// endpoint")
        }
        return DoctorCheck("endpoint", .ok, detail)
    }

    /// The spot testnet, which serves no `/sapi` endpoint (so no key-permission query either).
    package var isSpotTestnet: Bool {
        let host = LiveEndpoint.host(of: baseURL) ?? ""
        return host == "testnet.binance.vision" || host.hasSuffix(".testnet.binance.vision")
    }

    static func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host.hasPrefix("127.") || host == "[::1]" || host == "::1"
    }
}
