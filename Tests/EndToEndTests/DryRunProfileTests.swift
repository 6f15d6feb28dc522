import Foundation
import Testing

/// A dry run prints exactly what would be sent: the profile's recvWindow is part of both.
@Suite struct DryRunProfileTests {
    @Test func theProfileRecvWindowIsInTheDryRunQuery() throws {
        let config = FileManager.default.temporaryDirectory.appendingPathComponent("bnc-profile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: config.appendingPathComponent("bnc"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: config) }
        try "recvWindow = 7000\n".write(to: config.appendingPathComponent("bnc/config"), atomically: true, encoding: .utf8)
        let result = try ExplainTool.bnc(
            ["--dry-run", "--no-log", "--timestamp", "1499827319559", "-c", "cancel LTCBTC id=28"],
            environment: ["XDG_CONFIG_HOME": config.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("query      symbol=LTCBTC&orderId=28&recvWindow=7000&timestamp=1499827319559"))
        let explicit = try ExplainTool.bnc(
            ["--dry-run", "--no-log", "--timestamp", "1499827319559", "-c", "cancel LTCBTC id=28 recv=3000"],
            environment: ["XDG_CONFIG_HOME": config.path])
        #expect(explicit.stdout.contains("query      symbol=LTCBTC&orderId=28&recvWindow=3000&timestamp=1499827319559"))
    }
}
