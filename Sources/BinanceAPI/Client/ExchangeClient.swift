/// The result of an operation the exchange accepted.
public struct ExchangeResult<Response: ExchangeResponse>: Sendable {
    /// The typed body.
    public var response: Response
    /// The body as received.
    public var json: JSONValue
    /// What was sent.
    public var request: PreparedRequest
    /// The HTTP response (status, rate-limit headers).
    public var http: TransportResponse
    /// Time from hand-off to the transport until the response.
    public var latency: Duration
    /// What ``ExchangeClient/perform(_:)`` did on its own (paced, resynced, checked an
    /// outcome), in order; empty for ``ExchangeClient/execute(_:)``.
    public var events: [ClientEvent] = []
}

/// Sends typed operations: prepares and signs them, records them with the observer first, hands
/// them to the transport, and decodes the answer into a typed response or a typed error.
public actor ExchangeClient {
    /// Where requests go.
    public nonisolated let transport: any Transport
    /// Signs requests.
    public nonisolated let builder: RequestBuilder
    /// Stamps requests.
    public private(set) var clock: ExchangeClock
    let observer: (any RequestObserver)?
    /// Weight budgets, 429 pauses and 418 bans learned from answers (``perform(_:)``).
    var rateLimits = RateLimitState()
    /// Limits on ``perform(_:)``'s retries and outcome checks.
    var sendPolicy = SendStateMachine.Policy()
    /// Told about long waits before they begin (``configureWaitNotice(_:)``).
    var waitNotice: (@Sendable (ClientEvent) -> Void)?
    /// Where ``perform(_:)`` takes each send's timestamp instead of ``clock`` (replay: the
    /// timestamp of the record that send is compared with); nil answers fall back to the clock.
    var timestampSource: (@Sendable () -> Int64?)?

    public init(
        transport: any Transport, credentials: Credentials?, clock: ExchangeClock = ExchangeClock(),
        observer: (any RequestObserver)? = nil, recvWindow: Int? = nil
    ) {
        self.transport = transport
        self.builder = RequestBuilder(credentials: credentials, recvWindow: recvWindow, baseURL: transport.baseURL)
        self.clock = clock
        self.observer = observer
    }

    /// Replaces the clock offset (after a server-time sync).
    public func setClockOffset(_ offset: Int64) {
        clock.offset = offset
    }

    /// Prepares, records, sends and decodes `operation`.
    public func execute<Operation: ExchangeOperation>(
        _ operation: Operation
    ) async throws(ClientError) -> ExchangeResult<Operation.Response> {
        let request: PreparedRequest
        do { try builder.checkEndpoint(operation.endpoint) } catch { throw .request(error) }
        await transport.warmUp() // connect first, then stamp (see perform)
        do {
            request = try builder.prepare(operation, timestamp: clock.now())
        } catch {
            throw .request(error)
        }
        return try await send(request, as: Operation.Response.self)
    }

    /// Records and sends an already prepared request, and decodes its answer.
    public func send<Response: ExchangeResponse>(
        _ request: PreparedRequest, as: Response.Type, attempt: Int = 1
    ) async throws(ClientError) -> ExchangeResult<Response> {
        do {
            try observer?.willSend(request, attempt: attempt)
        } catch {
            throw .notRecorded(String(describing: error), request)
        }
        let started = ContinuousClock.now
        let http: TransportResponse
        do {
            http = try await transport.send(request)
        } catch {
            observer?.didFail(error, for: request, latency: ContinuousClock.now - started)
            throw .transport(error, request)
        }
        let latency = ContinuousClock.now - started
        observer?.didReceive(http, for: request, latency: latency)
        guard (200..<300).contains(http.status) else {
            if let error = ExchangeError.decode(body: http.body, httpStatus: http.status) {
                throw .exchange(error, request)
            }
            throw .httpStatus(http.status, body: String(decoding: http.body, as: UTF8.self), request)
        }
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
}
