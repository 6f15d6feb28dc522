import Testing

@testable import BinanceAPI

/// ``RawRequest``'s checks before anything is signed: each bad argument is refused by name, and
/// what is accepted is encoded in the order given.
@Suite struct RawRequestTests {
    static func problem(_ request: RawRequest) -> ValidationError? {
        do {
            try request.validate()
            return nil
        } catch {
            return error
        }
    }

    @Test(arguments: [
        (RawRequest(method: "get", path: "/api/v3/time"), "method"),
        (RawRequest(method: "PATCH", path: "/api/v3/time"), "method"),
        (RawRequest(method: "GET", path: "/bnc-sim/v1/price"), "path"),
        (RawRequest(method: "GET", path: "api/v3/time"), "path"),
        (RawRequest(method: "GET", path: "/api/v3/time?x=1"), "path"),
        (RawRequest(method: "GET", path: "/api/v3/time#x"), "path"),
        (RawRequest(method: "GET", path: "/api/v3/ti me"), "path"),
        (RawRequest(method: "GET", path: "/api/v3/\u{7}"), "path"),
        (RawRequest(method: "GET", path: "/api/../bnc-sim/v1/price"), "path"),
        (RawRequest(method: "GET", path: "/api//v3"), "path"),
        (RawRequest(method: "GET", path: "/sapi/" + String(repeating: "a", count: 300)), "path"),
        (RawRequest(method: "GET", path: "/api/v3/time", weight: 0), "weight"),
        (RawRequest(method: "GET", path: "/api/v3/time", weight: 1001), "weight"),
        (RawRequest(method: "GET", path: "/api/v3/time", parameters: [QueryParameter("a-b", "1")]), "a-b"),
        (RawRequest(method: "GET", path: "/api/v3/time", parameters: [QueryParameter("", "1")]), ""),
        (
            RawRequest(method: "GET", path: "/api/v3/time", parameters: [QueryParameter(String(repeating: "n", count: 65), "1")]),
            String(repeating: "n", count: 65)
        ),
        (RawRequest(method: "GET", path: "/api/v3/time", parameters: [QueryParameter("timestamp", "1")]), "timestamp"),
        (RawRequest(method: "GET", path: "/api/v3/time", parameters: [QueryParameter("signature", "ab")]), "signature"),
        (RawRequest(method: "GET", path: "/api/v3/time", parameters: [QueryParameter("a", "1"), QueryParameter("a", "2")]), "a"),
        (RawRequest(method: "GET", path: "/api/v3/time", parameters: [QueryParameter("a", "")]), "a"),
        (
            RawRequest(method: "GET", path: "/api/v3/time", parameters: [QueryParameter("recvWindow", "x")], signed: true),
            "recvWindow"
        ),
        (
            RawRequest(method: "GET", path: "/api/v3/time", parameters: [QueryParameter("recvWindow", "60001")], signed: true),
            "recvWindow"
        )
    ])
    func refusesByArgument(_ request: RawRequest, _ argument: String) throws {
        let error = try #require(Self.problem(request))
        switch error {
        case .rejectedArgument(let name, _, _), .valueOutOfRange(let name, _, _), .emptyValue(let name):
            #expect(name == argument, "\(error.message)")
        case .recvWindowOutOfRange:
            #expect(argument == "recvWindow")
        default:
            Issue.record("unexpected \(error)")
        }
        // Nothing is signed for a request that does not validate.
        #expect(throws: RequestError.self) {
            try RequestBuilder(credentials: DemoCredentials.hmac).prepare(request, timestamp: 1)
        }
    }

    @Test func theEndpointIsTheOneGiven() throws {
        let request = RawRequest(
            method: "PUT", path: "/sapi/v1/userDataStream", parameters: [QueryParameter("listenKey", "k")], weight: 7)
        #expect(Self.problem(request) == nil)
        let endpoint = request.endpoint
        #expect(endpoint.method == .put && endpoint.effect == .write && endpoint.security == .userStream)
        #expect(endpoint.weight == RequestWeight(7, .ip) && endpoint.limitFamily == .sapi)
        #expect(endpoint.parameterNames == ["listenKey"])
        // Unsigned without a key: no header, nothing refused.
        let prepared = try RequestBuilder(credentials: nil).prepare(request, timestamp: 1)
        #expect(prepared.apiKey == nil && prepared.signature == nil && prepared.query == "listenKey=k")
    }

    /// A given recvWindow stays where it was written; the profile's is not added twice.
    @Test func aGivenRecvWindowIsSentWhereWritten() throws {
        let request = RawRequest(
            method: "GET", path: "/sapi/v1/margin/openOrders",
            parameters: [QueryParameter("recvWindow", "7000"), QueryParameter("symbol", "LTCBTC")], signed: true)
        let prepared = try RequestBuilder(credentials: DemoCredentials.hmac, recvWindow: 5000).prepare(request, timestamp: 9)
        #expect(prepared.query == "recvWindow=7000&symbol=LTCBTC&timestamp=9")
        #expect(prepared.signature == DemoCredentials.hmac.signer.sign(prepared.query))
    }

    @Test func theAnswerIsAnObjectOrAList() throws {
        #expect(try RawResponse(json: .array([])).json == .array([]))
        #expect(throws: ResponseDecodingError.self) { try RawResponse(json: .number("1")) }
    }
}
