#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An HTTP proxy that requests go through: bnc opens a `CONNECT host:port` tunnel through it
/// (for https and for http endpoints alike), then speaks TLS or plain HTTP to the exchange
/// inside the tunnel, so the proxy never sees a signed query in clear over https.
///
/// Written as `http://[user:password@]host[:port]` (the port defaults to 1080, as in curl; a
/// missing scheme means `http://`). Credentials go in `Proxy-Authorization: Basic` on the
/// CONNECT request only. ``description`` and ``display`` show host and port, never credentials.
public struct HTTPProxy: Sendable, Hashable, CustomStringConvertible {
    /// The proxy's host (an IPv6 address without brackets).
    public var host: String
    public var port: Int
    /// The `Proxy-Authorization` value (`Basic …`), when the URL held credentials.
    var authorization: String?
    /// Where the setting came from, for messages: `profile proxy`, `HTTPS_PROXY`, ….
    public var origin: String

    /// `host:port` (IPv6 in brackets): what messages, dry runs and the session log show.
    public var display: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }

    public var description: String { display }

    /// Whether the proxy asks for credentials (never which).
    public var hasCredentials: Bool { authorization != nil }

    /// Reads a proxy URL; `origin` names the setting in the error.
    public init(url text: String, origin: String) throws(HTTPProxyError) {
        self.origin = origin
        var rest = Substring(text.trimmingWhitespace())
        if let schemeEnd = rest.firstRange(of: "://") {
            let scheme = rest[..<schemeEnd.lowerBound].lowercased()
            guard scheme == "http" else {
                throw HTTPProxyError(
                    origin: origin,
                    reason:
                        "only http:// proxies are supported (a CONNECT tunnel; TLS to the exchange runs inside it), not \(scheme)://"
                )
            }
            rest = rest[schemeEnd.upperBound...]
        }
        // Userinfo ends at the last '@' — a password may hold '/' or '#' unencoded, and taking
        // the authority to end at the first '/' would read "alice:p/ss@proxy" as host "alice".
        var userInfo: Substring?
        if let at = rest.lastIndex(of: "@") {
            userInfo = rest[..<at]
            rest = rest[rest.index(after: at)...]
        }
        // Drop a path such as the trailing "/" of "http://proxy:3128/".
        if let slash = rest.firstIndex(of: "/") { rest = rest[..<slash] }
        if let userInfo {
            let parts = userInfo.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            guard let user = FoundationText.removingPercentEncoding(parts[0]),
                let password = FoundationText.removingPercentEncoding(parts.count > 1 ? parts[1] : "")
            else {
                throw HTTPProxyError(origin: origin, reason: "the user name or password is not valid percent-encoding")
            }
            self.authorization = "Basic " + Data("\(user):\(password)".utf8).base64EncodedString()
            // Kept out of the history and the session log, like the API secret.
            if !password.isEmpty { SecretText.remember([password, String(userInfo)]) }
        }
        var host: Substring
        var portText: Substring?
        if rest.hasPrefix("[") {
            guard let close = rest.firstIndex(of: "]") else {
                throw HTTPProxyError(origin: origin, reason: "an IPv6 address lacks its ']'")
            }
            host = rest[rest.index(after: rest.startIndex)..<close]
            let after = rest[rest.index(after: close)...]
            if after.hasPrefix(":") {
                portText = after.dropFirst()
            } else if !after.isEmpty {
                throw HTTPProxyError(origin: origin, reason: "unexpected text after the IPv6 address")
            }
        } else if let colon = rest.lastIndex(of: ":") {
            host = rest[..<colon]
            portText = rest[rest.index(after: colon)...]
        } else {
            host = rest
        }
        guard !host.isEmpty, host.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "@") }) else {
            throw HTTPProxyError(origin: origin, reason: "no host (expected http://host:port)")
        }
        self.host = String(host)
        if let portText {
            guard let port = Int(portText), (1...65_535).contains(port) else {
                throw HTTPProxyError(origin: origin, reason: "the port must be a number from 1 to 65535")
            }
            self.port = port
        } else {
            self.port = 1080
        }
    }

    /// The proxy for an endpoint at `host` (`https` or not), as curl chooses it: the profile's
    /// `proxy` first, else `HTTPS_PROXY`/`https_proxy` for https and `HTTP_PROXY`/`http_proxy`
    /// for http (lowercase first, as curl reads them); nil when none is set, when the profile
    /// says `none`, or when `NO_PROXY`/`no_proxy` covers the host.
    public static func resolve(
        host: String, https: Bool, profileProxy: String?, environment: [String: String]
    ) throws(HTTPProxyError) -> HTTPProxy? {
        let noProxy = environment["no_proxy"] ?? environment["NO_PROXY"]
        if let noProxy, bypasses(host: host, noProxy: noProxy) { return nil }
        if let profileProxy {
            if profileProxy == "none" { return nil }
            return try HTTPProxy(url: profileProxy, origin: "profile proxy")
        }
        let names = https ? ["https_proxy", "HTTPS_PROXY"] : ["http_proxy", "HTTP_PROXY"]
        for name in names {
            if let value = environment[name], !value.trimmingWhitespace().isEmpty {
                return try HTTPProxy(url: value, origin: name)
            }
        }
        return nil
    }

    /// curl's `NO_PROXY` rule: entries separated by commas (spaces around them ignored); `*`
    /// as the whole value matches every host (as an entry among others it is just a name).
    /// A host name matches an entry equal to it or a parent domain (`example.com` and
    /// `.example.com` both match `api.example.com`); case does not matter. An IP address host
    /// (`10.0.0.1`, `::1`) is compared as an address, never by suffix: an entry is an equal
    /// address or a CIDR range (`10.0.0.0/8`, `::1/128`). Loopback hosts are not special:
    /// `localhost` goes through the proxy unless listed.
    public static func bypasses(host: String, noProxy: String) -> Bool {
        if noProxy.trimmingWhitespace() == "*" { return true }
        let host = normalized(host)
        let address = IPAddressBytes(host)
        for rawEntry in noProxy.split(separator: ",") {
            var entry = normalized(String(rawEntry).trimmingWhitespace())
            if let address {
                if address.matches(entry) { return true }
                continue
            }
            if entry.hasPrefix(".") { entry.removeFirst() }
            if entry.isEmpty { continue }
            if host == entry || host.hasSuffix("." + entry) { return true }
        }
        return false
    }

    /// Lowercased, without IPv6 brackets or a trailing dot.
    private static func normalized(_ host: String) -> String {
        var text = host.lowercased()
        if text.hasPrefix("["), text.hasSuffix("]") { text = String(text.dropFirst().dropLast()) }
        if text.hasSuffix("."), text.count > 1 { text.removeLast() }
        return text
    }
}

