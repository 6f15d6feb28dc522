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

/// The profile file, `$XDG_CONFIG_HOME/bnc/config` (`~/.config/bnc/config` by default): where
/// requests go, which key signs them, and the client's limits.
///
/// One `name = value` per line; `#` at the start of a line or after a space starts a comment. Keys:
/// `endpoint` (sim, live, testnet or a base URL), `apiKey`, `apiSecret` (HMAC; the file must then be
/// readable by its owner only), `secretFile` (a file holding the HMAC secret, same rule),
/// `privateKeyFile` (Ed25519 or RSA PEM), `recvWindow` (ms), `weightLimit`, `uidWeightLimit` and
/// `apiWeightLimit` (per window: `/sapi` per IP, `/sapi` per account, `/api`), `weightWindow`
/// (`60s`, `1m`, `500ms`), `connectTimeout` and `readTimeout` (seconds), `caFile`
/// (a PEM bundle of the CAs https trusts, replacing the system store; `--ca-file` wins over it)
/// and `proxy` (`http://[user:password@]host:port`, or `none`; wins over `HTTPS_PROXY`/`HTTP_PROXY`).
/// The display and confirmation settings (``UserSetting``: `time`, `columns`, `pager`, `hints`,
/// `confirm`, `weight`) take the names and values of the shell's `set`.
public struct ConnectionProfile: Sendable, Hashable {
    /// `sim`, `live`, `testnet` or a base URL, as written.
    public var endpoint: String?
    public var apiKey: String?
    /// Where the signing key comes from; nil when the profile names none.
    public var signingKey: SigningKeySource?
    public var recvWindow: Int?
    /// The `/sapi` IP weight per window (`X-SAPI-USED-IP-WEIGHT-1M`).
    public var weightLimit: Int?
    /// The `/sapi` UID (account) weight per window (`X-SAPI-USED-UID-WEIGHT-1M`).
    public var uidWeightLimit: Int?
    /// The `/api` weight per window (`X-MBX-USED-WEIGHT-1M`).
    public var apiWeightLimit: Int?
    /// The weight window in ms.
    public var weightWindow: Int64?
    public var connectTimeout: Duration?
    public var readTimeout: Duration?
    /// A PEM CA bundle that replaces the system store for https.
    public var caFile: String?
    /// An HTTP proxy URL (credentials allowed), or `none`; as written.
    public var proxy: String?
    /// The file it was read from, for messages.
    public var path: String?
    /// How bnc looks and asks (``UserSetting``: `time = utc`, `confirm = off`, …), by name; values checked.
    public var settings: [String: String] = [:]

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
    public static func defaultPath(_ environment: [String: String]) -> String? {
        defaultPath(lookup: { environment[$0] })
    }

    /// The same from this process's environment (`XDG_CONFIG_HOME` and `HOME` looked up alone).
    public static func defaultPath() -> String? {
        defaultPath(lookup: ProcessEnvironment.value(of:))
    }

    /// The same, with each variable's value from `lookup` (nil when it is not set).
    public static func defaultPath(lookup: (String) -> String?) -> String? {
        if let config = lookup("XDG_CONFIG_HOME"), config.hasPrefix("/") { return config + "/bnc/config" }
        guard let home = lookup("HOME"), !home.isEmpty else { return nil }
        return home + "/.config/bnc/config"
    }

    /// Whether anything is at `path`, following symbolic links: what
    /// `FileManager.default.fileExists(atPath:)` answers (the same on 19 kinds of path: empty,
    /// trailing slashes, dangling and directory links, `..`, `~`, too long), without making
    /// `FileManager.default`, whose first use was 1.4% of a dry run's start (docs/performance.md,
    /// "Fifth pass: cold start"). A path holding NUL, which no environment variable can, is absent.
    static func exists(_ path: String) -> Bool {
        guard !path.isEmpty, !path.utf8.contains(0) else { return false }
        var status = stat()
        return stat(path, &status) == 0
    }

    /// Reads the profile at `path`; an absent file is an empty profile.
    ///
    /// A profile that holds a secret or names the file of one must be its owner's alone (no
    /// permission bit for group or others), and so must the file it names: others who can read
    /// the profile learn the API key and where its key is, others who can write it choose the
    /// endpoint signed requests go to. Both are refused before anything is sent.
    public static func load(path: String) throws(ProfileError) -> ConnectionProfile {
        guard Self.exists(path) else { return ConnectionProfile() }
        let file: (bytes: [UInt8], mode: mode_t)
        do {
            file = try OwnerOnlyFile.read(path, requirePrivate: false)
        } catch {
            throw ProfileError(path: path, failure: error, holding: "the profile")
        }
        guard let text = String(validating: file.bytes, as: UTF8.self) else {
            throw .unreadable(path: path, reason: "it is not UTF-8 text")
        }
        var profile = try parse(text, path: path)
        profile.path = path
        // Kept out of the history and the session log even when the environment's key is the
        // one used (the profile's secret may still be typed or pasted).
        if case .secret(let secret) = profile.signingKey { SecretText.remember([secret] + [profile.apiKey].compactMap { $0 }) }
        let openToOthers = file.mode & 0o077 != 0
        // A proxy password is a secret too: the same rule as apiSecret, and kept out of history.
        if let proxy = profile.proxy, let proxyURL = try? HTTPProxy(url: proxy, origin: "proxy"), proxyURL.hasCredentials {
            if openToOthers { throw .secretReadableByOthers(path: path, what: "proxy credentials", mode: file.mode) }
        }
        switch profile.signingKey {
        case nil:
            break
        case .secret:
            if openToOthers { throw .secretReadableByOthers(path: path, what: "apiSecret", mode: file.mode) }
        case .secretFile(let target):
            if openToOthers { throw .secretReadableByOthers(path: path, what: "apiKey and secretFile", mode: file.mode) }
            try requirePrivate(target, holding: "the HMAC secret")
        case .privateKeyFile(let target):
            if openToOthers { throw .secretReadableByOthers(path: path, what: "apiKey and privateKeyFile", mode: file.mode) }
            try requirePrivate(target, holding: "a private key")
        }
        return profile
    }

