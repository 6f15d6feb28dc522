import Testing

@testable import BinanceAPI

/// The exchange semantics, driven without I/O (AHC's HTTP1ConnectionStateMachineTests style).
@Suite struct SendStateMachineTests {
    @Test func successIsDone() {
        var machine = SendStateMachine(recovery: .check)
        #expect(machine.start() == .send(attempt: 1, afterMilliseconds: 0))
        #expect(machine.received(status: 200, code: nil, retryAfter: nil) == .succeed)
        #expect(machine.isFinished)
    }

    @Test func invalidTimestampResyncsOnceThenGivesUp() {
        var machine = SendStateMachine(recovery: .check)
        _ = machine.start()
        #expect(machine.received(status: 400, code: -1021, retryAfter: nil) == .syncClock)
        #expect(machine.clockSynced(true) == .send(attempt: 2, afterMilliseconds: 0))
        #expect(machine.received(status: 400, code: -1021, retryAfter: nil) == .fail(.answer))
    }

    @Test func invalidTimestampThenSuccess() {
        var machine = SendStateMachine(recovery: .none)
        _ = machine.start()
        _ = machine.received(status: 400, code: -1021, retryAfter: nil)
        _ = machine.clockSynced(true)
        #expect(machine.received(status: 200, code: nil, retryAfter: nil) == .succeed)
    }

    @Test func aFailedResyncKeepsTheError() {
        var machine = SendStateMachine(recovery: .none)
        _ = machine.start()
        _ = machine.received(status: 400, code: -1021, retryAfter: nil)
        #expect(machine.clockSynced(false) == .fail(.answer))
    }

    @Test func otherExchangeErrorsFailAtOnce() {
        for code in [-2011, -1022, -1102, -2015] {
            var machine = SendStateMachine(recovery: .check)
            _ = machine.start()
            #expect(machine.received(status: 400, code: code, retryAfter: nil) == .fail(.answer))
        }
    }

    @Test func tooManyRequestsWaitsRetryAfterThenGivesUp() {
        var machine = SendStateMachine(recovery: .check, policy: .init(maxRateLimitRetries: 2))
        _ = machine.start()
        #expect(machine.received(status: 429, code: -1003, retryAfter: 3000) == .send(attempt: 2, afterMilliseconds: 3000))
        #expect(machine.received(status: 429, code: -1003, retryAfter: 1000) == .send(attempt: 3, afterMilliseconds: 1000))
        #expect(machine.received(status: 429, code: -1003, retryAfter: 1000) == .fail(.answer))
    }

    @Test func bannedStopsEverything() {
        var machine = SendStateMachine(recovery: .resend)
        _ = machine.start()
        #expect(machine.received(status: 418, code: -1003, retryAfter: 120_000) == .fail(.banned))
        #expect(machine.isFinished)
    }

    @Test func serverErrorOnAWriteChecksInsteadOfResending() {
        var machine = SendStateMachine(recovery: .check)
        _ = machine.start()
        #expect(machine.received(status: 503, code: nil, retryAfter: nil) == .check(afterMilliseconds: 0))
        #expect(machine.checked(.applied) == .succeedFromCheck)
    }

    @Test func aCheckThatProvesNothingHappenedAllowsOneMoreSend() {
        var machine = SendStateMachine(recovery: .check)
        _ = machine.start()
        _ = machine.transportFailed(outcomeUnknown: true)
        #expect(machine.checked(.notApplied) == .send(attempt: 2, afterMilliseconds: 0))
        #expect(machine.received(status: 200, code: nil, retryAfter: nil) == .succeed)
    }

    @Test func failingChecksBackOffThenLeaveTheOutcomeUnresolved() {
        let policy = SendStateMachine.Policy(maxChecks: 3, backoff: [10, 20])
        var machine = SendStateMachine(recovery: .check, policy: policy)
        _ = machine.start()
        #expect(machine.received(status: 500, code: nil, retryAfter: nil) == .check(afterMilliseconds: 0))
        #expect(machine.checked(.failed) == .check(afterMilliseconds: 20))
        #expect(machine.checked(.failed) == .check(afterMilliseconds: 20))
        #expect(machine.checked(.failed) == .fail(.unresolved))
    }

    @Test func aMootCheckIsReportedNotResent() {
        var machine = SendStateMachine(recovery: .check)
        _ = machine.start()
        _ = machine.received(status: 502, code: nil, retryAfter: nil)
        #expect(machine.checked(.moot) == .fail(.moot))
    }

    @Test func resendsAfterChecksAreBounded() {
        var machine = SendStateMachine(recovery: .check, policy: .init(maxResends: 1))
        _ = machine.start()
        _ = machine.received(status: 500, code: nil, retryAfter: nil)
        #expect(machine.checked(.notApplied) == .send(attempt: 2, afterMilliseconds: 0))
        #expect(machine.received(status: 500, code: nil, retryAfter: nil) == .check(afterMilliseconds: 0))
        #expect(machine.checked(.notApplied) == .fail(.unresolved))
    }

    @Test func readsAreSentAgainAfterServerErrors() {
        var machine = SendStateMachine(recovery: .resend, policy: .init(maxReadRetries: 2, backoff: [5, 50]))
        _ = machine.start()
        #expect(machine.received(status: 500, code: nil, retryAfter: nil) == .send(attempt: 2, afterMilliseconds: 5))
        #expect(machine.transportFailed(outcomeUnknown: true) == .send(attempt: 3, afterMilliseconds: 50))
        // A read changed nothing: the last failure is reported as it is, never "outcome unknown".
        #expect(machine.received(status: 503, code: nil, retryAfter: nil) == .fail(.answer))
    }

    @Test func aReadWhoseConnectionKeepsDroppingFailsWithTheTransportError() {
        var machine = SendStateMachine(recovery: .resend, policy: .init(maxReadRetries: 1, backoff: [5]))
        _ = machine.start()
        #expect(machine.transportFailed(outcomeUnknown: true) == .send(attempt: 2, afterMilliseconds: 5))
        #expect(machine.transportFailed(outcomeUnknown: true) == .fail(.transport))
    }

    @Test func nothingSentIsAPlainTransportFailure() {
        var machine = SendStateMachine(recovery: .check)
        _ = machine.start()
        #expect(machine.transportFailed(outcomeUnknown: false) == .fail(.transport))
    }

    @Test func uncheckableWritesStayUnresolved() {
        var machine = SendStateMachine(recovery: .none)
        _ = machine.start()
        #expect(machine.transportFailed(outcomeUnknown: true) == .fail(.unresolved))
    }

    @Test func eventsOutOfOrderStopTheMachine() {
        var machine = SendStateMachine(recovery: .check)
        #expect(machine.checked(.applied) == .fail(.unresolved))
        #expect(machine.isFinished)
    }
}
