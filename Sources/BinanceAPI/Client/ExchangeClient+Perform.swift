#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// ``ExchangeClient/perform(_:)``: one operation with the exchange's semantics — weight pacing,
/// 429/418, -1021 resync, and outcome checks instead of blind re-sends. The decisions are
/// ``SendStateMachine``'s and ``RateLimitState``'s; this file only performs them.
extension ExchangeClient {
    /// Prepares, paces, sends and decodes `operation`, recovering as DESIGN.md says the exchange
    /// requires. ``ExchangeResult/events`` lists what was done on the way.
    public func perform<Operation: ExchangeOperation>(
        _ operation: Operation
    ) async throws(ClientError) -> ExchangeResult<Operation.Response> {
        // Refused by the endpoint (a margin statement for the spot testnet) before any connection.
        do { try builder.checkEndpoint(operation.endpoint) } catch { throw .request(error) }
        var machine = SendStateMachine(recovery: Self.recovery(for: operation), policy: sendPolicy)
        var events: [ClientEvent] = []
        var request: PreparedRequest?
        var last: Result<(TransportResponse, Duration), TransportError>?
        var decoded: ExchangeResult<Operation.Response>?
        var checked: ExchangeResult<Operation.Response>?
        var conclusion = ""
        /// Why the last 2XX answer could not be read, if it could not.
        var unreadable: ClientError?
        var action = machine.start()
        while true {
            switch action {
            case .send(let attempt, let wait):
                let prepared: PreparedRequest
                do {
                    if wait > 0 {
                        try await pause(
                            wait, for: Self.waitReason(after: last), request: request ?? Self.placeholder(operation),
                            events: &events)
                    }
                    // A new connection (TCP, a proxy's CONNECT, TLS) is made before the stamp: a
                    // slow handshake would otherwise eat into recvWindow.
                    await transport.warmUp()
                    // Stamped and signed after every wait (weight budget, Retry-After, resync), so
                    // what leaves — and what the log records just before it leaves — is fresh.
                    var stamped = try prepare(operation)
                    if try await awaitAdmission(stamped, events: &events) { stamped = try prepare(operation) }
                    prepared = stamped
                    request = prepared
                    let ticket = rateLimits.willSend(family: prepared.limitFamily, weight: prepared.weight.value)
                    last = try await transmit(prepared, attempt: attempt, ticket: ticket)
                } catch {
                    throw Self.afterUnknown(error, events: events, recovery: machine.recovery)
                }
                decoded = nil
                unreadable = nil
                switch last {
                case .success(let (http, latency)):
                    var readable = true
                    if (200..<300).contains(http.status) {
                        do {
                            decoded = try Self.decode(http, request: prepared, latency: latency, as: Operation.Response.self)
                        } catch {
                            readable = false
                            unreadable = error
                            let what = "HTTP \(http.status) with an answer that could not be read (\(error.message))"
                            events.append(Self.unknownNote(what, effect: prepared.effect))
                        }
                    }
                    let code = http.status >= 300 ? ExchangeError.decode(body: http.body, httpStatus: http.status)?.code : nil
                    Self.describe(status: http.status, code: code, http: http, effect: prepared.effect, into: &events)
                    action = machine.received(
                        status: http.status, code: code, retryAfter: RateLimitState.retryAfterMilliseconds(http),
                        readable: readable)
                case .failure(let error):
                    if OutcomeRule.isUnknown(.noResponse(error)) {
                        events.append(Self.unknownNote(error.message, effect: prepared.effect))
                    }
                    action = machine.transportFailed(error)
                case nil:
                    action = machine.transportFailed(outcomeUnknown: false)
                }
            case .syncClock:
                let synced = await resyncClock()
                if let synced {
                    events.append(
                        ClientEvent(
                            .clockResynced,
                            "-1021: the clock offset to the exchange is now \(synced.offset) ms (±\(synced.uncertainty) ms); sending again"
                        ))
                }
                action = machine.clockSynced(synced != nil)
            case .check(let wait):
                await Self.sleep(milliseconds: wait)
                let (result, outcome) = await checkOutcome(of: operation, request: request)
                if let outcome {
                    checked = outcome.result
                    conclusion = outcome.message
                    events.append(ClientEvent(.checked, outcome.message))
                }
                action = machine.checked(result)
            case .succeed:
                guard var result = decoded else {
                    throw .unresolved("no answer was kept", request ?? Self.placeholder(operation))
                }
                result.events = events
                return result
            case .succeedFromCheck:
                guard var result = checked, let request else {
                    throw .unresolved("the check gave no answer", request ?? Self.placeholder(operation))
                }
                result.request = request
                result.events = events
                return result
            case .fail(let failure):
                let request = request ?? Self.placeholder(operation)
                // A 2XX that could not be read is reported as what it is, with the reason.
                if failure == .answer, let unreadable { throw unreadable }
                throw Self.afterUnknown(
                    failureError(failure, request: request, last: last, events: events, conclusion: conclusion),
                    events: events, recovery: machine.recovery)
            }
        }
    }

