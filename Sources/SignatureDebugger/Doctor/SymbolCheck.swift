import BinanceAPI

/// The symbol checks: each symbol must be a margin pair (else the exchange answers -1121
/// `Invalid symbol.`), and one used on the isolated account an isolated margin pair.
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
        var isolatedPairs: Set<String>?
        if symbols.contains(where: \.isolated) {
            do throws(ClientError) {
                isolatedPairs = Set(try await client.perform(IsolatedMarginAllPairs()).response.symbols)
            } catch {
                return [Self.failed("the isolated margin pairs", error)]
            }
        }
        return symbols.map { Self.check($0, cross: cross, isolated: isolatedPairs) }
    }

    static func check(_ symbol: DoctorSymbol, cross: Set<String>, isolated: Set<String>?) -> DoctorCheck {
        let name = "symbol \(symbol.name)"
        if symbol.isolated, let isolated {
            guard isolated.contains(symbol.name) else {
                return DoctorCheck(
                    name, .problem,
                    cross.contains(symbol.name)
                        ? "a cross margin pair but not an isolated one (an isolated request gets -1121 or -11001)"
                        : "not a margin pair on this endpoint (the exchange answers -1121 Invalid symbol)",
                    fix: "check the spelling (no slash: LTCBTC), or use it on the cross account (without isolated)")
            }
            return DoctorCheck(name, .ok, "an isolated margin pair\(cross.contains(symbol.name) ? " and a cross one" : "")")
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
