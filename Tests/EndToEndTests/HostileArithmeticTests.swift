import Foundation
import Testing

/// Numbers from a server that used to stop `bnc` with an overflow trap (exit 132) after the
/// exchange had acted: the cancel went through, the person never saw it, and later statements
/// never ran. Each run here must show the answer and go on to the next statement.
@Suite(.serialized) struct HostileArithmeticTests {
    static let canceled = HostileServerTests.canceled

    static func survives(_ headers: [(String, String)]) throws {
        let server = try HostileServer([.answer(headers: [("Content-Type", "application/json")] + headers, body: Self.canceled)])
        defer { server.stop() }
        let run = try TransportEndToEndTests.bnc(server.baseURL, "cancel LTCBTC id=28\nprint \"after\"")
        #expect(run.status == 0, "\(headers): status \(run.status), stderr: \(run.err)")
        #expect(run.out.contains("CANCELED"))
        #expect(run.out.hasSuffix("after\n"))
    }

    @Test func aHugeRetryAfterOnA200() throws {
        try Self.survives([("Retry-After", "99999999999999999")])
        try Self.survives([("Retry-After", "999999999999999999999999999")])
    }

    @Test func anIntervalThatOverflows() throws {
        try Self.survives([("X-SAPI-USED-IP-WEIGHT-999999999999999M", "10")])
    }

    @Test func aUsedWeightOfInt64Max() throws {
        try Self.survives([("X-SAPI-USED-IP-WEIGHT-1M", "9223372036854775807")])
        try Self.survives([("X-SAPI-USED-IP-WEIGHT-1M", "99999999999999999999")])
    }

    @Test func aServerTimeOfInt64MinDuringTheResync() throws {
        let server = try HostileServer(
            [.answer(body: #"{"serverTime":-9223372036854775808}"#)],
            routes: [
                "DELETE /sapi/v1/margin/order": [
                    .answer(
                        status: 400, body: #"{"code":-1021,"msg":"Timestamp for this request is outside of the recvWindow."}"#)
                ]
            ])
        defer { server.stop() }
        let run = try TransportEndToEndTests.bnc(
            server.baseURL, "try { cancel LTCBTC id=28 } on error e { print $e.code }\nprint \"after\"")
        #expect(run.status == 0, "stderr: \(run.err)")
        #expect(run.out == "-1021\nafter\n")
        // One resync, and no second cancel stamped with a nonsense offset.
        #expect(server.requests.map(\.path) == ["/sapi/v1/margin/order", "/api/v3/time"])
    }
}
