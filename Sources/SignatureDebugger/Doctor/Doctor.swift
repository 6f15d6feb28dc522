import BinanceAPI

/// `bnc doctor`: checks, against the endpoint chosen, what makes signed requests fail before
/// they are sent — where they go, the clock, the key and its permissions (apiRestrictions), the
/// weight left, and the symbols a script uses (margin pairs; isolated accounts) — and reports
/// each as ok, warning or problem with the fix.
///
/// It sends through the ``ExchangeClient`` every command uses (pacing, the session log, the
/// transport with its TLS roots and proxy), reads only, and never sends a write.
package struct Doctor: Sendable {
    package var client: ExchangeClient
    package var key: DoctorKey
    package var endpoint: DoctorEndpoint
    /// The recvWindow requests are sent with (the profile's, else the exchange's 5000 ms).
    package var recvWindow: Int
    /// The symbols to check, in order, without repeats.
    package var symbols: [DoctorSymbol]
    /// This machine's wall clock, ms since the epoch (the clock check's reference).
    var wallClock: @Sendable () -> Int64 = { WeightCheck.wallMilliseconds() }

    package init(
        client: ExchangeClient, key: DoctorKey, endpoint: DoctorEndpoint, recvWindow: Int?, symbols: [DoctorSymbol] = []
    ) {
        self.client = client
        self.key = key
        self.endpoint = endpoint
        self.recvWindow = recvWindow ?? 5000
        self.symbols = DoctorSymbol.merged(symbols)
    }

    /// Runs every check, in the order they are reported.
    package func run() async -> DoctorReport {
        var checks: [DoctorCheck] = []
        let time = await sampleClock()
        checks += Self.endpointAndClock(time, endpoint: endpoint, recvWindow: recvWindow)
        let keyCheck = key.check
        checks.append(keyCheck)
        // The checks below sign requests: without a usable key or a reachable endpoint they
        // would only repeat the problem above.
        var canSign = key.credentials != nil && (try? time.get()) != nil
        if canSign {
            if endpoint.isSpotTestnet {
                checks.append(
                    DoctorCheck(
                        "permissions", .warning, "not checked: the spot testnet serves no /sapi endpoints",
                        fix: "check the key's permissions against the exchange or the simulator (bnc sim)"))
            } else {
                let restrictions = await RestrictionCheck(client: client).checks()
                checks += restrictions.checks
                canSign = restrictions.keyUsable
            }
        }
        if !symbols.isEmpty {
            if canSign {
                checks += await SymbolCheck(client: client).checks(symbols)
            } else {
                checks.append(
                    DoctorCheck(
                        "symbols", .warning, "not checked: \(symbols.map(\.name).joined(separator: ", "))",
                        fix: "fix the problems above, then run bnc doctor again"))
            }
        }
        checks.append(WeightCheck.check(await client.rateLimitState))
        return DoctorReport(checks: checks)
    }

    /// One `GET /api/v3/time`, timed with this machine's wall clock.
    func sampleClock() async -> Result<ClockSample, ClientError> {
        do throws(ClientError) {
            let result = try await client.perform(ServerTime())
            let receivedAt = wallClock()
            let latency = result.latency.components
            let latencyMs = latency.seconds.multipliedSaturated(by: 1000).addingSaturated(
                latency.attoseconds / 1_000_000_000_000_000)
            return .success(
                ClockSample(
                    sentAt: receivedAt.subtractingSaturated(latencyMs), receivedAt: receivedAt,
                    serverTime: result.response.serverTime))
        } catch {
            return .failure(error)
        }
    }

    /// The endpoint and clock lines for a time sample.
    static func endpointAndClock(
        _ time: Result<ClockSample, ClientError>, endpoint: DoctorEndpoint, recvWindow: Int
    ) -> [DoctorCheck] {
        switch time {
        case .success(let sample):
            return [endpoint.check(), ClockCheck.check(sample, recvWindow: recvWindow)]
        case .failure(let error):
            // Not reached (refused, TLS, proxy) is the endpoint's problem; an answer that was
            // not the time is the clock check's.
            return [
                endpoint.check(unreachable: error.reachedExchange ? nil : error.message), ClockCheck.unreachable(error.message)
            ]
        }
    }
}
