import BinanceAPI

/// The symbol checks: each symbol must be a margin pair (else the exchange answers -1121
/// `Invalid symbol.`), and one used on the isolated account must have an isolated margin account
/// (else an isolated order or cancel gets -11001 or -2011): asked of
/// `GET /sapi/v1/margin/isolated/account`, 5 symbols per request, rather than inferred from the
/// isolated pair list (a pair can be isolated-tradable without this account having opened it).
struct SymbolCheck: Sendable {
    let client: ExchangeClient

    /// One check per symbol, named `symbol LTCBTC`; one problem line when a list could not be read.
    func checks(_ symbols: [DoctorSymbol]) async -> [DoctorCheck] {
        let cross: Set<String>
        do throws(ClientError) {
            cross = Set(try await client.perform(MarginAllPairs()).response.symbols)
        } catch {
            return [Self.failed("the cross margin pairs", error)]
        }
        var accounts: [String: IsolatedMarginAccounts.Account] = [:]
        let isolated = symbols.filter(\.isolated).map(\.name)
        var start = 0
        while start < isolated.count {
            let batch = Array(isolated[start..<min(start + IsolatedMarginAccount.maximumSymbols, isolated.count)])
            start += batch.count
            do throws(ClientError) {
                for account in try await accountsOf(batch) { accounts[account.symbol] = account }
            } catch {
                return [Self.failed("the isolated margin accounts", error)]
            }
        }
        return symbols.map { Self.check($0, cross: cross, accounts: accounts) }
    }

    /// The isolated accounts of `batch`. A symbol that does not exist makes the whole request
    /// -1121, so then each is asked alone and one answering -1121 simply has no account.
    func accountsOf(_ batch: [String]) async throws(ClientError) -> [IsolatedMarginAccounts.Account] {
        do throws(ClientError) {
            return try await client.perform(IsolatedMarginAccount(symbols: batch)).response.accounts
        } catch {
            guard case .exchange(let exchangeError, _) = error, exchangeError.code == -1121 else { throw error }
            guard batch.count > 1 else { return [] }
            var found: [IsolatedMarginAccounts.Account] = []
            for symbol in batch { found += try await accountsOf([symbol]) }
            return found
        }
    }

    static func check(
        _ symbol: DoctorSymbol, cross: Set<String>, accounts: [String: IsolatedMarginAccounts.Account]
    ) -> DoctorCheck {
        let name = "symbol \(symbol.name)"
        if symbol.isolated {
            guard let account = accounts[symbol.name], account.isolatedCreated != false else {
                return DoctorCheck(
                    name, .problem,
                    cross.contains(symbol.name)
                        ? "a cross margin pair, but this account has no isolated margin account for it (isolated requests get -11001 or -2011)"
                        : "no isolated margin account for it, and not a cross margin pair (the exchange answers -1121 or -11001)",
                    fix:
                        "open the isolated account (transfer into Isolated Margin for \(symbol.name) on the exchange), check the spelling (no slash: LTCBTC), or use it without isolated"
                )
            }
            if account.enabled == false {
                return DoctorCheck(
                    name, .problem, "the isolated margin account is disabled",
                    fix: "enable it again (POST /sapi/v1/margin/isolated/account symbol=\(symbol.name))")
            }
            return DoctorCheck(
                name, .ok, "an isolated margin account exists\(cross.contains(symbol.name) ? "; a cross margin pair too" : "")")
        }
        guard cross.contains(symbol.name) else {
            return DoctorCheck(
                name, .problem, "not a cross margin pair on this endpoint (the exchange answers -1121 Invalid symbol)",
                fix: "check the spelling (no slash: LTCBTC); an isolated-only pair needs isolated")
        }
        return DoctorCheck(name, .ok, "a cross margin pair")
    }

    static func failed(_ what: String, _ error: ClientError) -> DoctorCheck {
        var fix = "see bnc explain for the code"
        if case .exchange(let exchangeError, _) = error { fix = "bnc explain \(exchangeError.code) tells its causes apart" }
        return DoctorCheck("symbols", .problem, "could not read \(what): \(error.message)", fix: fix)
    }
}
