import BinanceAPI
import Synchronization

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// The simulated exchange, safe to share between threads: ``ExchangeState`` behind a lock.
///
/// One lock around the whole request keeps every verdict consistent (weight, faults and books
/// change together) and is cheap next to the work of a request: HMAC verification and a
/// dictionary lookup.
public final class Exchange: Sendable {
    private let guarded: Mutex<Guarded>

    /// What the mutex guards.
    private struct Guarded {
        var state: ExchangeState
        var changeObserver: (@Sendable () -> Void)?
    }

    /// An exchange holding `seed`'s accounts and orders.
    public init(configuration: SimulatorConfiguration = SimulatorConfiguration(), seed: ExchangeSeed = .demo)
        throws(SimulatorSetupError)
    {
        guarded = Mutex(Guarded(state: try ExchangeState(configuration: configuration, seed: seed)))
    }

    /// An exchange in `state` (one loaded from a ``SimulatorStateFile``).
    public init(state: ExchangeState) {
        guarded = Mutex(Guarded(state: state))
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
        let (response, observer) = guarded.withLock { guarded in
            let response = guarded.state.handle(request, now: now)
            // Any request but a GET may have changed the books (a rejected one too, cheaply over-told).
            return (response, request.method == "GET" ? nil : guarded.changeObserver)
        }
        observer?()
        return response
    }

    /// Tells the observer of ``observeChanges(_:)`` that the state changed through
    /// ``withState(_:)`` (a timed price walk).
    public func noteChange() {
        let observer = guarded.withLock { $0.changeObserver }
        observer?()
    }

    /// Calls `observer` (outside the lock) after each request that may have changed the state:
    /// every request but a GET, the simulator's controls included. A ``SimulatorStateWriter``
    /// listens here.
    public func observeChanges(_ observer: @escaping @Sendable () -> Void) {
        guarded.withLock { $0.changeObserver = observer }
    }

    /// Judges one request now, by the local wall clock.
    public func handle(_ request: SimulatorRequest) -> SimulatorResponse {
        handle(request, now: ExchangeClock.localMilliseconds())
    }

    /// Reads or changes the state under the lock (tests, set-up, inspection).
    public func withState<Result, Failure: Error>(
        _ body: (inout ExchangeState) throws(Failure) -> sending Result
    ) throws(Failure) -> sending Result {
        try guarded.withLock { (guarded) throws(Failure) -> sending Result in try body(&guarded.state) }
    }

    /// The configuration in force.
    public var configuration: SimulatorConfiguration {
        get { withState { $0.configuration } }
        set { withState { $0.configuration = newValue } }
    }

    /// Registers another API key (HMAC secret or public key PEM) to `account`.
    public func register(apiKey: String, key: VerificationKey, account: String) throws(SimulatorSetupError) {
        try guarded.withLock { (guarded) throws(SimulatorSetupError) in
            try guarded.state.register(ExchangeSeed.Account(name: account, apiKey: apiKey, key: key))
        }
    }
}
