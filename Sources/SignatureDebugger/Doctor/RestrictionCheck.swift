import BinanceAPI

/// The key's permissions, from `GET /sapi/v1/account/apiRestrictions`: what separates -2015's
/// causes. An answer at all means the key is known here and this IP may use it; then margin and
/// spot & margin trading must be enabled for bnc's margin commands, and the IP restriction is
/// reported (the exchange does not list the whitelisted IPs).
struct RestrictionCheck: Sendable {
    let client: ExchangeClient

    /// Two lines, `permissions` and `ip restriction`; one problem line when the query failed.
    /// The second value is false when the margin reads that follow would answer -2015.
    func checks() async -> (checks: [DoctorCheck], keyUsable: Bool) {
        let permissions: APIKeyPermissions
        do throws(ClientError) {
            permissions = try await client.perform(APIRestrictions()).response
        } catch {
            return ([Self.failed(error)], !Self.isRejectedKey(error))
        }
        // Without reading or margin the margin reads below would only repeat -2015.
        return (
            [Self.permissions(permissions), Self.ipRestriction(permissions)],
            permissions.enableReading && permissions.enableMargin
        )
    }

    static func permissions(_ permissions: APIKeyPermissions) -> DoctorCheck {
        var missing: [(String, String)] = []
        if !permissions.enableReading {
            missing.append(("reading", "every signed read (open, order, orders) answers -2015"))
        }
        if !permissions.enableSpotAndMarginTrading {
            missing.append(("spot & margin trading", "every cancel answers -2015"))
        }
        if !permissions.enableMargin {
            missing.append(("margin", "the margin endpoints answer -2015"))
        }
        guard !missing.isEmpty else {
            return DoctorCheck("permissions", .ok, "reading, spot & margin trading and margin enabled")
        }
        let names = missing.map(\.0)
        return DoctorCheck(
            "permissions", .problem,
            "\(names.joined(separator: ", ")) not enabled for this key: " + missing.map(\.1).joined(separator: "; "),
            fix: "enable \(names.joined(separator: " and ")) for the key on the exchange's API management page")
    }

    static func ipRestriction(_ permissions: APIKeyPermissions) -> DoctorCheck {
        permissions.ipRestrict
            ? DoctorCheck(
                "ip restriction", .ok,
                "on: this IP is on the key's whitelist (the exchange does not list it); any other answers -2015")
            : DoctorCheck("ip restriction", .ok, "off: any IP may use this key")
    }

    static func failed(_ error: ClientError) -> DoctorCheck {
        if isRejectedKey(error) {
            return DoctorCheck(
                "permissions", .problem,
                "GET /sapi/v1/account/apiRestrictions answered -2015: the key is unknown to this endpoint, or this"
                    + " machine's IP is not on its whitelist (any key that is known and allowed gets an answer)",
                fix: "check that the key was made for this host and is not deleted; if it is IP-restricted, add this"
                    + " machine's public IP to its whitelist (bnc explain -2015)")
        }
        var fix = "see bnc explain for the code"
        if case .exchange(let exchangeError, _) = error { fix = "bnc explain \(exchangeError.code) tells its causes apart" }
        return DoctorCheck("permissions", .problem, "could not read the key's permissions: \(error.message)", fix: fix)
    }

    static func isRejectedKey(_ error: ClientError) -> Bool {
        if case .exchange(let exchangeError, _) = error { return exchangeError.code == -2015 }
        return false
    }
}
