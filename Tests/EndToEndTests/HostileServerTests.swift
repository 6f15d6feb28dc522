import Foundation
import Testing

/// The hostile server itself: it answers as scripted, routes by method and path, records what it
/// received, and its steps misbehave as stated — so the suites built on it test bnc, not the harness.
@Suite(.serialized) struct HostileServerTests {
    static let canceled = #"""
        {"symbol":"LTCBTC","isIsolated":false,"orderId":28,"origClientOrderId":"myOrder1","clientOrderId":"cancelMyOrder1",\#
        "price":"1.00000000","origQty":"10.00000000","executedQty":"0.00000000","cummulativeQuoteQty":"0.00000000",\#
        "status":"CANCELED","timeInForce":"GTC","type":"LIMIT","side":"SELL"}
        """#

    @Test func answersAsScriptedAndRecordsTheSignedRequest() throws {
        let server = try HostileServer([.answer(body: Self.canceled)])
        defer { server.stop() }
        let run = try TransportEndToEndTests.bnc(server.baseURL, "cancel LTCBTC id=28")
        #expect(run.status == 0, "stderr: \(run.err)")
        #expect(run.out.contains("CANCELED"))
        let requests = server.requests
        #expect(requests.count == 1)
        let request = try #require(requests.first)
        #expect(request.method == "DELETE")
        #expect(request.path == "/sapi/v1/margin/order")
        #expect(request.parameter("symbol") == "LTCBTC")
        #expect(request.parameter("orderId") == "28")
        #expect(request.parameter("signature")?.count == 64)
        #expect(request.headers["x-mbx-apikey"]?.isEmpty == false)
        #expect(request.body.isEmpty)
    }

    @Test func routesTakeTheirOwnStepsAndTheLastOneRepeats() throws {
        let server = try HostileServer(
            [.answer(status: 500, body: "{}")],
            routes: [
                "DELETE /sapi/v1/margin/order": [
                    .answer(status: 400, body: #"{"code":-2011,"msg":"Unknown order sent."}"#)
                ]
            ])
        defer { server.stop() }
        let run = try TransportEndToEndTests.bnc(
            server.baseURL, "try { cancel LTCBTC id=28 } on error e { print $e.code }\ncancel LTCBTC id=29")
        #expect(run.status == 1)
        #expect(run.out.contains("-2011"))
        #expect(run.err.contains("-2011"))
        #expect(server.requests(to: "/sapi/v1/margin/order").count == 2)
    }

    @Test func aHangUpIsAConnectionClosedWithoutAnAnswer() throws {
        let server = try HostileServer([.hangUp()])
        defer { server.stop() }
        let run = try TransportEndToEndTests.bnc(server.baseURL, "time")
        #expect(run.status != 0)
        #expect(server.requests.count >= 1)
    }

    @Test func aStreamSendsItsBytesWithoutHoldingThem() throws {
        // 2 MiB of body after a head that announces exactly that much: the client reads it all.
        let count = 2 * 1024 * 1024 / 8
        let server = try HostileServer([
            .stream(
                head: "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: \(count * 8)\r\n\r\n",
                repeated: "abcdefgh", count: count)
        ])
        defer { server.stop() }
        let run = try TransportEndToEndTests.bnc(server.baseURL, "time")
        // Not JSON: bnc must report it as such, not hang or crash.
        #expect(run.status != 0)
        #expect(run.status != 132 && run.status != 134)
        #expect(!run.err.isEmpty)
        #expect(server.requests.count >= 1)
    }
}
