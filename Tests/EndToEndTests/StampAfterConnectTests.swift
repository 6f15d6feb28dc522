import Foundation
import Testing

/// A request is stamped and signed after its connection exists (TCP, the proxy's CONNECT, TLS),
/// not before: through a slow proxy the handshake would otherwise be counted against recvWindow,
/// and the exchange would answer -1021 to a request that left on time.
@Suite(.serialized)
struct StampAfterConnectTests {
    @Test func aSlowTunnelDoesNotAgeTheTimestamp() throws {
        let ca = try TLSEndToEndTests.authority()
        let sim = try TLSSimulator(certificate: ca.good, authority: ca)
        defer { sim.stop() }
        // The proxy takes 1.5 s to open each tunnel; the request allows 1 s from its timestamp.
        let proxy = try TestConnectProxy(["--delay", "1.5"])
        defer { proxy.stop() }
        let run = try TLSEndToEndTests.bnc(
            sim.baseURL(host: "localhost"), "cancel LTCBTC id=28 recv=1000", caFile: ca.caFile,
            environment: ["HTTPS_PROXY": "http://127.0.0.1:\(proxy.port)"])
        #expect(run.status == 0, "stderr: \(run.err)")
        #expect(sim.log.contains("canceled LTCBTC cross #28"), "\(sim.log)")
        // Stamped before the tunnel, the cancel arrived 1.5 s old: -1021, a resync, a second send.
        #expect(!sim.log.contains("1021") && !run.err.contains("1021") && !run.out.contains("1021"), "\(sim.log)\n\(run.err)")
        #expect(proxy.requests.count == 1, "one tunnel: \(proxy.requests.map(\.line))")
    }
}
