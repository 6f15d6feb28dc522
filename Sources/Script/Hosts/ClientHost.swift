import BinanceAPI
import Synchronization

/// Sends each operation through an `ExchangeClient` (simulator or HTTP transport) with the
/// exchange's semantics (`perform`: pacing, 429/418, -1021 resync, outcome checks) and turns the
/// response body into a record value.
package struct ClientHost: OperationHost {
    package let client: ExchangeClient
    private let setUp: SetUpOnce?

    /// - Parameter setUp: runs once, before the first operation (e.g. configuring rate limits,
    ///   which the client does asynchronously).
    package init(client: ExchangeClient, setUp: (@Sendable (ExchangeClient) async -> Void)? = nil) {
        self.client = client
        self.setUp = setUp.map(SetUpOnce.init)
    }

    /// `sim` runs against the embedded simulator and a `bnc sim` on this machine only.
    package var simulatorRefusal: String? {
        let transport = client.transport
        if SimulatorControl.isAllowed(endpointName: transport.endpointName, baseURL: transport.baseURL) { return nil }
        return "the endpoint \(transport.baseURL) is not bnc's simulator"
    }

    package func perform<Operation: ExchangeOperation>(_ operation: Operation) async throws(ClientError) -> OperationReply {
        // After the first operation the step has been taken: no hop into its actor per request.
        if let setUp, !setUp.isTaken { await setUp.run(client) }
        let result = try await client.perform(operation)
        var reply = OperationReply(
            value: Value(json: result.json), request: result.request, response: result.json, isDryRun: false,
            baseURL: client.transport.baseURL, events: result.events)
        let receivedAt = ExchangeClock.localMilliseconds()
        let latency = result.latency.components
        let (whole, overflow) = latency.seconds.multipliedReportingOverflow(by: 1000)
        let latencyMilliseconds = overflow ? Int64.max : whole.addingSaturated(latency.attoseconds / 1_000_000_000_000_000)
        reply.timing = (receivedAt.subtractingSaturated(max(0, latencyMilliseconds)), receivedAt)
        return reply
    }
}

/// Runs a set-up step once.
actor SetUpOnce {
    private var step: (@Sendable (ExchangeClient) async -> Void)?
    /// Set when `step` is taken; from then on ``run(_:)`` does nothing, which callers can see
    /// without entering the actor.
    private nonisolated let taken = Atomic<Bool>(false)

    init(_ step: @escaping @Sendable (ExchangeClient) async -> Void) {
        self.step = step
    }

    /// Whether the step was taken (it may still be running, as for a second caller of ``run(_:)``).
    nonisolated var isTaken: Bool { taken.load(ordering: .acquiring) }

    func run(_ client: ExchangeClient) async {
        guard let step else { return }
        self.step = nil
        taken.store(true, ordering: .releasing)
        await step(client)
    }
}
