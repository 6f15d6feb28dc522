/// Decides, for one operation, what the client does after each answer: the exchange semantics
/// of DESIGN.md as a pure state machine that returns actions (AHC's
/// `HTTP1ConnectionStateMachine` pattern). ``ExchangeClient/perform(_:)`` performs the actions;
/// tests drive the machine without I/O. What an answer means is ``OutcomeRule/verdict(_:)``'s
/// to say (the table in docs/design.md); this machine only decides what to do about it:
///
/// - done: finished.
/// - timestamp rejected (-1021): resync the clock offset once, re-sign, send again.
/// - rate limited (429): wait `Retry-After`, send again (the exchange did not act), at most
///   ``Policy/maxRateLimitRetries`` times. (A wait above the cap is refused by the client.)
/// - banned (418): stop; ``RateLimitState`` refuses every later request until the ban ends.
/// - unknown (5XX, -1006/-1007, a timeout, an unreadable 2XX…): a read is sent again; a write is
///   never re-sent blindly: its outcome is checked (the order is queried) and only a check that
///   proves it did not take effect allows sending it again.
/// - not done (other 4XX, 403, nothing sent): fail with the error — unless an earlier send of the
///   same write had an unknown outcome: that one may have acted after all (a re-sent cancel that
///   draws -2011 because the first one canceled the order), so the order is checked once more
///   before anything is reported.
public struct SendStateMachine: Sendable, Hashable {
    /// Limits on retries and checks.
    public struct Policy: Sendable, Hashable {
        /// How many 429s are waited out before giving up.
        public var maxRateLimitRetries: Int
        /// How many times a read is sent again after a 5XX or timeout.
        public var maxReadRetries: Int
        /// How many times the outcome check is tried when it fails itself.
        public var maxChecks: Int
        /// How many times a write is sent again after a check proved it did not take effect.
        public var maxResends: Int
        /// Waits (ms) before the n-th retry or check; the last one repeats.
        public var backoff: [Int64]
        /// The longest wait (ms) the client sits through — pacing, `Retry-After`: a longer one
        /// is an error that says what it would have waited for and until when (5 minutes).
        public var maximumWait: Int64
        /// Waits from this long (ms) are announced before they begin, not only reported after.
        public var announcedWait: Int64

        /// The default cap on a single wait: 5 minutes.
        public static let defaultMaximumWait: Int64 = 300_000

        public init(
            maxRateLimitRetries: Int = 3, maxReadRetries: Int = 3, maxChecks: Int = 5, maxResends: Int = 3,
            backoff: [Int64] = [50, 200, 500, 1000, 2000], maximumWait: Int64 = Policy.defaultMaximumWait,
            announcedWait: Int64 = 1000
        ) {
            self.maxRateLimitRetries = maxRateLimitRetries
            self.maxReadRetries = maxReadRetries
            self.maxChecks = maxChecks
            self.maxResends = maxResends
            self.backoff = backoff.isEmpty ? [0] : backoff
            self.maximumWait = max(0, maximumWait)
            self.announcedWait = max(0, announcedWait)
        }

        func delay(_ index: Int) -> Int64 { backoff[min(max(index, 0), backoff.count - 1)] }
    }

    /// How an operation's unknown outcome is resolved.
    public enum Recovery: Sendable, Hashable {
        /// A read: sending it again changes nothing on the exchange.
        case resend
        /// A write whose effect a query can check (a cancel: query the order).
        case check
        /// Neither: report the unknown outcome.
        case none
    }

    /// What a check found out.
    public enum CheckResult: Sendable, Hashable {
        /// The request took effect (the order is canceled).
        case applied
        /// It did not, and sending it again is what the user asked for (the order is still open).
        case notApplied
        /// It did not and cannot (the order was filled meanwhile): report, do not resend.
        case moot
        /// The check itself got no answer.
        case failed
        /// The check answered about something else (another order, symbol or account): it
        /// proves nothing, and asking again will not change that.
        case inconclusive
    }

    /// What to do next.
    public enum Action: Sendable, Hashable {
        /// Prepare the request with a fresh timestamp and send it, after waiting `afterMilliseconds`.
        case send(attempt: Int, afterMilliseconds: Int64)
        /// Learn the exchange's time, set the clock offset, then report ``clockSynced(_:)``.
        case syncClock
        /// Run the outcome check after waiting `afterMilliseconds`, then report ``checked(_:)``.
        case check(afterMilliseconds: Int64)
        /// The last answer is the result.
        case succeed
        /// The check showed the request took effect: the check's answer is the result.
        case succeedFromCheck
        /// Stop with the reason.
        case fail(Failure)
    }

    /// Why the machine stopped without a result.
    public enum Failure: Sendable, Hashable {
        /// The last answer (an exchange error or HTTP status) is the error.
        case answer
        /// The transport error of the last attempt is the error.
        case transport
        /// The IP is banned (418).
        case banned
        /// The outcome stayed unknown: the checks failed, or the operation cannot be checked.
        case unresolved
        /// The check showed the request did not and cannot take effect.
        case moot
    }

    enum State: Sendable, Hashable {
        case idle
        case sending(attempt: Int)
        case syncingClock(attempt: Int)
        case checking(attempt: Int, checks: Int)
        /// Checking before reporting a definite `failure` that followed an unknown outcome.
        case confirming(failure: Failure, checks: Int)
        case finished
    }

