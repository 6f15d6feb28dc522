import Foundation
import Testing

/// `bnc explain --endpoint URL` asks the exchange for its time over the same transport every other
/// command uses: over https it honours --ca-file (it built its own transport, which trusted only
/// the system store, ignored the proxy and the profile).
@Suite(.serialized) struct ExplainOverTLSTests {
    @Test func explainAsksAnHTTPSEndpointTrustedThroughCAFile() throws {
        let ca = try TLSEndToEndTests.authority()
        let sim = try TLSSimulator(certificate: ca.good, authority: ca)
        defer { sim.stop() }
        let request = "symbol=LTCBTC&orderId=28&timestamp=1499827319559&signature=00"
        let run = try runBNC(["explain", "--endpoint", sim.baseURL(), "--ca-file", ca.caFile, request])
        #expect(run.status != 2, "stderr: \(run.err)")
        #expect(sim.log.contains("/api/v3/time"), "the exchange's time was not asked for: \(sim.log)\n\(run.out)\n\(run.err)")
    }
}
