import BNCTestSupport
import Foundation
import Testing

/// Issue 2's dry run, end to end through the built binary: the canonical query, a signature that
/// matches one computed by openssl, JSON output, and every validation rule with exit code 2.
@Suite struct DryRunEndToEndTests {
    static let timestamp = "1499827319559"

    @Test func isolatedCancelPrintsQuerySignatureAndURL() throws {
        let run = try LanguageRun.withDemoKey([
            "--dry-run", "--timestamp", Self.timestamp, "-c", "cancel LTCBTC id=28 isolated"
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let query = "symbol=LTCBTC&isIsolated=TRUE&orderId=28&timestamp=1499827319559"
        let signature = try OpenSSL.hmac(query, secret: LanguageRun.demoSecret)
        #expect(signature.count == 64)
        #expect(
            run.stdout == """
                DELETE /sapi/v1/margin/order  (margin cancel, weight 10(IP), isolated)
                  query      \(query)
                  signature  \(signature)  (HMAC-SHA256, hex)
                  url        http://sim.bnc.invalid/sapi/v1/margin/order?\(query)&signature=\(signature)
                  header     X-MBX-APIKEY: vmPU…Eh8A

                """)
        #expect(!run.stdout.contains(LanguageRun.demoSecret) && !run.stderr.contains(LanguageRun.demoSecret))
        #expect(!run.stdout.contains(LanguageRun.demoKey))
    }

    @Test func jsonOutputIsOneObjectWithTheAgreedKeys() throws {
        let run = try LanguageRun.withDemoKey([
            "--dry-run", "--timestamp", Self.timestamp, "--output", "json", "--endpoint", "live",
            "-c", "cancel LTCBTC id=28 isolated"
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.count == 1)
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data((lines.first ?? "").utf8)) as? [String: Any])
        let query = "symbol=LTCBTC&isIsolated=TRUE&orderId=28&timestamp=1499827319559"
        let signature = try OpenSSL.hmac(query, secret: LanguageRun.demoSecret)
        #expect(object["method"] as? String == "DELETE")
        #expect(object["path"] as? String == "/sapi/v1/margin/order")
        #expect(object["query"] as? String == query)
        #expect(object["signature"] as? String == signature)
        #expect(object["url"] as? String == "https://api.binance.com/sapi/v1/margin/order?\(query)&signature=\(signature)")
    }

    @Test func loopGivesThreeCorrectlySignedRequests() throws {
        let run = try LanguageRun.withDemoKey([
            "--dry-run", "--timestamp", Self.timestamp, "--output", "json",
            "-c", "for id in 28..30 { cancel LTCBTC id=$id }"
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let objects = try run.stdout.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(objects.count == 3)
        for (object, id) in zip(objects, 28...30) {
            let query = "symbol=LTCBTC&orderId=\(id)&timestamp=1499827319559"
            #expect(object["query"] as? String == query)
            #expect(object["signature"] as? String == (try OpenSSL.hmac(query, secret: LanguageRun.demoSecret)))
        }
    }

    @Test func textLoopPrintsThreeBlocks() throws {
        let run = try LanguageRun.withDemoKey([
            "--dry-run", "--timestamp", Self.timestamp, "-c", "for id in 28..30 { cancel LTCBTC id=$id }"
        ])
        #expect(run.status == 0)
        let queries = run.stdout.split(separator: "\n").filter { $0.hasPrefix("  query") }
        #expect(
            queries == [
                "  query      symbol=LTCBTC&orderId=28&timestamp=1499827319559",
                "  query      symbol=LTCBTC&orderId=29&timestamp=1499827319559",
                "  query      symbol=LTCBTC&orderId=30&timestamp=1499827319559"
            ])
    }

    @Test func stdinIsReadAsAScript() throws {
        let run = try LanguageRun.bnc(["--dry-run", "--timestamp", "5"], stdin: "cancel LTCBTC id=1\n")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("  query      symbol=LTCBTC&orderId=1&timestamp=5\n"))
        let signature = try OpenSSL.hmac("symbol=LTCBTC&orderId=1&timestamp=5", secret: LanguageRun.demoSecret)
        #expect(run.stdout.contains("  signature  \(signature)  (HMAC-SHA256, hex)"))
    }

    @Test(arguments: [
        ("cancel id=28", "<command>:1:1: error: missing required argument SYMBOL for 'cancel'"),
        (
            "cancel BTC/USDT id=28",
            "<command>:1:8: error: malformed symbol 'BTC/USDT': expected 1-20 letters or digits, like LTCBTC"
        ),
        ("cancel LTCBTC", "<command>:1:1: error: either orderId (id=) or origClientOrderId (cid=) must be sent"),
        ("cancel LTCBTC id=28 recv=0", "<command>:1:21: error: recvWindow 0 is out of range: it must be between 1 and 60000 ms"),
        (
            "cancel LTCBTC id=28 recv=60001",
            "<command>:1:21: error: recvWindow 60001 is out of range: it must be between 1 and 60000 ms"
        ),
        ("cancel LTCBTC id=0", "<command>:1:15: error: orderId 0 is out of range: it must be between 1 and 9223372036854775807"),
        (
            "cancel LTCBTC id=-3",
            "<command>:1:15: error: orderId -3 is out of range: it must be between 1 and 9223372036854775807"
        ),
        (
            "cancel LTCBTC id=9223372036854775808",
            "<command>:1:18: error: orderId 9223372036854775808 is out of range: it must be between 1 and 9223372036854775807"
        ),
        ("cancel LTCBTC id=abc", "<command>:1:18: error: argument 'id' expects an integer, got 'abc'")
    ])
    func validationRuleExitsTwoAndSendsNothing(statement: String, headline: String) throws {
        let run = try LanguageRun.withDemoKey(["--dry-run", "--timestamp", Self.timestamp, "-c", statement])
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.hasPrefix(headline + "\n" + statement + "\n"), "\(run.stderr)")
    }

    @Test func badCredentialsExitTwo() throws {
        let run = try LanguageRun.bnc(
            ["--dry-run", "-c", "cancel LTCBTC id=1"], environment: ["BINANCE_API_KEY": "abc"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("BINANCE_API_KEY is set but no signing key"))
        #expect(run.stdout.isEmpty)
    }
}
