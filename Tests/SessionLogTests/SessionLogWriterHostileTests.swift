import BinanceAPI
import Foundation
import Testing

@testable import SessionLog

/// The writer under answers built to hurt it.
@Suite struct SessionLogWriterHostileTests {
    /// `{"k00000":0,"k00001":1,...}`: keys all of one length, the worst case for pairwise comparison.
    static func object(keys: Int, repeating repeated: Int? = nil) -> [UInt8] {
        var text = "{"
        for index in 0..<keys {
            if index > 0 { text += "," }
            let name = String(index == repeated.map { _ in keys - 1 } ?? -1 ? repeated! : index)
            text += "\"k\(String(repeating: "0", count: 6 - name.count))\(name)\":\(index)"
        }
        return Array((text + "}").utf8)
    }

    @Test func theRepeatedKeyCheckIsLinear() {
        // Pairwise, 60,000 keys of one length were 1.8 billion comparisons (5,000 took 54 s in
        // a release build under the writer's lock); with a set, well under a second.
        let body = Self.object(keys: 60_000)
        let started = ContinuousClock.now
        #expect(JSONBytes.isStoredVerbatim(body))
        #expect(ContinuousClock.now - started < .seconds(3))
    }

    @Test func aRepeatedKeyPastTheSetThresholdIsStillFound() {
        #expect(!JSONBytes.isStoredVerbatim(Self.object(keys: 100, repeating: 40)))
        #expect(!JSONBytes.isStoredVerbatim(Self.object(keys: 10, repeating: 3)))
        #expect(JSONBytes.isStoredVerbatim(Self.object(keys: 100)))
        // Exactly at the threshold: the 16th key repeats the 1st.
        #expect(!JSONBytes.isStoredVerbatim(Self.object(keys: 16, repeating: 0)))
        #expect(!JSONBytes.isStoredVerbatim(Self.object(keys: 17, repeating: 0)))
    }

    @Test func aResponseOfManyKeysIsRecordedAndReadsBack() async throws {
        let path = temporaryDirectory() + "/keys.jsonl"
        let writer = try SessionLogWriter(path: path, header: demoHeader)
        let request = try RequestBuilder(credentials: DemoCredentials.hmac).prepare(
            CancelMarginOrder(symbol: "LTCBTC", orderId: 28), timestamp: 1_499_827_319_559)
        try writer.willSend(request, attempt: 1)
        writer.didReceive(
            TransportResponse(status: 200, headers: [], body: Self.object(keys: 20_000)), for: request, latency: .milliseconds(1))
        #expect(writer.close(exitCode: 0) == nil)
        let kinds = try records(path).map(\.kind)
        #expect(kinds == ["header", "request", "response", "end"])
    }
}
