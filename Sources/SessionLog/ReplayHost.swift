import BinanceAPI
import Script

/// Performs a replayed script's operations against a log: each operation is prepared with the
/// recorded request's timestamp, then sent through an `ExchangeClient` over a
/// ``ReplayTransport``, so decoding and exchange errors behave exactly as they did live.
package struct ReplayHost: OperationHost {
    package let transport: ReplayTransport
    package let credentials: Credentials?
    /// Raised at the first difference, or where the recording ends, so the script stops
    /// before its next statement.
    package let interrupt: InterruptFlag?

    package init(transport: ReplayTransport, credentials: Credentials?, interrupt: InterruptFlag?) {
        self.transport = transport
        self.credentials = credentials
        self.interrupt = interrupt
    }

    /// A parallel loop replays one iteration at a time, so it sends its requests in a fixed
    /// order; ``ReplayTransport`` finds each iteration's recorded requests by their origin.
    package var maximumConcurrency: Int? { 1 }

    package func perform<Operation: ExchangeOperation>(_ operation: Operation) async throws(ClientError) -> OperationReply {
        // The recorded timestamp makes the canonical query (and signature) reproducible.
        let clock = ExchangeClock(fixed: transport.peek()?.record.timestamp)
        let client = ExchangeClient(transport: transport, credentials: credentials, clock: clock)
        // An operation may have sent several requests (a 429's resend, an outcome check, a
        // resend after it), each stamped when it left: each replayed send takes the timestamp of
        // the record it will be compared with.
        let transport = self.transport
        await client.configureTimestamps { transport.peek()?.record.timestamp }
        // Stop before the next statement at the first difference, or where the recording ends
        // (an interrupted or cut-short session): past that point the log has no answers.
        defer {
            if transport.mismatch != nil || transport.recordingEnded { interrupt?.raise() }
        }
        return try await ClientHost(client: client).perform(operation)
    }
}