    /// Calls `notice` with every wait of ``ClientEvent/Policy/announcedWait`` or longer before
    /// it begins (the shell prints it), so a long pause always says what it waits for.
    public func configureWaitNotice(_ notice: @escaping @Sendable (ClientEvent) -> Void) {
        waitNotice = notice
    }

    /// Sets rate-limit configuration (profile `weightLimit`, `weightWindow`).
    public func configureRateLimits(_ configuration: RateLimitState.Configuration) {
        rateLimits = RateLimitState(configuration)
    }

    /// Sets how often `perform` retries and checks.
    public func configureSendPolicy(_ policy: SendStateMachine.Policy) {
        sendPolicy = policy
    }

    /// The rate-limit state, for `status`-like reporting and tests.
    public var rateLimitState: RateLimitState { rateLimits }

    /// Asks the exchange for its time and sets the clock offset; nil when it did not answer.
    /// The round trip bounds the error (see ``ClockSample``).
    @discardableResult
    public func resyncClock() async -> ClockSample? {
        let sentAt = ExchangeClock.localMilliseconds()
        guard let answer = try? await perform(ServerTime()) else { return nil }
        let sample = ClockSample(
            sentAt: sentAt, receivedAt: ExchangeClock.localMilliseconds(), serverTime: answer.response.serverTime)
        // A serverTime a day or more away (0, Int64.min) is a broken answer: keep the old offset.
        guard sample.isPlausible else { return nil }
        setClockOffset(sample.offset)
        return sample
    }

    // MARK: - Performing actions

    /// A checkable write is checked, a read sent again, any other write reported as unknown.
    static func recovery<Operation: ExchangeOperation>(for operation: Operation) -> SendStateMachine.Recovery {
        if operation is any OutcomeCheckable { return .check }
        return operation.endpoint.effect == .read ? .resend : .none
    }

    /// Stamps each send with ``timestampSource`` when set (replay), else the clock.
    public func configureTimestamps(_ source: @escaping @Sendable () -> Int64?) {
        timestampSource = source
    }

    private func prepare<Operation: ExchangeOperation>(_ operation: Operation) throws(ClientError) -> PreparedRequest {
        do {
            return try builder.prepare(operation, timestamp: timestampSource?() ?? clock.now())
        } catch {
            throw .request(error)
        }
    }

    /// Waits until the weight budget and any 429 pause let `request` go; throws when the IP is
    /// banned or a wait would pass the cap. Returns whether it waited (then `request`, stamped
    /// before the wait, must be prepared again). Reserves nothing: the caller reserves right
    /// before sending, with no suspension in between.
    private func awaitAdmission(_ request: PreparedRequest, events: inout [ClientEvent]) async throws(ClientError) -> Bool {
        var waited: Int64 = 0
        while true {
            switch rateLimits.admission(
                family: request.limitFamily, weight: request.weight.value, now: Self.monotonicMilliseconds())
            {
            case .send:
                if waited > 0 {
                    events.append(ClientEvent(.paced, "waited \(WaitRefusal.describe(waited)) for the request-weight budget"))
                }
                return waited > 0
            case .wait(let milliseconds):
                let reason =
                    rateLimits.pausedUntil.map { $0 > Self.monotonicMilliseconds() } == true
                    ? "the Retry-After of an HTTP 429" : "the request-weight budget"
                try refuseLongWait(milliseconds, for: reason, request: request)
                announce(milliseconds, for: reason)
                waited = waited.addingSaturated(milliseconds)
                await Self.sleep(milliseconds: milliseconds)
            case .banned(let until):
                throw .banned(until: until, request)
            }
        }
    }

    /// What a wait the state machine asks for after `last` is for.
    private static func waitReason(after last: Result<(TransportResponse, Duration), TransportError>?) -> String {
        if case .success(let (http, _)) = last, http.status == 429 { return "the Retry-After of an HTTP 429" }
        return "a pause before sending again"
    }