    public let recovery: Recovery
    public let policy: Policy
    private(set) var state: State = .idle
    private var clockResynced = false
    private var rateLimitRetries = 0
    private var readRetries = 0
    private var resends = 0
    /// Whether an earlier send of this operation had an unknown outcome.
    private var sawUnknown = false

    public init(recovery: Recovery, policy: Policy = Policy()) {
        self.recovery = recovery
        self.policy = policy
    }

    /// Whether the machine has stopped.
    public var isFinished: Bool { state == .finished }

    /// The first action.
    public mutating func start() -> Action {
        guard case .idle = state else { return finish(.fail(.answer)) }
        state = .sending(attempt: 1)
        return .send(attempt: 1, afterMilliseconds: 0)
    }

    /// An answer arrived: `status`, the exchange's `code` if the body was an exchange error,
    /// `Retry-After` in ms, and for a 2XX whether the body was the documented answer.
    public mutating func received(status: Int, code: Int?, retryAfter: Int64?, readable: Bool = true) -> Action {
        guard case .sending(let attempt) = state else { return finish(.fail(.answer)) }
        switch OutcomeRule.verdict(.response(status: status, code: code, readable: readable)) {
        case .done:
            return finish(.succeed)
        case .banned:
            return finish(.fail(.banned))
        case .rateLimited:
            guard rateLimitRetries < policy.maxRateLimitRetries else { return definiteFailure(.answer) }
            rateLimitRetries += 1
            return sendAgain(attempt, after: retryAfter ?? policy.delay(rateLimitRetries - 1))
        case .unknown:
            return outcomeUnknown(attempt, last: .answer)
        case .timestampRejected:
            guard !clockResynced else { return definiteFailure(.answer) }
            clockResynced = true
            state = .syncingClock(attempt: attempt)
            return .syncClock
        case .notDone:
            return definiteFailure(.answer)
        }
    }

    /// No answer: what the transport reported.
    public mutating func transportFailed(_ error: TransportError) -> Action {
        transportFailed(outcomeUnknown: OutcomeRule.isUnknown(.noResponse(error)))
    }

    /// No answer: `outcomeUnknown` is false when nothing reached the exchange.
    public mutating func transportFailed(outcomeUnknown: Bool) -> Action {
        guard case .sending(let attempt) = state else { return finish(.fail(.transport)) }
        guard outcomeUnknown else { return definiteFailure(.transport) }
        return self.outcomeUnknown(attempt, last: .transport)
    }

    /// The clock sync finished (`succeeded` false: it failed; the -1021 stands).
    public mutating func clockSynced(_ succeeded: Bool) -> Action {
        guard case .syncingClock(let attempt) = state else { return finish(.fail(.answer)) }
        guard succeeded else { return definiteFailure(.answer) }
        return sendAgain(attempt, after: 0)
    }

    /// The outcome check finished.
    public mutating func checked(_ result: CheckResult) -> Action {
        if case .confirming(let failure, let checks) = state {
            switch result {
            case .applied: return finish(.succeedFromCheck)
            case .notApplied: return finish(.fail(failure)) // the earlier send did nothing either
            case .moot: return finish(.fail(.moot))
            case .inconclusive: return finish(.fail(.unresolved))
            case .failed:
                guard checks < policy.maxChecks else { return finish(.fail(.unresolved)) }
                state = .confirming(failure: failure, checks: checks + 1)
                return .check(afterMilliseconds: policy.delay(checks))
            }
        }
        guard case .checking(let attempt, let checks) = state else { return finish(.fail(.unresolved)) }
        switch result {
        case .applied:
            return finish(.succeedFromCheck)
        case .moot:
            return finish(.fail(.moot))
        case .inconclusive:
            return finish(.fail(.unresolved))
        case .notApplied:
            guard resends < policy.maxResends else { return finish(.fail(.unresolved)) }
            resends += 1
            return sendAgain(attempt, after: 0)
        case .failed:
            guard checks < policy.maxChecks else { return finish(.fail(.unresolved)) }
            state = .checking(attempt: attempt, checks: checks + 1)
            return .check(afterMilliseconds: policy.delay(checks))
        }
    }

    /// A definite failure of this send: reported as it is, unless an earlier send of a
    /// checkable write had an unknown outcome — then the check decides first.
    private mutating func definiteFailure(_ failure: Failure) -> Action {
        guard sawUnknown, recovery == .check else { return finish(.fail(failure)) }
        state = .confirming(failure: failure, checks: 1)
        return .check(afterMilliseconds: 0)
    }

    /// `last` is what failed this send (an answer or the transport): a read that keeps failing
    /// reports it as it is — a read changed nothing, so its outcome is never "unknown".
    private mutating func outcomeUnknown(_ attempt: Int, last: Failure) -> Action {
        sawUnknown = true
        switch recovery {
        case .resend:
            guard readRetries < policy.maxReadRetries else { return finish(.fail(last)) }
            readRetries += 1
            return sendAgain(attempt, after: policy.delay(readRetries - 1))
        case .check:
            state = .checking(attempt: attempt, checks: 1)
            return .check(afterMilliseconds: 0)
        case .none:
            return finish(.fail(.unresolved))
        }
    }

    private mutating func sendAgain(_ attempt: Int, after wait: Int64) -> Action {
        state = .sending(attempt: attempt + 1)
        return .send(attempt: attempt + 1, afterMilliseconds: wait)
    }

    private mutating func finish(_ action: Action) -> Action {
        state = .finished
        return action
    }
}
