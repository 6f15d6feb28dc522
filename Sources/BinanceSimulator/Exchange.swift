import BinanceAPI
import Foundation

/// The simulated exchange, safe to share between threads: ``ExchangeState`` behind a lock.
///
/// One lock around the whole request keeps every verdict consistent (weight, faults and books
/// change together) and is cheap next to the work of a request: HMAC verification and a
/// dictionary lookup.
public final class Exchange: @unchecked Sendable {
    private let lock = NSLock()
    private var state: ExchangeState
    private var changeObserver: (@Sendable () -> Void)?

    /// An exchange holding `seed`'s accounts and orders.
    public init(configuration: SimulatorConfiguration = SimulatorConfiguration(), seed: ExchangeSeed = .demo)
        throws(SimulatorSetupError)
    {
        state = try ExchangeState(configuration: configuration, seed: seed)
    }

    /// An exchange in `state` (one loaded from a ``SimulatorStateFile``).
    public init(state: ExchangeState) {
        self.state = state
    }

    /// The demo exchange with `configuration`.
    public static func demo(_ configuration: SimulatorConfiguration = SimulatorConfiguration()) -> Exchange {
        // The demo seed is fixed data covered by tests; it cannot fail to load.
        do {
            return try Exchange(configuration: configuration, seed: .demo)
        } catch {
            preconditionFailure("the demo seed failed to load: \(error.message)")
        }
    }

    /// Judges one request at `now` (ms since the epoch on the caller's clock).
    public func handle(_ request: SimulatorRequest, now: Int64) -> SimulatorResponse {
        lock.lock()
        let response = state.handle(request, now: now)
        // Any request but a GET may have changed the books (a rejected one too, cheaply over-told).
        let observer = request.method == "GET" ? nil : changeObserver
        lock.unlock()
        observer?()
        return response
    }

    /// Tells the observer of ``observeChanges(_:)`` that the state changed through
    /// ``withState(_:)`` (a timed price walk).
    public func noteChange() {
        lock.lock()
        let observer = changeObserver
        lock.unlock()
        observer?()
    }

    /// Calls `observer` (outside the lock) after each request that may have changed the state:
    /// every request but a GET, the simulator's controls included. A ``SimulatorStateWriter``
    /// listens here.
    public func observeChanges(_ observer: @escaping @Sendable () -> Void) {
        lock.lock()
        defer { lock.unlock() }
        changeObserver = observer
    }

    /// Judges one request now, by the local wall clock.
    public func handle(_ request: SimulatorRequest) -> SimulatorResponse {
        handle(request, now: ExchangeClock.localMilliseconds())
    }

    /// Reads or changes the state under the lock (tests, set-up, inspection).
    public func withState<Result>(_ body: (inout ExchangeState) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&state)
    }

    /// The configuration in force.
    public var configuration: SimulatorConfiguration {
        get { withState { $0.configuration } }
        set { withState { $0.configuration = newValue } }
    }

    /// Registers another API key (HMAC secret or public key PEM) to `account`.
    public func register(apiKey: String, key: VerificationKey, account: String) throws(SimulatorSetupError) {
        lock.lock()
        defer { lock.unlock() }
        try state.register(ExchangeSeed.Account(name: account, apiKey: apiKey, key: key))
    }
}
