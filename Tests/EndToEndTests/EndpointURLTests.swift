import Foundation
import Testing

/// The endpoint URL is checked before anything is set up: a host written so that a URL parser
/// would decode it into another name is refused (it could reach binance.com without being seen as
/// live: no confirmation, no "live" in the prompt), and credentials in it are refused and never shown.
@Suite(.serialized) struct EndpointURLTests {
    @Test(arguments: ["https://api%2Ebinance%2Ecom", "https://api\u{3002}binance.com"])
    func aDisguisedExchangeHostIsRefusedBeforeAnythingIsSent(endpoint: String) throws {
        let run = try TransportEndToEndTests.bnc(endpoint, "cancel LTCBTC id=28")
        #expect(run.status == 2, "stderr: \(run.err)")
        #expect(run.err.contains("must be written plainly"))
        #expect(!run.out.contains("CANCELED"))
    }

    @Test func credentialsInTheEndpointAreRefusedAndNeverShown() throws {
        let server = try HostileServer([.answer(body: HostileServerTests.canceled)])
        defer { server.stop() }
        let url = server.baseURL.replacingOccurrences(of: "http://", with: "http://alice:s3cretpw@")
        let run = try TransportEndToEndTests.bnc(url, "cancel LTCBTC id=28")
        #expect(run.status == 2, "stderr: \(run.err)")
        #expect(run.err.contains("cannot hold credentials"))
        #expect(!run.err.contains("s3cretpw") && !run.out.contains("s3cretpw"))
        #expect(server.requests.isEmpty)
    }

    @Test func aProfileEndpointWithCredentialsIsRefusedAndNeverShown() throws {
        let directory = try TransportEndToEndTests.profile("endpoint = https://bob:hunter2pw@gw.example\n")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: SimulatorProcess.binary)
        process.arguments = ["--no-log", "-c", "cancel LTCBTC id=28"]
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("BINANCE_") }
        environment["XDG_CONFIG_HOME"] = directory
        process.environment = environment
        let result = try LanguageRun.capture(process)
        #expect(result.status == 2, "stderr: \(result.stderr)")
        #expect(result.stderr.contains("cannot hold credentials"))
        #expect(!result.stderr.contains("hunter2pw") && !result.stdout.contains("hunter2pw"))
    }
}