    /// `line` without its comment: `#` starts one at the start of the line or after a space or
    /// tab, so a value such as a proxy password may hold `#` (`http://alice:p#ss@proxy:3128`).
    static func withoutComment(_ line: Substring) -> Substring {
        var previous: Character?
        for index in line.indices {
            let character = line[index]
            if character == "#", previous == nil || previous == " " || previous == "\t" { return line[..<index] }
            previous = character
        }
        return line
    }

    /// `value` without one pair of matching quotes around it (`endpoint = "live"`, as TOML and
    /// shell files write values): the quotes were taken as part of the value, and `"live"` was
    /// no endpoint. A quote on one side only stays.
    static func unquoted(_ value: String) -> String {
        guard value.count >= 2, let first = value.first, first == "\"" || first == "'", value.last == first else {
            return value
        }
        return String(value.dropFirst().dropLast())
    }

    /// Parses profile text; `path` is used in messages only.
    public static func parse(_ text: String, path: String) throws(ProfileError) -> ConnectionProfile {
        var profile = ConnectionProfile()
        var seen: Set<String> = []
        for (index, rawLine) in lines(of: text).enumerated() {
            let line = index + 1
            let content = Self.withoutComment(rawLine)
            let trimmed = String(content).trimmingWhitespace()
            if trimmed.isEmpty { continue }
            guard let equals = trimmed.firstIndex(of: "=") else {
                throw .malformedLine(path: path, line: line, reason: "expected name = value")
            }
            let name = trimmed[..<equals].trimmingWhitespace()
            // A name that is not a word is never echoed: it may be a secret written by mistake
            // (`apiSecret abc… = x`), and no message about a line may show one.
            guard isSettingName(name) else {
                throw .malformedLine(path: path, line: line, reason: "expected name = value, the name a word such as apiKey")
            }
            let value = Self.unquoted(trimmed[trimmed.index(after: equals)...].trimmingWhitespace())
            guard !value.isEmpty else { throw .malformedLine(path: path, line: line, reason: "'\(name)' has no value") }
            guard seen.insert(name).inserted else {
                throw .malformedLine(path: path, line: line, reason: "'\(name)' is set twice")
            }
            func number<T: FixedWidthInteger>(_ range: ClosedRange<T>) throws(ProfileError) -> T {
                guard let number = T(value), range.contains(number) else {
                    throw .malformedLine(
                        path: path, line: line,
                        reason: "'\(name)' must be a whole number in \(range.lowerBound)...\(range.upperBound)")
                }
                return number
            }
            switch name {
            case "endpoint": profile.endpoint = try endpoint(value, path: path, line: line)
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
            case "uidWeightLimit": profile.uidWeightLimit = try number(1...10_000_000)
            case "apiWeightLimit": profile.apiWeightLimit = try number(1...1_000_000)
            case "weightWindow":
                guard let window = parseWindow(value) else {
                    throw .malformedLine(path: path, line: line, reason: "'weightWindow' must be like 60s, 1m or 500ms")
                }
                profile.weightWindow = window
            case "connectTimeout": profile.connectTimeout = .seconds(try number(1...600))
            case "readTimeout": profile.readTimeout = .seconds(try number(1...600))
            case "caFile": profile.caFile = value
            case "proxy": profile.proxy = value
            case _ where UserSetting.named(name) != nil:
                if let problem = UserSetting.named(name)?.problem(with: value) {
                    throw .malformedLine(path: path, line: line, reason: problem)
                }
                profile.settings[name] = value
            default:
                throw .unknownKey(path: path, line: line, key: name)
            }
        }
        if profile.signingKey != nil, profile.apiKey == nil {
            throw .malformedLine(path: path, line: 0, reason: "a signing key is set but apiKey is not")
        }
        return profile
    }

    /// The lines of a profile: split at `\n`, `\r\n` and a lone `\r` (a file saved on Windows
    /// or old macOS is read line by line, not as one line whose value holds the rest of the
    /// file), after a leading UTF-8 byte order mark.
    static func lines(of text: String) -> [Substring] {
        var body = Substring(text)
        if body.unicodeScalars.first == "\u{FEFF}" { body = Substring(body.unicodeScalars.dropFirst()) }
        // "\r\n" is one Character in Swift: compare whole characters, not bytes.
        return body.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
    }

