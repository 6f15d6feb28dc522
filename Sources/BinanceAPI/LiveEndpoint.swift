/// The one answer to "does this send real orders?", used by every confirmation and every other
/// decision that depends on it (no demo key, `replay --live` asks first).
///
/// Live is any host under `binance.com` or `binance.us` — `api.binance.com`, `api1`–`api4`,
/// `api-gcp`, a future name — whatever the scheme and port, and whether or not a proxy carries
/// the request (the proxy changes the route, not where the order lands). The embedded
/// simulator, loopback URLs (`localhost`, `127.0.0.0/8`, `[::1]`) and the spot testnet
/// (`testnet.binance.vision`) are not live. Deciding by the host, not by the word `live` on the
/// command line, means `--endpoint https://api.binance.com` and a profile's `endpoint = live` are
/// treated alike.
public enum LiveEndpoint {
    /// The base URL `live` stands for.
    public static let baseURL = "https://api.binance.com"

    /// The exchange's registrable domains: any host equal to one of these or under it is live.
    public static let domains = ["binance.com", "binance.us"]

    /// Whether requests to `baseURL` reach the real exchange. A text that is not an http(s) URL
    /// with a host is not live (it cannot be sent to anyway).
    public static func isLive(baseURL: String) -> Bool {
        guard let host = host(of: baseURL) else { return false }
        return domains.contains { host == $0 || host.hasSuffix("." + $0) }
    }

    /// The lowercased host of an `http://` or `https://` URL, without userinfo, port or a
    /// trailing dot (`api.binance.com.` is the same host); nil when there is none.
    public static func host(of url: String) -> String? {
        let lowered = url.lowercased()
        let rest: Substring
        if lowered.hasPrefix("https://") {
            rest = lowered.dropFirst(8)
        } else if lowered.hasPrefix("http://") {
            rest = lowered.dropFirst(7)
        } else {
            return nil
        }
        // The authority ends at the first '/', '?' or '#'; userinfo ends at its last '@'.
        var authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        var host: Substring
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { return nil }
            host = authority[authority.startIndex...close]
        } else {
            host = authority.prefix { $0 != ":" }
        }
        while host.hasSuffix(".") { host = host.dropLast() }
        return host.isEmpty ? nil : String(host)
    }
}
