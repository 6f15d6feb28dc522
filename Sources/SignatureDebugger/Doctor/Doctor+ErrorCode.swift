import BinanceAPI

/// `bnc explain CODE --endpoint …`: of the doctor's checks, those that tell the code's causes
/// apart, run against the endpoint.
extension Doctor {
    /// What separates the causes of an error code.
    package enum CodeCheck: String, Sendable, Hashable {
        /// -1021: the clock's offset and round trip against recvWindow.
        case clock
        /// -2015, -2014, -1022: the key's shape (type, source, a secret that is the key, a PEM
        /// of the wrong kind) and its permissions from apiRestrictions (an answer at all means
        /// known here and this IP allowed; margin and trading enabled).
        case key
        /// -11001: whether each `--symbol` has an isolated margin account.
        case isolatedAccount = "isolated account"
    }

    /// The check that separates `code`'s causes, or nil when no request can tell them apart
    /// (the catalog's text is all there is).
    package static func codeCheck(for code: Int) -> CodeCheck? {
        switch code {
        case -1021: return .clock
        case -2015, -2014, -1022: return .key
        case -11001: return .isolatedAccount
        default: return nil
        }
    }

    /// Runs the checks that separate `code`'s causes, each line as `bnc doctor` prints it; nil
    /// when none does. Reads only. The endpoint line comes first: when it is not reachable,
    /// nothing that signs is sent.
    package func explain(code: Int) async -> DoctorReport? {
        guard let check = Self.codeCheck(for: code) else { return nil }
        let time = await sampleClock()
        let endpointAndClock = Self.endpointAndClock(time, endpoint: endpoint, recvWindow: recvWindow)
        var checks = [endpointAndClock[0]]
        let reachable = (try? time.get()) != nil
        switch check {
        case .clock:
            checks.append(endpointAndClock[1])
        case .key:
            checks.append(key.check)
            if key.credentials == nil || !reachable { break }
            if endpoint.isSpotTestnet {
                checks.append(
                    DoctorCheck(
                        "permissions", .warning, "not checked: the spot testnet serves no /sapi endpoints",
                        fix: "check the key's permissions against the exchange or the simulator (bnc sim)"))
            } else {
                checks += await RestrictionCheck(client: client).checks().checks
            }
        case .isolatedAccount:
            if symbols.isEmpty {
                checks.append(
                    DoctorCheck(
                        "isolated account", .warning, "not checked: no symbol given",
                        fix: "give the symbol of the failing request: bnc explain \(code) --endpoint … --symbol SYMBOL"))
            } else if key.credentials == nil {
                checks.append(key.check)
            } else if reachable {
                checks += await SymbolCheck(client: client).checks(symbols.map { DoctorSymbol($0.name, isolated: true) })
            }
        }
        return DoctorReport(checks: checks)
    }
}
