import Foundation
import Testing

/// `--endpoint testnet` without the network: the URL it stands for, margin statements and the
/// demo key refused before anything is signed (HTTPS_PROXY points at a closed port, so any
/// attempt to connect would say so instead), spot statements signed with the user's own key.
@Suite(.serialized) struct SpotTestnetEndToEndTests {
    static let closedProxy = ["HTTPS_PROXY": "http://127.0.0.1:9"]
    static let ownKey = [
        "BINANCE_API_KEY": String(repeating: "T", count: 64), "BINANCE_API_SECRET": "testnet-secret"
    ].merging(closedProxy) { $1 }

    @Test func aMarginStatementIsRefusedAndPointsToTheSimulator() throws {
        let run = try TransportEndToEndTests.bnc("testnet", "cancel LTCBTC id=28", environment: Self.ownKey)
        #expect(run.status != 0)
        #expect(
            run.err.contains("the spot testnet has no margin endpoints: margin cancel (DELETE /sapi/v1/margin/order)"),
            "\(run.err)")
        #expect(run.err.contains("bnc sim") && !run.err.contains("proxy"), "\(run.err)")
    }

    @Test func theDemoKeyIsRefusedThere() throws {
        let run = try TransportEndToEndTests.bnc("testnet", "cancel BTCUSDT id=1 spot", environment: Self.closedProxy)
        #expect(run.status != 0)
        #expect(run.err.contains("the spot testnet needs your own testnet API key"), "\(run.err)")
        #expect(!run.err.contains("proxy"), "\(run.err)")
    }

    @Test func aSpotDryRunIsSignedForTheTestnetsURL() throws {
        let run = try TransportEndToEndTests.bnc(
            "testnet", "cancel BTCUSDT id=1 spot only=new", environment: Self.ownKey,
            options: ["--dry-run", "--timestamp", "1499827319559"])
        #expect(run.status == 0, "\(run.err)")
        #expect(
            run.out.contains(
                "https://testnet.binance.vision/api/v3/order?symbol=BTCUSDT&orderId=1&cancelRestrictions=ONLY_NEW&timestamp=1499827319559&signature="
            ), "\(run.out)")
        let margin = try TransportEndToEndTests.bnc(
            "testnet", "open LTCBTC", environment: Self.ownKey, options: ["--dry-run"])
        #expect(margin.status != 0 && margin.err.contains("the spot testnet has no margin endpoints"), "\(margin.err)")
    }

    @Test func theTestnetIsNotLive() throws {
        // A live endpoint asks before a cancel-all on a terminal and never uses the demo key;
        // the testnet is neither: the prompt line of a dry run names it plainly.
        let run = try TransportEndToEndTests.bnc(
            "testnet", "cancel-all BTCUSDT spot", environment: Self.ownKey, options: ["--dry-run"])
        #expect(run.status == 0, "\(run.err)")
        #expect(!run.err.contains("live"), "\(run.err)")
    }
}
