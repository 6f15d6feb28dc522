import Foundation

/// The profile file, `$XDG_CONFIG_HOME/bnc/config` (`~/.config/bnc/config` by default): where
/// requests go, which key signs them, and the client's limits.
///
/// One `name = value` per line; `#` starts a comment. Keys:
/// `endpoint` (sim, live or a base URL), `apiKey`, `apiSecret` (HMAC; the file must then be
/// readable by its owner only), `secretFile` (a file holding the HMAC secret, same rule),
/// `privateKeyFile` (Ed25519 or RSA PEM), `recvWindow` (ms), `weightLimit` (per window),
/// `weightWindow` (`60s`, `1m`, `500ms`), `connectTimeout` and `readTimeout` (seconds).
public struct ConnectionProfile: Sendable, Hashable {
    /// `sim`, `live` or a base URL, as written.
    public var endpoint: String?
    public var apiKey: String?
    /// Where the signing key comes from; nil when the profile names none.
    public var signingKey: SigningKeySource?
    public var recvWindow: Int?
    public var weightLimit: Int?
    /// The weight window in ms.
    public var weightWindow: Int64?
    public var connectTimeout: Duration?
    public var readTimeout: Duration?
    /// The file it was read from, for messages.
    public var path: String?

    /// Where the signing key is.
    public enum SigningKeySource: Sendable, Hashable {
        /// The secret itself, written in the profile.
        case secret(String)
        /// A file holding the HMAC secret.
        case secretFile(String)
        /// A PEM private key (Ed25519 or RSA).
        case privateKeyFile(String)
    }

    public init() {}

    /// The profile's path: `$XDG_CONFIG_HOME/bnc/config`, else `$HOME/.config/bnc/config`.
    public static func defaultPath(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let config = environment["XDG_CONFIG_HOME"], config.hasPrefix("/") { return config + "/bnc/config" }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home + "/.config/bnc/config"
    }

