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

    /// The base URL `testnet` stands for: the exchange's spot testnet (test funds, its own keys,
    /// no `/sapi`: no margin endpoint exists there).
    public static let spotTestnetURL = "https://testnet.binance.vision"

    /// Whether `baseURL` is the spot testnet, whatever the scheme, port or path.
    public static func isSpotTestnet(baseURL: String) -> Bool {
        host(of: baseURL) == "testnet.binance.vision"
    }

    /// The exchange's registrable domains: any host equal to one of these or under it is live.
    public static let domains = ["binance.com", "binance.us"]

    /// Whether requests to `baseURL` reach the real exchange. A text that is not an http(s) URL
    /// with a host is not live (it cannot be sent to anyway).
    public static func isLive(baseURL: String) -> Bool {
        guard let host = host(of: baseURL) else { return false }
        return domains.contains { host == $0 || host.hasSuffix("." + $0) }
    }

    /// Why `url` cannot be the base URL requests go to, or nil when it can.
    ///
    /// The host must be written plainly — ASCII letters, digits, `-` and `.`, or a bracketed IPv6
    /// address — so that the host ``isLive(baseURL:)`` reads is byte for byte the host the transport
    /// connects to: a URL parser decodes `api%2Ebinance%2Ecom` and maps `api。binance.com` to
    /// `api.binance.com`, which would reach the exchange without being seen as live. Credentials
    /// (`user:password@`) have no place in it: the URL is shown in prompts and recorded in logs.
    public static func problem(with url: String) -> String? {
        let lowered = url.lowercased()
        guard lowered.hasPrefix("https://") || lowered.hasPrefix("http://") else {
            return "an endpoint URL starts with http:// or https://"
        }
        let rest = lowered.dropFirst(lowered.hasPrefix("https://") ? 8 : 7)
        let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        if authority.contains("@") {
            return "an endpoint URL cannot hold credentials (user:password@); the API key goes in the profile or BINANCE_API_KEY"
        }
        let hostText: Substring
        let portText: Substring?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else {
                return "the IPv6 address in the endpoint URL has no closing ']'"
            }
            hostText = authority[authority.index(after: authority.startIndex)..<close]
            let after = authority[authority.index(after: close)...]
            guard after.isEmpty || after.hasPrefix(":") else { return "the endpoint URL has text after its IPv6 address" }
            portText = after.isEmpty ? nil : after.dropFirst()
            guard !hostText.isEmpty, hostText.allSatisfy({ $0.isHexDigit || $0 == ":" || $0 == "." }) else {
                return "the endpoint URL's IPv6 address is not valid"
            }
        } else {
            let parts = authority.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            hostText = parts.first ?? ""
            portText = parts.count > 1 ? parts[1] : nil
            guard !hostText.isEmpty else { return "the endpoint URL has no host" }
            let plain = hostText.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "."
            }
            guard plain else {
                return "the endpoint URL's host must be written plainly (ASCII letters, digits, '-' and '.'; no percent escapes)"
            }
        }
        if let portText {
            guard let port = Int(portText), (1...65_535).contains(port), portText.allSatisfy(\.isASCII) else {
                return "the endpoint URL's port must be a number from 1 to 65535"
            }
        }
        return nil
    }

    /// `url` as it may be shown: credentials replaced by `***` and control characters escaped.
    public static func redacted(_ url: String) -> String {
        var shown = url
        if let scheme = shown.firstRange(of: "://") {
            let rest = shown[scheme.upperBound...]
            let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" || $0 == "#" } ?? rest.endIndex
            if let at = rest[..<authorityEnd].lastIndex(of: "@") {
                shown.replaceSubrange(scheme.upperBound...at, with: "***@")
            }
        }
        return TerminalText.escaped(shown)
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
