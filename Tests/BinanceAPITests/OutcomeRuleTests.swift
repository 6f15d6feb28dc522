import Testing

@testable import BinanceAPI

/// The outcome table of docs/design.md, row by row, and `perform` acting on it.
@Suite struct OutcomeRuleTests {
    typealias Fake = ExchangeClientPerformTests.FakeTransport

    static func json(_ status: Int, _ body: String) -> Result<TransportResponse, TransportError> {
        ExchangeClientPerformTests.json(status, body)
    }

    static func order(_ status: String, symbol: String = "LTCBTC", orderId: Int = 28, extra: String = "") -> String {
        #"{"symbol":"\#(symbol)","orderId":\#(orderId),"clientOrderId":"myOrder1","status":"\#(status)"\#(extra)}"#
    }

    static func verdict(_ status: Int, _ code: Int? = nil, readable: Bool = true) -> AnswerVerdict {
        OutcomeRule.verdict(.response(status: status, code: code, readable: readable))
    }

    @Test func theTable() {
        #expect(Self.verdict(200) == .done)
        #expect(Self.verdict(200, readable: false) == .unknown)
        #expect(Self.verdict(408, -1007) == .unknown)
        #expect(Self.verdict(400, -1006) == .unknown)
        #expect(Self.verdict(408) == .unknown)
        #expect(Self.verdict(503) == .unknown)
        #expect(Self.verdict(500, -1000) == .unknown)
        #expect(Self.verdict(403) == .notDone)
        #expect(Self.verdict(400, -2011) == .notDone)
        #expect(Self.verdict(404) == .notDone)
        #expect(Self.verdict(400, -1021) == .timestampRejected)
        #expect(Self.verdict(429, -1003) == .rateLimited)
        #expect(Self.verdict(418, -1003) == .banned)
        #expect(Self.verdict(102) == .unknown)
        #expect(Self.verdict(799) == .unknown)
        #expect(OutcomeRule.verdict(.noResponse(.connectFailed("refused"))) == .notDone)
        #expect(OutcomeRule.verdict(.noResponse(.timedOut("quiet"))) == .unknown)
        #expect(OutcomeRule.verdict(.noResponse(.connectionLost("reset"))) == .unknown)
    }

    @Test func minus1007WithA408IsUnknownAndChecked() async throws {
        let transport = Fake { _, index in
            index == 0
                ? Self.json(408, #"{"code":-1007,"msg":"Timeout waiting for response from backend server."}"#)
                : Self.json(200, Self.order("CANCELED"))
        }
        let result = try await ExchangeClient(transport: transport, credentials: DemoCredentials.hmac)
            .perform(CancelMarginOrder(symbol: "LTCBTC", orderId: 28))
        #expect(transport.sent.map(\.method) == [.delete, .get])
        #expect(result.response.status == "CANCELED")
        #expect(result.events.map(\.message).first == "HTTP 408 (code -1007): the outcome is unknown")
    }

    @Test func minus1006WithA400ThatStaysUncheckedIsOutcomeUnknown() async throws {
        let transport = Fake { _, index in
            index == 0
                ? Self.json(400, #"{"code":-1006,"msg":"An unexpected response was received."}"#) : .failure(.timedOut("quiet"))
        }
        let client = ExchangeClient(transport: transport, credentials: DemoCredentials.hmac)
        await client.configureSendPolicy(.init(maxReadRetries: 0, maxChecks: 1, backoff: [1]))
        await #expect {
            try await client.perform(CancelMarginOrder(symbol: "LTCBTC", orderId: 28))
        } throws: { error in
            guard let error = error as? ClientError, case .unresolved = error else { return false }
            return error.outcomeUnknown && error.reachedExchange
        }
        // A -1007 that reaches a script unresolved (`execute`, no checks) is unknown too.
        let direct = ClientError.exchange(ExchangeError(code: -1007, message: "Timeout", httpStatus: 408), Self.placeholder)
        #expect(direct.outcomeUnknown)
        #expect(
            !ClientError.exchange(ExchangeError(code: -2011, message: "Unknown order sent.", httpStatus: 400), Self.placeholder)
                .outcomeUnknown)
    }

