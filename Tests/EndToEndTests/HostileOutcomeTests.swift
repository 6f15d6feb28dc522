import Foundation
import Testing

/// The outcome table (docs/design.md, "What an answer means") end to end: the built `bnc`
/// against a scripted server, one row per test. A cancel whose outcome may have happened is
/// never reported as a plain failure: it is checked, and stays `outcomeUnknown` until proven.
@Suite(.serialized) struct HostileOutcomeTests {
    static let order = "/sapi/v1/margin/order"

    static func order(_ status: String, orderId: Int = 28, symbol: String = "LTCBTC") -> String {
        #"{"symbol":"\#(symbol)","isIsolated":false,"orderId":\#(orderId),"clientOrderId":"myOrder1","status":"\#(status)"}"#
    }

    static let canceled = HostileServer.Step.answer(body: order("CANCELED"))

    /// Prints `$e.outcomeUnknown` for a failed cancel, then `after`.
    static let probe = "try { cancel LTCBTC id=28 } on error e { print $e.outcomeUnknown }\nprint \"after\""

    @Test func minus1007WithA408IsCheckedNotReportedAsAFailure() throws {
        let server = try HostileServer(
            [Self.canceled],
            routes: [
                "DELETE \(Self.order)": [
                    .answer(status: 408, body: #"{"code":-1007,"msg":"Timeout waiting for response from backend server."}"#)
                ]
            ])
        defer { server.stop() }
        let run = try TransportEndToEndTests.bnc(server.baseURL, "cancel LTCBTC id=28")
        #expect(run.status == 0, "stderr: \(run.err)")
        #expect(run.out.contains("CANCELED"))
        #expect(server.requests.map(\.method) == ["DELETE", "GET"])
    }

    @Test func minus1006WithA408ThatCannotBeCheckedIsOutcomeUnknown() throws {
        // The check answers about another order: it proves nothing.
        let server = try HostileServer(
            [.answer(body: Self.order("CANCELED", orderId: 29))],
            routes: [
                "DELETE \(Self.order)": [
                    .answer(
                        status: 408, body: #"{"code":-1006,"msg":"An unexpected response was received from the message bus."}"#)
                ]
            ])
        defer { server.stop() }
        let run = try TransportEndToEndTests.bnc(server.baseURL, Self.probe)
        #expect(run.status == 0, "stderr: \(run.err)")
        #expect(run.out == "true\nafter\n")
        #expect(server.requests.map(\.method) == ["DELETE", "GET"])
    }

    @Test(arguments: ["<html><body>Gateway</body></html>", #"{"symbol":"LTCBTC","orderId":28,"status":"#, ""])
    func a200WhoseBodyIsNotTheAnswerIsChecked(body: String) throws {
        let server = try HostileServer([Self.canceled], routes: ["DELETE \(Self.order)": [.answer(body: body)]])
        defer { server.stop() }
        let run = try TransportEndToEndTests.bnc(server.baseURL, "cancel LTCBTC id=28")
        #expect(run.status == 0, "stderr: \(run.err)")
        #expect(run.out.contains("CANCELED"))
        #expect(server.requests.map(\.method) == ["DELETE", "GET"])
    }

    @Test func a200CutOffMidBodyIsChecked() throws {
        let server = try HostileServer(
            [Self.canceled],
            routes: [
                "DELETE \(Self.order)": [
                    .raw(
                        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 400\r\n\r\n{\"symbol\":\"LTCBTC\",\"ord"
                    )
                ]
            ])
        defer { server.stop() }
        let run = try TransportEndToEndTests.bnc(server.baseURL, "cancel LTCBTC id=28")
        #expect(run.status == 0, "stderr: \(run.err)")
        #expect(run.out.contains("CANCELED"))
        #expect(server.requests.map(\.method) == ["DELETE", "GET"])
    }

    @Test func aResentCancelThatDraws2011IsCheckedAgain() throws {
        // 503 → check: NEW → the cancel again → -2011, because the first one canceled it after
        // all → check: CANCELED. Reported as canceled, not as -2011.
        let server = try HostileServer(
            [.answer(body: Self.order("NEW")), Self.canceled],
            routes: [
                "DELETE \(Self.order)": [
                    .answer(status: 503, body: ""), .answer(status: 400, body: #"{"code":-2011,"msg":"Unknown order sent."}"#)
                ],
                "GET \(Self.order)": [.answer(body: Self.order("NEW")), Self.canceled]
            ])
        defer { server.stop() }
        let run = try TransportEndToEndTests.bnc(server.baseURL, "cancel LTCBTC id=28")
        #expect(run.status == 0, "stderr: \(run.err)")
        #expect(run.out.contains("CANCELED"))
        #expect(server.requests.map(\.method) == ["DELETE", "GET", "DELETE", "GET"])
    }

    @Test(arguments: [
        Self.order("CANCELED", orderId: 29), Self.order("CANCELED", symbol: "BNBBTC"),
        #"{"symbol":"LTCBTC","isIsolated":true,"orderId":28,"status":"CANCELED"}"#
    ])
    func aCheckAboutAnotherOrderLeavesTheOutcomeUnknown(answer: String) throws {
        let server = try HostileServer(
            [.answer(body: answer)], routes: ["DELETE \(Self.order)": [.answer(status: 502, body: "")]])
        defer { server.stop() }
        let run = try TransportEndToEndTests.bnc(server.baseURL, Self.probe)
        #expect(run.out == "true\nafter\n", "stderr: \(run.err)")
        let failing = try TransportEndToEndTests.bnc(server.baseURL, "cancel LTCBTC id=28")
        #expect(failing.status == 1)
        #expect(failing.err.contains("another order"))
        #expect(failing.err.contains("outcome unknown"))
    }

    @Test func a403IsADefiniteRefusalNotRetriedNorChecked() throws {
        let server = try HostileServer([
            .answer(status: 403, headers: [("Content-Type", "text/html")], body: "<html>blocked</html>")
        ])
        defer { server.stop() }
        let run = try TransportEndToEndTests.bnc(server.baseURL, Self.probe)
        #expect(run.out == "false\nafter\n", "stderr: \(run.err)")
        #expect(server.requests.map(\.method) == ["DELETE"])
        let reported = try TransportEndToEndTests.bnc(server.baseURL, "cancel LTCBTC id=28")
        #expect(reported.status == 1)
        #expect(reported.err.contains("web application firewall"), "stderr: \(reported.err)")
        #expect(reported.err.contains("nothing was done"))
    }
}