    /// Reads the profile at `path`; an absent file is an empty profile. Refuses a file that
    /// holds a secret and is readable by group or others.
    public static func load(path: String) throws(ProfileError) -> ConnectionProfile {
        guard FileManager.default.fileExists(atPath: path) else { return ConnectionProfile() }
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw .unreadable(path: path, reason: (error as NSError).localizedDescription)
        }
        var profile = try parse(text, path: path)
        profile.path = path
        if case .secret = profile.signingKey { try requirePrivate(path, holding: "apiSecret") }
        if case .secretFile(let file) = profile.signingKey { try requirePrivate(file, holding: "the HMAC secret") }
        return profile
    }

    /// Parses profile text; `path` is used in messages only.
    public static func parse(_ text: String, path: String) throws(ProfileError) -> ConnectionProfile {
        var profile = ConnectionProfile()
        var seen: Set<String> = []
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = index + 1
            let content = rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let trimmed = String(content).trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            guard let equals = trimmed.firstIndex(of: "=") else {
                throw .malformedLine(path: path, line: line, reason: "expected name = value")
            }
            let name = trimmed[..<equals].trimmingCharacters(in: .whitespaces)
            let value = trimmed[trimmed.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            guard !value.isEmpty else { throw .malformedLine(path: path, line: line, reason: "'\(name)' has no value") }
            guard seen.insert(name).inserted else {
                throw .malformedLine(path: path, line: line, reason: "'\(name)' is set twice")
            }
            func number<T: FixedWidthInteger>(_ range: ClosedRange<T>) throws(ProfileError) -> T {
                guard let number = T(value), range.contains(number) else {
                    throw .malformedLine(
                        path: path, line: line, reason: "'\(name)' must be a whole number in \(range.lowerBound)...\(range.upperBound)")
                }
                return number
            }
            switch name {
            case "endpoint": profile.endpoint = value
            case "apiKey": profile.apiKey = value
            case "apiSecret", "secretFile", "privateKeyFile":
                guard profile.signingKey == nil else {
                    throw .malformedLine(
                        path: path, line: line, reason: "only one of apiSecret, secretFile, privateKeyFile may be set")
                }
                profile.signingKey =
                    name == "apiSecret" ? .secret(value) : name == "secretFile" ? .secretFile(value) : .privateKeyFile(value)
            case "recvWindow": profile.recvWindow = try number(1...ParameterRules.maximumRecvWindow)
            case "weightLimit": profile.weightLimit = try number(1...1_000_000)
            case "weightWindow":
                guard let window = parseWindow(value) else {
                    throw .malformedLine(path: path, line: line, reason: "'weightWindow' must be like 60s, 1m or 500ms")
                }
                profile.weightWindow = window
            case "connectTimeout": profile.connectTimeout = .seconds(try number(1...600))
            case "readTimeout": profile.readTimeout = .seconds(try number(1...600))
            default:
                throw .unknownKey(path: path, line: line, key: name)
            }
        }
        if profile.signingKey != nil, profile.apiKey == nil {
            throw .malformedLine(path: path, line: 0, reason: "a signing key is set but apiKey is not")
        }
        return profile
    }

    /// `500ms`, `10s`, `1m`, `1h` → ms.
    static func parseWindow(_ text: String) -> Int64? {
        if text.hasSuffix("ms") { return Int64(text.dropLast(2)).flatMap { $0 > 0 ? $0 : nil } }
        return RateLimitState.interval(text)
    }

    /// The credentials the profile names, or nil when it names none.
    public func credentials() throws(ProfileError) -> Credentials? {
        guard let apiKey, let signingKey else { return nil }
        let source = "profile \(path ?? "")".trimmingCharacters(in: .whitespaces)
        switch signingKey {
        case .secret(let secret):
            return Credentials(apiKey: apiKey, signer: RequestSigner(hmacSecret: secret), source: source)
        case .secretFile(let file):
            guard let secret = try? String(contentsOfFile: file, encoding: .utf8) else {
                throw .unreadable(path: file, reason: "cannot read the secret file")
            }
            let trimmed = secret.trimmingCharacters(in: .whitespacesAndNewlines)
            return Credentials(apiKey: apiKey, signer: RequestSigner(hmacSecret: trimmed), source: source)
        case .privateKeyFile(let file):
            guard let pem = try? String(contentsOfFile: file, encoding: .utf8) else {
                throw .unreadable(path: file, reason: "cannot read the private key file")
            }
            do {
                return Credentials(apiKey: apiKey, signer: try RequestSigner(pem: pem), source: source)
            } catch {
                throw .unreadable(path: file, reason: error.message)
            }
        }
    }

    /// The rate-limit configuration the profile asks for.
    public var rateLimits: RateLimitState.Configuration {
        var configuration = RateLimitState.Configuration()
        if let weightLimit { configuration.sapiLimit = weightLimit }
        configuration.window = weightWindow
        return configuration
    }

    /// Throws unless `path` is readable by its owner only (no group or other permission bits).
    static func requirePrivate(_ path: String, holding what: String) throws(ProfileError) {
        var status = stat()
        guard stat(path, &status) == 0 else { throw .unreadable(path: path, reason: String(cString: strerror(errno))) }
        let mode = status.st_mode & 0o777
        if mode & 0o077 != 0 { throw .secretReadableByOthers(path: path, what: what, mode: mode) }
    }
}

/// A profile that cannot be used. Nothing is sent.
public enum ProfileError: Error, Sendable, Hashable {
    case unreadable(path: String, reason: String)
    case malformedLine(path: String, line: Int, reason: String)
    case unknownKey(path: String, line: Int, key: String)
    /// A secret in a file others can read: refused, so it is noticed before it leaks further.
    case secretReadableByOthers(path: String, what: String, mode: mode_t)

    public var message: String {
        switch self {
        case .unreadable(let path, let reason): return "cannot read \(path): \(reason)"
        case .malformedLine(let path, let line, let reason):
            return line > 0 ? "\(path):\(line): \(reason)" : "\(path): \(reason)"
        case .unknownKey(let path, let line, let key):
            return "\(path):\(line): unknown setting '\(key)'"
        case .secretReadableByOthers(let path, let what, let mode):
            return "\(path) holds \(what) but is readable by group or others (mode \(String(mode, radix: 8))): refusing to use it"
        }
    }

    public var hint: String? {
        switch self {
        case .secretReadableByOthers(let path, _, _):
            return "run: chmod 600 \(path)  (and consider the secret exposed if others could read it)"
        case .unknownKey:
            return "known settings: endpoint, apiKey, apiSecret, secretFile, privateKeyFile, recvWindow, weightLimit,"
                + " weightWindow, connectTimeout, readTimeout"
        default:
            return nil
        }
    }
}