/// An IPv4 or IPv6 address as bytes, for `NO_PROXY`'s address entries.
struct IPAddressBytes: Equatable {
    var bytes: [UInt8]

    /// nil when `text` is not an IPv4 or IPv6 address (brackets removed beforehand).
    init?(_ text: String) {
        var v4 = in_addr()
        if inet_pton(AF_INET, text, &v4) == 1 {
            bytes = withUnsafeBytes(of: &v4) { Array($0) }
            return
        }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, text, &v6) == 1 {
            bytes = withUnsafeBytes(of: &v6) { Array($0) }
            return
        }
        return nil
    }

    /// `entry` is this address, or a CIDR range holding it (`10.0.0.0/8`; as curl, `/0` is the
    /// exact address); an entry of the other family, a name or a bad prefix length does not match.
    func matches(_ entry: String) -> Bool {
        var network = entry
        var bits = bytes.count * 8
        if let slash = entry.firstIndex(of: "/") {
            let digits = entry[entry.index(after: slash)...]
            guard !digits.isEmpty, digits.count <= 3, digits.utf8.allSatisfy({ (48...57).contains($0) }),
                let value = Int(digits), value <= bytes.count * 8
            else { return false }
            if value > 0 { bits = value }
            network = String(entry[..<slash])
            if network.hasPrefix("["), network.hasSuffix("]") { network = String(network.dropFirst().dropLast()) }
        }
        guard let other = IPAddressBytes(network), other.bytes.count == bytes.count else { return false }
        for index in 0..<bytes.count {
            let remaining = bits - index * 8
            if remaining <= 0 { break }
            let mask: UInt8 = remaining >= 8 ? 0xFF : ~(0xFF >> UInt8(remaining))
            if bytes[index] & mask != other.bytes[index] & mask { return false }
        }
        return true
    }
}

/// A proxy setting that cannot be used; nothing was sent.
public struct HTTPProxyError: Error, Sendable, Hashable {
    /// The setting: `profile proxy`, `HTTPS_PROXY`, ….
    public var origin: String
    public var reason: String

    public var message: String { "\(origin): \(reason)" }
}
