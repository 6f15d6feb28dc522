import BinanceAPI
import Testing

@testable import SignatureDebugger

/// `--output json` is for other tools' tests: its keys are a contract.
@Suite struct JSONReportTests {
    static func keys(_ value: JSONValue?) -> [String] {
        if case .object(let object)? = value { return object.keys }
        return []
    }

    @Test func theKeysAreStable() throws {
        let query = "symbol=LTCBTC&orderId=28&timestamp=1499827319559"
        let sorted = "orderId=28&symbol=LTCBTC&timestamp=1499827319559"
        let text =
            "curl -X DELETE -H 'X-MBX-APIKEY: \(DemoCredentials.apiKey)' 'https://api.binance.com/sapi/v1/margin/order?"
            + query + "&signature=" + RequestSigner(hmacSecret: DemoCredentials.secret).sign(sorted).text + "'"
        let explanation = try SignatureExplainer(key: .demo).explain(text, at: .given(1_499_827_320_000))
        let json = try JSONValue.parse(explanation.json.serialized)
        #expect(
            Self.keys(json)
                == ["valid", "exitCode", "key", "request", "parameters", "signedPayload", "signature", "timing", "findings"])
        #expect(Self.keys(json["key"]) == ["type", "apiKey", "source"])
        #expect(Self.keys(json["request"]) == ["form", "method", "origin", "path", "query", "body", "apiKey"])
        #expect(
            Self.keys(json["signature"])
                == ["given", "givenDecoded", "givenEncoding", "givenBytes", "expected", "expectedURLValue", "matches"])
        #expect(
            Self.keys(json["timing"])
                == [
                    "timestamp", "unit", "timestampMilliseconds", "recvWindow", "recvWindowMilliseconds", "reference",
                    "referenceMilliseconds", "endpoint", "ageMilliseconds", "accepted"
                ])
        guard case .array(let parameters)? = json["parameters"], case .array(let findings)? = json["findings"] else {
            Issue.record("parameters and findings must be arrays")
            return
        }
        #expect(parameters.count == 4)
        #expect(Self.keys(parameters.first) == ["location", "rawName", "rawValue", "name", "value"])
        #expect(Self.keys(findings.first) == ["code", "severity", "confirmed", "message", "fix", "reproducedWith"])
        #expect(json["valid"] == .bool(false))
        #expect(json["exitCode"] == .number("1"))
        #expect(json["request"]?["method"] == .string("DELETE"))
        #expect(json["request"]?["apiKey"] == .string("vmPU…Eh8A"))
        #expect(findings.first?["code"] == .string("signature.parametersReordered"))
        #expect(findings.first?["confirmed"] == .bool(true))
        #expect(findings.first?["reproducedWith"] == .string(sorted))
    }

    @Test func everyFindingCodeIsNamespaced() {
        for code in FindingCode.allCases {
            let prefix = code.rawValue.split(separator: ".").first.map(String.init)
            #expect(["request", "signature", "timing"].contains(prefix ?? ""), "\(code.rawValue)")
        }
    }
}
