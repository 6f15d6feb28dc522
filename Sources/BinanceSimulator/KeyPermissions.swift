import BinanceAPI

/// What the simulator's API keys may do, as `GET /sapi/v1/account/apiRestrictions` reports it
/// and as every signed request is judged (`bnc sim --key-permissions LIST`; applied to every key).
///
/// The exchange answers a request its key may not make with -2015 "Invalid API-key, IP, or
/// permissions for action.", the same answer as for an unknown key, so a client cannot tell the
/// causes apart from the error: apiRestrictions does.
public struct KeyPermissions: Sendable, Hashable {
    /// `enableReading`: signed reads (GET) are allowed.
    public var reading = true
    /// `enableSpotAndMarginTrading`: orders and cancels (signed writes) are allowed.
    public var spotAndMarginTrading = true
    /// `enableMargin`: the margin endpoints (`/sapi/v1/margin/…`) are allowed.
    public var margin = true
    /// `ipRestrict`: the key may be used only from whitelisted IPs.
    public var ipRestricted = false
    /// Whether the caller's IP is on the key's whitelist (meaningful only when ``ipRestricted``).
    public var callerWhitelisted = true

    public init() {}

    /// The words of `--key-permissions`, each with what it changes.
    public static let words: [(word: String, meaning: String)] = [
        ("no-reading", "enableReading false: signed reads other than apiRestrictions answer -2015"),
        ("no-trading", "enableSpotAndMarginTrading false: orders and cancels answer -2015"),
        ("no-margin", "enableMargin false: every signed /sapi/v1/margin/ request answers -2015"),
        ("ip-restricted", "ipRestrict true, the caller whitelisted: everything works, apiRestrictions says so"),
        ("not-whitelisted", "ipRestrict true, the caller not whitelisted: every signed request answers -2015")
    ]

    /// Reads a comma-separated list of ``words`` (`no-margin,ip-restricted`); an empty list
    /// grants everything.
    public init(list: String) throws(KeyPermissionsError) {
        for part in list.split(separator: ",", omittingEmptySubsequences: false) {
            let word = part.trimmingCharacters(in: " ")
            switch word {
            case "no-reading": reading = false
            case "no-trading": spotAndMarginTrading = false
            case "no-margin": margin = false
            case "ip-restricted": ipRestricted = true
            case "not-whitelisted":
                ipRestricted = true
                callerWhitelisted = false
            case "" where list.isEmpty: continue
            default: throw KeyPermissionsError(word: word)
            }
        }
    }

    /// Whether the caller's IP may not use the key at all: judged with the key itself, before
    /// its timestamp and signature, so every signed request answers -2015.
    var refusesCaller: Bool { ipRestricted && !callerWhitelisted }

    /// Whether a signed, verified request to `route` answers -2015 with these permissions. The
    /// key's own permission query is always allowed (it is how a client tells the causes apart).
    func forbids(_ route: SimulatorRoute) -> Bool {
        if route.path == "/sapi/v1/account/apiRestrictions" { return false }
        if !margin && route.path.hasPrefix("/sapi/v1/margin/") { return true }
        return route.changesState ? !spotAndMarginTrading : !reading
    }

    /// Throws the exchange's -2015 when ``forbids(_:)`` says so.
    func check(_ route: SimulatorRoute) throws(ExchangeReject) {
        if forbids(route) { throw .rejectedKey }
    }

    /// The words in force, `all granted` when none.
    public var summary: String {
        var words: [String] = []
        if !reading { words.append("no-reading") }
        if !spotAndMarginTrading { words.append("no-trading") }
        if !margin { words.append("no-margin") }
        if ipRestricted { words.append(callerWhitelisted ? "ip-restricted" : "not-whitelisted") }
        return words.isEmpty ? "all granted" : words.joined(separator: ",")
    }
}

/// A `--key-permissions` word the simulator does not know.
public struct KeyPermissionsError: Error, Sendable, Hashable {
    public var word: String

    public var message: String {
        let known = KeyPermissions.words.map(\.word).joined(separator: ", ")
        return "--key-permissions: unknown word '\(TerminalText.escaped(String(word.prefix(40))))' (known: \(known))"
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in set: Character) -> String {
        String(drop { $0 == set }.reversed().drop { $0 == set }.reversed())
    }
}