    /// Sits through a wait the state machine asked for (a 429's Retry-After, a backoff).
    private func pause(
        _ milliseconds: Int64, for reason: String, request: PreparedRequest, events: inout [ClientEvent]
    ) async throws(ClientError) {
        try refuseLongWait(milliseconds, for: reason, request: request)
        announce(milliseconds, for: reason)
        await Self.sleep(milliseconds: milliseconds)
    }

    /// Throws ``ClientError/waitRefused(_:_:)`` for a wait above the policy's cap.
    private func refuseLongWait(_ milliseconds: Int64, for reason: String, request: PreparedRequest) throws(ClientError) {
        guard milliseconds > sendPolicy.maximumWait else { return }
        throw .waitRefused(
            WaitRefusal(
                reason: reason, milliseconds: milliseconds,
                until: ExchangeClock.localMilliseconds().addingSaturated(milliseconds), maximum: sendPolicy.maximumWait),
            request)
    }

    /// Tells the wait notice about a wait long enough to be noticed, before it begins.
    private func announce(_ milliseconds: Int64, for reason: String) {
        guard let waitNotice, milliseconds >= sendPolicy.announcedWait else { return }
        let until = LocalTime.format(milliseconds: ExchangeClock.localMilliseconds().addingSaturated(milliseconds))
        waitNotice(
            ClientEvent(
                reason.contains("429") ? .rateLimited : .paced,
                "waiting \(WaitRefusal.describe(milliseconds)) for \(reason) (until \(until))"))
    }

    /// Records with the observer, sends, and updates the rate-limit state.
    private func transmit(
        _ request: PreparedRequest, attempt: Int, ticket: Int?
    ) async throws(ClientError) -> Result<(TransportResponse, Duration), TransportError> {
        do {
            try observer?.willSend(request, attempt: attempt)
        } catch {
            rateLimits.noAnswer(family: request.limitFamily, weight: request.weight.value)
            throw .notRecorded(String(describing: error), request)
        }
        let started = ContinuousClock.now
        do {
            let http = try await transport.send(request)
            let latency = ContinuousClock.now - started
            observer?.didReceive(http, for: request, latency: latency)
            rateLimits.didReceive(
                http, family: request.limitFamily, weight: request.weight.value, now: Self.monotonicMilliseconds(),
                wallNow: ExchangeClock.localMilliseconds(), ticket: ticket)
            return .success((http, latency))
        } catch {
            observer?.didFail(error, for: request, latency: ContinuousClock.now - started)
            rateLimits.noAnswer(family: request.limitFamily, weight: request.weight.value)
            return .failure(error)
        }
    }

    private struct CheckOutcome<Response: ExchangeResponse> {
        var result: ExchangeResult<Response>?
        var message: String
    }

    /// Runs the operation's outcome check and judges it.
    private func checkOutcome<Operation: ExchangeOperation>(
        of operation: Operation, request: PreparedRequest?
    ) async -> (SendStateMachine.CheckResult, CheckOutcome<Operation.Response>?) {
        guard let checkable = operation as? any OutcomeCheckable else { return (.failed, nil) }
        return await check(checkable, as: Operation.Response.self)
    }

    private func check<Checked: OutcomeCheckable, Response: ExchangeResponse>(
        _ operation: Checked, as: Response.Type
    ) async -> (SendStateMachine.CheckResult, CheckOutcome<Response>?) {
        let answer: ExchangeResult<Checked.Check.Response>
        do {
            answer = try await perform(operation.outcomeCheck)
        } catch {
            switch error {
            case .exchange(let exchangeError, _) where exchangeError.kind == .noSuchOrder:
                // The exchange answered the check definitively: there is no such order.
                return (.moot, CheckOutcome(result: nil, message: "the check answered \(exchangeError.description)"))
            default:
                return (.failed, CheckOutcome(result: nil, message: "the check failed: \(error.message)"))
            }
        }
        switch operation.judge(answer.response) {
        case .applied(let response, let message):
            guard let response = response as? Response else { return (.failed, nil) }
            let result = ExchangeResult(
                response: response, json: answer.json, request: answer.request, http: answer.http,
                latency: answer.latency)
            return (.applied, CheckOutcome(result: result, message: message))
        case .notApplied(let message):
            return (.notApplied, CheckOutcome(result: nil, message: message))
        case .moot(let message):
            return (.moot, CheckOutcome(result: nil, message: message))
        case .unrelated(let message):
            return (.inconclusive, CheckOutcome(result: nil, message: message))
        case .pending(let message):
            // Like a check without an answer: asked again after the back-off, up to maxChecks.
            return (.failed, CheckOutcome(result: nil, message: message))
        }
    }

