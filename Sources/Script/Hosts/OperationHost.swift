import BinanceAPI

/// The seam between the language and the exchange: performs one typed operation and returns
/// what the script binds.
///
/// Two hosts ship: ``DryRunHost`` (prepares and signs, sends nothing) and ``ClientHost``
/// (sends through an `ExchangeClient`). Tests and the benchmark may add their own.
package protocol OperationHost: Sendable {
    /// Performs `operation`. Throws `ClientError` for every failure, so scripts can catch it
    /// with `try { } on error e { }`; `.request` errors mean nothing was sent.
    func perform<Operation: ExchangeOperation>(_ operation: Operation) async throws(ClientError) -> OperationReply

    /// True when nothing is sent; scripts see it as `$dryrun`.
    var isDryRun: Bool { get }

    /// The most iterations of a `parallel N for` loop that may run at once with this host, or nil
    /// for no limit beyond N. Replay answers 1: it reproduces a parallel loop one iteration at a
    /// time, matching each request to its recorded origin.
    var maximumConcurrency: Int? { get }

    /// Why `sim` statements (bnc's simulator controls) cannot run with this host, or nil when
    /// they can: only a host that reaches bnc's simulator runs them.
    var simulatorRefusal: String? { get }
}

extension OperationHost {
    package var isDryRun: Bool { false }
    package var maximumConcurrency: Int? { nil }
    package var simulatorRefusal: String? { isDryRun ? "a dry run sends nothing" : "this session does not reach bnc's simulator" }
}

/// What a performed operation produced.
package struct OperationReply: Sendable {
    /// What `let r = ...` binds: the response as a record, or (dry run) the request as a record.
    ///
    /// A dry-run reply made with ``init(dryRun:baseURL:)`` builds it from the request only when
    /// asked (bound to a variable, shown, looped over): text output never needs it, and building
    /// it for every statement of a long loop cost more than preparing and signing the request.
    package var value: Value {
        get { storedValue ?? Value(json: request.dryRunJSON(baseURL: baseURL)) }
        set { storedValue = newValue }
    }
    /// The value as given; nil for a dry-run reply whose value is built on demand.
    private var storedValue: Value?
    /// The request as prepared and signed.
    package var request: PreparedRequest
    /// The response body, when a response arrived.
    package var response: JSONValue?
    /// True when nothing was sent (dry run).
    package var isDryRun: Bool
    /// The base URL the request was shown or sent against.
    package var baseURL: String
    /// What the client did on its own on the way (paced, resynced the clock, checked an outcome).
    package var events: [ClientEvent]
    /// When the request went out and its answer came back (local wall clock, ms), for what
    /// depends on the round trip (`time` shows the clock offset); nil in a dry run.
    package var timing: (sentAt: Int64, receivedAt: Int64)?

    package init(
        value: Value, request: PreparedRequest, response: JSONValue?, isDryRun: Bool, baseURL: String,
        events: [ClientEvent] = []
    ) {
        self.storedValue = value
        self.request = request
        self.response = response
        self.isDryRun = isDryRun
        self.baseURL = baseURL
        self.events = events
    }

    /// A dry run's reply: nothing was sent; its value, the request as a record
    /// (`PreparedRequest.dryRunJSON(baseURL:)`), is built from the request whenever it is read.
    package init(dryRun request: PreparedRequest, baseURL: String) {
        self.storedValue = nil
        self.request = request
        self.response = nil
        self.isDryRun = true
        self.baseURL = baseURL
        self.events = []
    }
}