    static let placeholder = PreparedRequest(
        title: "margin cancel", method: .delete, path: "/sapi/v1/margin/order", query: "", signature: nil, timestamp: nil,
        apiKey: nil, weight: CancelMarginOrder.weight, parameters: [])

    @Test func aReadWhose200CannotBeReadIsSentAgainThenReportedAsUnreadableNotUnknown() async throws {
        let transport = Fake { _, _ in Self.json(200, "<html>gateway</html>") }
        let client = ExchangeClient(transport: transport, credentials: DemoCredentials.hmac)
        await client.configureSendPolicy(.init(maxReadRetries: 2, backoff: [1]))
        await #expect {
            try await client.perform(ServerTime())
        } throws: { error in
            guard let error = error as? ClientError, case .decoding = error else { return false }
            // One error, not one per attempt, and nothing about an order or an unknown outcome.
            return !error.outcomeUnknown && !error.message.contains("outcome") && error.hint == nil
        }
        #expect(transport.sent.count == 3)
    }

    @Test func aReadThatFailsOnAServerErrorOrALostConnectionIsNotAnUnknownOutcome() {
        let read = PreparedRequest(
            title: "server time", method: .get, path: "/api/v3/time", query: "", signature: nil, timestamp: nil,
            apiKey: nil, weight: ServerTime.weight, parameters: [])
        let lost = ClientError.transport(.connectionLost("reset"), read)
        #expect(!lost.outcomeUnknown)
        #expect(lost.hint == nil)
        #expect(!lost.message.contains("outcome"))
        #expect(!ClientError.httpStatus(503, body: "", read).outcomeUnknown)
        // The same failures of a cancel are unknown.
        #expect(ClientError.transport(.connectionLost("reset"), Self.placeholder).outcomeUnknown)
        #expect(ClientError.httpStatus(503, body: "", Self.placeholder).outcomeUnknown)
    }

    @Test(arguments: ["<html>gateway</html>", #"{"symbol":"LTCBTC","orderId":28,"#, ""])
    func a200ThatIsNotTheAnswerToADeleteIsChecked(body: String) async throws {
        let transport = Fake { _, index in index == 0 ? Self.json(200, body) : Self.json(200, Self.order("CANCELED")) }
        let result = try await ExchangeClient(transport: transport, credentials: DemoCredentials.hmac)
            .perform(CancelMarginOrder(symbol: "LTCBTC", orderId: 28))
        #expect(transport.sent.map(\.method) == [.delete, .get])
        #expect(result.response.status == "CANCELED")
        #expect(result.events.first?.kind == .outcomeUnknown)
    }

    @Test func aResentCancelThatDraws2011IsCheckedAgainBeforeItIsReported() async throws {
        // 503 → check: NEW → resend → -2011 (the first DELETE canceled it meanwhile) → check: CANCELED.
        let transport = Fake { _, index in
            switch index {
            case 0: return Self.json(503, "")
            case 1: return Self.json(200, Self.order("NEW"))
            case 2: return Self.json(400, #"{"code":-2011,"msg":"Unknown order sent."}"#)
            default: return Self.json(200, Self.order("CANCELED"))
            }
        }
        let result = try await ExchangeClient(transport: transport, credentials: DemoCredentials.hmac)
            .perform(CancelMarginOrder(symbol: "LTCBTC", orderId: 28))
        #expect(transport.sent.map(\.method) == [.delete, .get, .delete, .get])
        #expect(result.response.status == "CANCELED")
    }

    @Test func aResentCancelThatDraws2011WithTheOrderStillOpenReportsThe2011() async throws {
        let transport = Fake { _, index in
            switch index {
            case 0: return Self.json(503, "")
            case 2: return Self.json(400, #"{"code":-2011,"msg":"Unknown order sent."}"#)
            default: return Self.json(200, Self.order("NEW"))
            }
        }
        await #expect {
            try await ExchangeClient(transport: transport, credentials: DemoCredentials.hmac)
                .perform(CancelMarginOrder(symbol: "LTCBTC", orderId: 28))
        } throws: { error in
            guard case .exchange(let exchange, _) = error as? ClientError else { return false }
            return exchange.code == -2011
        }
        #expect(transport.sent.map(\.method) == [.delete, .get, .delete, .get])
    }

    @Test(arguments: [
        Self.order("CANCELED", orderId: 29), Self.order("CANCELED", symbol: "BNBBTC"),
        Self.order("CANCELED", extra: #","isIsolated":true"#)
    ])
    func aCheckAnsweringAboutAnotherOrderLeavesTheOutcomeUnknown(answer: String) async throws {
        let transport = Fake { _, index in index == 0 ? Self.json(502, "") : Self.json(200, answer) }
        await #expect {
            try await ExchangeClient(transport: transport, credentials: DemoCredentials.hmac)
                .perform(CancelMarginOrder(symbol: "LTCBTC", orderId: 28))
        } throws: { error in
            guard let error = error as? ClientError, case .unresolved(let story, _) = error else { return false }
            return error.outcomeUnknown && story.contains("another order")
        }
        #expect(transport.sent.count == 2)
    }

    @Test func aCheckByClientOrderIdMustNameThatId() {
        let cancel = CancelMarginOrder(symbol: "LTCBTC", origClientOrderId: "mine")
        let other = try! MarginOrder(json: JSONValue.parse(Array(Self.order("CANCELED").utf8)))
        guard case .unrelated = cancel.judge(other) else {
            Issue.record("an answer about client order id myOrder1 was taken for mine")
            return
        }
        let same = CancelMarginOrder(symbol: "LTCBTC", origClientOrderId: "myOrder1")
        guard case .applied = same.judge(other) else {
            Issue.record("the order asked about was not recognised")
            return
        }
    }

    @Test func a403IsADefiniteRefusalSentOnce() async throws {
        let transport = Fake { _, _ in Self.json(403, "<html>Request blocked</html>") }
        await #expect {
            try await ExchangeClient(transport: transport, credentials: DemoCredentials.hmac)
                .perform(CancelMarginOrder(symbol: "LTCBTC", orderId: 28))
        } throws: { error in
            guard let error = error as? ClientError, case .httpStatus(403, _, _) = error else { return false }
            return !error.outcomeUnknown && error.reachedExchange
        }
        #expect(transport.sent.count == 1)
    }

    @Test func aRefusedConnectionDidNotReachTheExchange() async throws {
        let transport = Fake { _, _ in .failure(.connectFailed("connection refused")) }
        await #expect {
            try await ExchangeClient(transport: transport, credentials: DemoCredentials.hmac)
                .perform(CancelMarginOrder(symbol: "LTCBTC", orderId: 28))
        } throws: { error in
            guard let error = error as? ClientError else { return false }
            return !error.reachedExchange && !error.outcomeUnknown
        }
    }

    @Test func theMachineConfirmsADefiniteFailureAfterAnUnknownOne() {
        var machine = SendStateMachine(recovery: .check)
        _ = machine.start()
        #expect(machine.received(status: 504, code: nil, retryAfter: nil) == .check(afterMilliseconds: 0))
        #expect(machine.checked(.notApplied) == .send(attempt: 2, afterMilliseconds: 0))
        #expect(machine.transportFailed(.connectFailed("refused")) == .check(afterMilliseconds: 0))
        #expect(machine.checked(.notApplied) == .fail(.transport))
        var unrelated = SendStateMachine(recovery: .check)
        _ = unrelated.start()
        _ = unrelated.received(status: 200, code: nil, retryAfter: nil, readable: false)
        #expect(unrelated.checked(.inconclusive) == .fail(.unresolved))
    }
}