    private func failureError(
        _ failure: SendStateMachine.Failure, request: PreparedRequest,
        last: Result<(TransportResponse, Duration), TransportError>?, events: [ClientEvent], conclusion: String
    ) -> ClientError {
        switch failure {
        case .answer, .transport:
            switch last {
            case .success(let (http, _)):
                if let error = ExchangeError.decode(body: http.body, httpStatus: http.status) {
                    return .exchange(error, request)
                }
                return .httpStatus(http.status, body: String(decoding: http.body, as: UTF8.self), request)
            case .failure(let error):
                return .transport(error, request)
            case nil:
                return .unresolved("nothing was sent", request)
            }
        case .banned:
            return .banned(until: rateLimits.ban?.wall ?? ExchangeClock.localMilliseconds(), request)
        case .moot:
            return .moot(conclusion, request)
        case .unresolved:
            let story = events.filter { $0.kind == .outcomeUnknown || $0.kind == .checked }.map(\.message)
            return .unresolved(story.isEmpty ? "no answer" : story.joined(separator: "; "), request)
        }
    }

    /// A failure that stops sending — a ban, a wait refused, the log unwritable — after an
    /// earlier send of this checkable write had an unknown outcome: that send may still have
    /// acted, so the outcome is unknown (and the request reached the exchange), not "not sent".
    static func afterUnknown(
        _ error: ClientError, events: [ClientEvent], recovery: SendStateMachine.Recovery
    ) -> ClientError {
        guard recovery == .check, events.contains(where: { $0.kind == .outcomeUnknown }) else { return error }
        switch error {
        case .banned(_, let request), .waitRefused(_, let request), .notRecorded(_, let request):
            let story = events.filter { $0.kind == .outcomeUnknown || $0.kind == .checked }.map(\.message)
            return .unresolved((story + ["then \(error.message)"]).joined(separator: "; "), request)
        default:
            return error
        }
    }

    /// The note for a send whose outcome is unknown: for a read, which changes nothing on the
    /// exchange, that it is sent again instead.
    static func unknownNote(_ what: String, effect: EndpointDescription.Effect) -> ClientEvent {
        effect == .read
            ? ClientEvent(.retried, "\(what): a read, sent again")
            : ClientEvent(.outcomeUnknown, "\(what): the outcome is unknown")
    }

    private static func describe(
        status: Int, code: Int?, http: TransportResponse, effect: EndpointDescription.Effect, into events: inout [ClientEvent]
    ) {
        switch OutcomeRule.verdict(.response(status: status, code: code, readable: true)) {
        case .rateLimited:
            let wait = RateLimitState.retryAfterMilliseconds(http).map { WaitRefusal.describe($0) } ?? "a while"
            events.append(ClientEvent(.rateLimited, "HTTP 429 (request weight exceeded): waiting \(wait) (Retry-After)"))
        case .unknown:
            // 5XX, 408, -1006/-1007 with any status (an unreadable 2XX is described where it is read).
            let detail = code.map { " (code \($0))" } ?? ""
            events.append(unknownNote("HTTP \(status)\(detail)", effect: effect))
        default:
            break
        }
    }

    static func decode<Response: ExchangeResponse>(
        _ http: TransportResponse, request: PreparedRequest, latency: Duration, as: Response.Type
    ) throws(ClientError) -> ExchangeResult<Response> {
        do {
            let json = try JSONValue.parse(http.body)
            return ExchangeResult(
                response: try Response(json: json), json: json, request: request, http: http, latency: latency)
        } catch let error as ResponseDecodingError {
            throw .decoding(error, request)
        } catch {
            throw .decoding(ResponseDecodingError(field: "", reason: String(describing: error)), request)
        }
    }

    /// A request value for errors raised before one was prepared (never sent).
    private static func placeholder<Operation: ExchangeOperation>(_ operation: Operation) -> PreparedRequest {
        let endpoint = operation.endpoint
        return PreparedRequest(
            title: endpoint.title, method: endpoint.method, path: endpoint.path, query: "", signature: nil,
            timestamp: nil, apiKey: nil, weight: endpoint.weight, parameters: operation.parameters, effect: endpoint.effect)
    }

    static func sleep(milliseconds: Int64) async {
        guard milliseconds > 0 else { return }
        try? await Task.sleep(for: .milliseconds(milliseconds))
    }

    /// A clock that never steps back, in ms, for pacing.
    static func monotonicMilliseconds() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Int64(now.tv_sec) * 1000 + Int64(now.tv_nsec) / 1_000_000
    }
}
