import BinanceAPI

/// Sends each operation through an `ExchangeClient` (simulator or HTTP transport) with the
/// exchange's semantics (`perform`: pacing, 429/418, -1021 resync, outcome checks) and turns the
/// response body into a record value.
public struct ClientHost: OperationHost {
    public let client: ExchangeClient

    public init(client: ExchangeClient) {
        self.client = client
    }

    public func perform<Operation: ExchangeOperation>(_ operation: Operation) async throws(ClientError) -> OperationReply {
        let result = try await client.perform(operation)
        return OperationReply(
            value: Value(json: result.json), request: result.request, response: result.json, isDryRun: false,
            baseURL: client.transport.baseURL, events: result.events)
    }
}
