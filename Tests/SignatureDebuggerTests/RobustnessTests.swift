import BNCTestSupport
import BinanceAPI
import Testing

@testable import SignatureDebugger

/// No input crashes the explainer: it returns an explanation or a typed input error.
@Suite struct RobustnessTests {
    static let fragments = [
        "curl ", "-X ", "DELETE ", "-H ", "'X-MBX-APIKEY: k' ", "-d ", "--data-urlencode ", "-G ", "https://a.test/p?",
        "?", "&", "=", "signature=", "timestamp=", "recvWindow=", "symbol=", "LTCBTC", "%", "%2", "%2F", "%zz", "+",
        " ", "\n", "\\", "\\\n", "'", "\"", "$'", "币", "🚀", "1499827319559", "99999999999999999999", "-1", "0", "aGVsbG8=",
        "c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71", "#", "://", "--url ", "-o "
    ]

    @Test func randomInputsNeverCrash() {
        var random = SplitMix64(seed: 7)
        let explainer = SignatureExplainer(key: .demo)
        let references: [TimeReference] = [.given(1_499_827_320_000), .given(.max), .given(.min), .given(0)]
        for round in 0..<3000 {
            let count = Int.random(in: 0...14, using: &random)
            let text = (0..<count).map { _ in Self.fragments.randomElement(using: &random)! }.joined()
            do {
                let explanation = try explainer.explain(text, at: references[round % references.count])
                #expect(!explanation.text.isEmpty)
                #expect(!explanation.json.serialized.contains(DemoCredentials.secret))
                #expect([0, 1].contains(explanation.exitCode))
            } catch {
                #expect(!error.message.isEmpty)
            }
        }
    }

    @Test func extremeTimestampsAreJudgedWithoutOverflow() throws {
        let query = "symbol=LTCBTC&timestamp=9223372036854775"
        for reference in [TimeReference.given(.max), .given(.min), .given(0)] {
            let explanation = try SignatureExplainer(key: .demo).explain(query, at: reference)
            #expect(explanation.timing.accepted == false)
            #expect(!explanation.text.isEmpty)
        }
    }
}