    /// A setting's name: ASCII letters, digits, `_` and `-`, starting with a letter.
    static func isSettingName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, ("a"..."z").contains(first) || ("A"..."Z").contains(first)
        else { return false }
        return name.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "-"
        }
    }

    /// `sim`, `live`, or an `http://` or `https://` base URL without spaces; the value is not
    /// echoed in the error (whatever follows `endpoint =` on the line stays out of messages).
    static func endpoint(_ value: String, path: String, line: Int) throws(ProfileError) -> String {
        let isURL = (value.hasPrefix("http://") || value.hasPrefix("https://")) && value.count > 8
        guard value == "sim" || value == "live" || value == "testnet" || (isURL && !value.contains(where: \.isWhitespace))
        else {
            throw .malformedLine(
                path: path, line: line, reason: "'endpoint' must be sim, live, testnet, or an http(s):// base URL")
        }
        return value
    }

    /// `500ms`, `10s`, `1m`, `1h` → ms.
    static func parseWindow(_ text: String) -> Int64? {
        if text.hasSuffix("ms") { return Int64(text.dropLast(2)).flatMap { $0 > 0 ? $0 : nil } }
        return RateLimitState.interval(text)
    }

    /// The credentials the profile names, or nil when it names none.
    public func credentials() throws(ProfileError) -> Credentials? {
        guard let apiKey, let signingKey else { return nil }
        let source = "profile \(path ?? "")".trimmingWhitespace()
        switch signingKey {
        case .secret(let secret):
            // Every key read is remembered: the history and the session log keep it out.
            SecretText.remember([apiKey, secret])
            return Credentials(apiKey: apiKey, signer: RequestSigner(hmacSecret: secret), source: source)
        case .secretFile(let file):
            let secret = try Self.readKeyFile(file, holding: "the HMAC secret")
            let trimmed = secret.trimmingWhitespaceAndNewlines()
            SecretText.remember([apiKey, trimmed])
            return Credentials(apiKey: apiKey, signer: RequestSigner(hmacSecret: trimmed), source: source)
        case .privateKeyFile(let file):
            let pem = try Self.readKeyFile(file, holding: "a private key")
            SecretText.remember([apiKey, pem])
            do {
                return Credentials(apiKey: apiKey, signer: try RequestSigner(pem: pem), source: source)
            } catch {
                throw .unreadable(path: file, reason: error.message)
            }
        }
    }

    /// The text of a secret or key file, read through one descriptor that is checked to be its
    /// owner's alone (checked again here: the file may have changed since the profile was loaded).
    static func readKeyFile(_ path: String, holding what: String) throws(ProfileError) -> String {
        let bytes: [UInt8]
        do {
            bytes = try OwnerOnlyFile.read(path, requirePrivate: true).bytes
        } catch {
            throw ProfileError(path: path, failure: error, holding: what)
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw .unreadable(path: path, reason: "it is not UTF-8 text")
        }
        return text
    }

    /// The rate-limit configuration the profile asks for.
    public var rateLimits: RateLimitState.Configuration {
        var configuration = RateLimitState.Configuration()
        if let weightLimit { configuration.sapiLimit = weightLimit }
        if let uidWeightLimit { configuration.sapiUIDLimit = uidWeightLimit }
        if let apiWeightLimit { configuration.apiLimit = apiWeightLimit }
        configuration.window = weightWindow
        return configuration
    }

    /// Throws unless `path` is its owner's alone (no group or other permission bits).
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
            // Names are words (checked when parsed); a long one may still be a pasted secret.
            return key.count <= 24 ? "\(path):\(line): unknown setting '\(key)'" : "\(path):\(line): unknown setting"
        case .secretReadableByOthers(let path, let what, let mode):
            return "\(path) holds \(what) but group or others have access to it (mode \(String(mode, radix: 8))): "
                + "refusing to use it"
        }
    }

    /// The error for a file ``OwnerOnlyFile`` would not read.
    init(path: String, failure: OwnerOnlyFile.Failure, holding what: String) {
        switch failure {
        case .unreadable(let reason): self = .unreadable(path: path, reason: reason)
        case .notRegular: self = .unreadable(path: path, reason: "it is not a regular file")
        case .tooLarge(let limit): self = .unreadable(path: path, reason: "it is larger than \(limit / 1024) KiB")
        case .openToOthers(let mode): self = .secretReadableByOthers(path: path, what: what, mode: mode)
        }
    }

    public var hint: String? {
        switch self {
        case .secretReadableByOthers(let path, _, _):
            return "run: chmod 600 \(path)  (and consider the secret exposed if others could read it)"
        case .unknownKey:
            return "known settings: endpoint, apiKey, apiSecret, secretFile, privateKeyFile, recvWindow, weightLimit,"
                + " uidWeightLimit, apiWeightLimit, weightWindow, connectTimeout, readTimeout, caFile, proxy; "
                + UserSetting.all.map(\.name).joined(separator: ", ")
        default:
            return nil
        }
    }
}
